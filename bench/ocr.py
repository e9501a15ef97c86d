"""OCR benchmark on generated phone photos of synthetic documents (never real people).

    .venv/bin/python -m bench.ocr [--images 210] [--engine rapidocr|tesseract|both] [--threads 1]
                                  [--names stress|weighted] [--towns fixed|county] [--severity 1.0]
                                  [--turns none|any]

Prints, per engine and document kind: each field's exact-match accuracy, the share of documents with every
field right, the rate of wrong answers given with confidence >= 0.9, seconds per image (median, p95, models
loaded, one thread; wall clock, and the process's CPU time, which other work on a shared machine does not
inflate) and peak memory. The address is also scored by character error rate. Documents fully right are also
counted by the photo's conditions (blur, light, glare, the document's size in the frame, and "a careful photo":
in focus, in good light, without glare; and, with `--turns any`, upright, a quarter turn or upside down), and
among those the reader did not ask to photograph again. Failures
are written to bench/out/ocr-failures-ENGINE.jsonl (synthetic data only) for inspection."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

CONFIDENT = 0.9
FIELDS_BY_KIND = {
    "id_card_front": ("name", "sex", "ethnicity", "birth_date", "address", "id_number"),
    "id_card_back": ("issuing_authority", "valid_from", "valid_until"),
    "disability_certificate": ("name", "sex", "birth_date", "certificate_number", "disability_category",
                               "disability_grade", "address", "issue_date", "valid_until"),
}
OUT = Path(__file__).resolve().parent / "out"
# Confidence bands of the calibration table: upper bounds (exclusive; 1.01 closes the last one).
BANDS = {"<0.5": 0.5, "0.5-0.9": 0.9, ">=0.9": 1.01}


def _careful(conditions: dict) -> bool:
    """What a person told to hold still, find light and turn away from the lamp would send."""
    return conditions["blur"] < 1.0 and conditions["exposure"] >= 0.7 and "glare" not in conditions


# The photo's conditions, as ocr/synthetic/photo.py records them, in bands of what the person taking the photo
# can change. Blur is the Gaussian's sigma in photo pixels (0 to 1.6 at severity 1); exposure under 0.7 is the
# generator's low light (0.35-0.6, a quarter of the photos at severity 1); fill is the document's share of the
# photo's width.
CONDITION_BANDS = {
    "blur": (("under 0.7 px", lambda c: c["blur"] < 0.7), ("0.7-1.2 px", lambda c: 0.7 <= c["blur"] < 1.2),
             ("1.2 px or more", lambda c: c["blur"] >= 1.2)),
    "light": (("normal", lambda c: c["exposure"] >= 0.7), ("low", lambda c: c["exposure"] < 0.7)),
    "glare": (("none", lambda c: "glare" not in c), ("a lamp's", lambda c: "glare" in c)),
    "size": (("document 60 % of the width or more", lambda c: c["fill"] >= 0.6),
             ("under 60 %", lambda c: c["fill"] < 0.6)),
    "careful photo": (("blur under 1 px, normal light, no glare", _careful), ("any other", lambda c: not _careful(c))),
    "turn": (("upright", lambda c: c.get("turn", 0) == 0), ("a quarter turn", lambda c: c.get("turn") in (90, 270)),
             ("upside down", lambda c: c.get("turn") == 180)),
}
TURN_MIXES = ("none", "any")


def photo_turn(seed: int, turns: str) -> int:
    """How far the photo of `seed` is turned: never with "none"; with "any", a quarter turn either way, a half
    turn or none, equally often, as a person who cannot see the document (or holds the phone upright) sends
    them. Drawn apart from the sample's own draws, so the documents and photos are the same as without."""
    from ocr.synthetic.photo import TURNS

    return 0 if turns == "none" else random.Random(f"turn {seed}").choice(TURNS)


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (pytesseract runs `tesseract` as one)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_engine(engine: str, images: int, first_seed: int, threads: int, kind_mode: str,
               names: str = "stress", towns: str = "fixed", severity: float = 1.0, turns: str = "none") -> dict:
    import datetime as dt

    from ocr.api import Reader
    from ocr.reading import NO_DOCUMENT_FOUND, RETAKE_ADVICE
    from ocr.synthetic import make_sample
    from ocr.synthetic.samples import KINDS

    # Samples are made one at a time (outside the timed call), so peak memory is the reader's, not the set's.
    make_sample(first_seed, KINDS[0])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    reader = Reader(engine=engine, threads=threads)
    load_seconds = time.perf_counter() - started
    today = dt.date(2025, 6, 1)          # the generator's "today": dates after it are implausible
    per_field = defaultdict(lambda: {"n": 0, "right": 0, "confident_wrong": 0, "withheld": 0, "confident_right": 0})
    docs = defaultdict(lambda: {"n": 0, "all_right": 0, "kind_right": 0})
    address = defaultdict(lambda: {"chars": 0, "errors": 0})
    times, cpu_times = [], []
    bands = {band: {"right": 0, "wrong": 0} for band in BANDS}
    # Asking for another photo, on failed and on fully right documents, by code: the retake advice
    # (ocr/preprocess/retake.py), else a photo in which no document was found, else "none".
    advice = {"failed": defaultdict(int), "right": defaultdict(int)}
    by_condition = {name: {band: {"n": 0, "all_right": 0} for band, _ in bands_of}
                    for name, bands_of in CONDITION_BANDS.items()}
    OUT.mkdir(exist_ok=True)
    with open(OUT / f"ocr-failures-{engine}.jsonl", "w") as failures:
        for i in range(images):
            seed = first_seed + i
            sample = make_sample(seed, KINDS[i % len(KINDS)], severity=severity, names=names, towns=towns,
                                 turn=photo_turn(seed, turns))
            t0, c0 = time.perf_counter(), _cpu_seconds()
            reading = reader.read(sample.jpeg, "auto" if kind_mode == "auto" else sample.kind, today=today)
            times.append(time.perf_counter() - t0)
            cpu_times.append(_cpu_seconds() - c0)
            kind = sample.kind
            docs[kind]["n"] += 1
            docs[kind]["kind_right"] += reading.kind == kind
            all_right = True
            wrong = {}
            for field in FIELDS_BY_KIND[kind]:
                stats = per_field[(kind, field)]
                stats["n"] += 1
                truth = sample.truth[field]
                got = reading.fields.get(field)
                if got is not None:
                    band = next(b for b in BANDS if got.confidence < BANDS[b])
                    bands[band]["right" if got.value == truth else "wrong"] += 1
                if got is None:
                    stats["withheld"] += 1
                    all_right = False
                    wrong[field] = {"truth": truth, "got": None}
                elif got.value == truth:
                    stats["right"] += 1
                    stats["confident_right"] += got.confidence >= CONFIDENT
                else:
                    all_right = False
                    stats["confident_wrong"] += got.confidence >= CONFIDENT
                    wrong[field] = {"truth": truth, "got": got.value, "confidence": got.confidence}
                if field == "address":
                    address[kind]["chars"] += len(str(truth))
                    address[kind]["errors"] += edit_distance(str(truth), str(got.value)) if got else len(str(truth))
            docs[kind]["all_right"] += all_right
            advised = next((w.code for w in reading.warnings if w.code in RETAKE_ADVICE),
                           next((w.code for w in reading.warnings if w.code in NO_DOCUMENT_FOUND), "none"))
            advice["right" if all_right else "failed"][advised] += 1
            for name, bands_of in CONDITION_BANDS.items():
                condition_band = next(band for band, holds in bands_of if holds(sample.conditions))
                by_condition[name][condition_band]["n"] += 1
                by_condition[name][condition_band]["all_right"] += all_right
            if wrong:
                failures.write(json.dumps({"seed": sample.seed, "kind": kind, "variant": sample.variant,
                                           "conditions": sample.conditions, "wrong": wrong,
                                           "warnings": [w.to_json() for w in reading.warnings]},
                                          ensure_ascii=False) + "\n")
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "engine": engine, "images": images, "threads": threads, "names": names, "towns": towns, "severity": severity,
        "turns": turns,
        "load_seconds": load_seconds,
        "peak_rss_mb": peak_rss_mb, "rss_before_load_mb": rss_before / 1024,
        "median_s": statistics.median(times), "p95_s": sorted(times)[int(0.95 * (len(times) - 1))],
        "median_cpu_s": statistics.median(cpu_times), "p95_cpu_s": sorted(cpu_times)[int(0.95 * (len(cpu_times) - 1))],
        "per_field": {f"{k}/{f}": v for (k, f), v in per_field.items()},
        "docs": dict(docs), "address": dict(address), "calibration": bands,
        "advice": {outcome: dict(codes) for outcome, codes in advice.items()},
        "by_condition": by_condition,
    }


def _share(part: int, whole: int) -> str:
    """`part/whole (percent)`, for counts of documents."""
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def report(result: dict) -> None:
    print(f"\n== {result['engine']}: {result['images']} images, {result['threads']} thread(s), "
          f"names: {result['names']}, towns: {result['towns']}, severity {result.get('severity', 1.0)}, "
          f"turns: {result.get('turns', 'none')}")
    print(f"   load {result['load_seconds']:.2f} s; per image median {result['median_s']:.3f} s, "
          f"p95 {result['p95_s']:.3f} s wall clock (CPU time: median {result['median_cpu_s']:.3f} s, "
          f"p95 {result['p95_cpu_s']:.3f} s); peak RSS {result['peak_rss_mb']:.0f} MB "
          f"(before loading models {result['rss_before_load_mb']:.0f} MB)")
    total_fields = total_confident_wrong = 0
    for kind, fields in FIELDS_BY_KIND.items():
        d = result["docs"].get(kind)
        if not d:
            continue
        print(f"   {kind}: {d['n']} documents, all fields right {100 * d['all_right'] / d['n']:.1f}%, "
              f"kind recognised {100 * d['kind_right'] / d['n']:.1f}%")
        for field in fields:
            s = result["per_field"][f"{kind}/{field}"]
            total_fields += s["n"]
            total_confident_wrong += s["confident_wrong"]
            extra = ""
            if field == "address":
                a = result["address"][kind]
                extra = f"  CER {100 * a['errors'] / max(a['chars'], 1):.2f}%"
            print(f"     {field:20s} right {100 * s['right'] / s['n']:6.1f}%  confident&right "
                  f"{100 * s['confident_right'] / s['n']:6.1f}%  withheld {s['withheld']:3d}  "
                  f"wrong@>=0.9 {s['confident_wrong']:2d}{extra}")
    print("   calibration (all fields given): " + "; ".join(
        f"confidence {band}: {v['right']} right, {v['wrong']} wrong" for band, v in result["calibration"].items()))
    for outcome, codes in result["advice"].items():
        print(f"   asked to photograph again (retake advice, no document found) on {outcome} documents: " + ", ".join(
            f"{code} {count}" for code, count in sorted(codes.items())))
    not_advised = result["advice"]["right"].get("none", 0) + result["advice"]["failed"].get("none", 0)
    print(f"   fully right among documents not asked to photograph again: "
          f"{_share(result['advice']['right'].get('none', 0), not_advised)}")
    for name, bands_of in result["by_condition"].items():
        if sum(1 for c in bands_of.values() if c["n"]) < 2:
            continue        # every photo in one band (upright, say, without --turns any): nothing to compare
        print(f"   fully right by {name}: " + "; ".join(
            f"{band} {_share(c['all_right'], c['n'])}" for band, c in bands_of.items()))
    n_docs = sum(d["n"] for d in result["docs"].values())
    all_right = sum(d["all_right"] for d in result["docs"].values())
    print(f"   ALL: documents with every field right {100 * all_right / n_docs:.1f}% ({all_right}/{n_docs}); "
          f"wrong answers with confidence >= 0.9: {total_confident_wrong} of {total_fields} fields "
          f"({100 * total_confident_wrong / total_fields:.2f}%)")


def _severity(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("severity is between 0 and 1")
    return value


def main() -> None:
    from ocr.synthetic.people import NAME_MIXES, TOWN_MIXES

    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=210)
    parser.add_argument("--engine", choices=("rapidocr", "tesseract", "both"), default="both")
    parser.add_argument("--first-seed", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--kind", choices=("auto", "given"), default="auto",
                        help="auto: the reader tells the documents apart (default); given: it is told")
    parser.add_argument("--names", choices=NAME_MIXES, default="stress",
                        help="stress: rare given-name characters thirty times as often as real names hold them "
                             "(default); weighted: names drawn by how often real names hold each character, "
                             "the same photos otherwise")
    parser.add_argument("--towns", choices=TOWN_MIXES, default="fixed",
                        help="fixed: eighteen towns of one county in every county (default); county: the county's "
                             "own towns, one in five from the fixed list (renamed or unlisted), the same photos "
                             "otherwise")
    parser.add_argument("--severity", type=_severity, default=1.0,
                        help="0 to 1: scales the photo's blur, noise, angle, tilt and vignette, and how often a "
                             "shadow, glare or low light is drawn (1: the benchmark's mix, default; 0.5: gentler). "
                             "The people and documents stay the same; the photo's conditions are drawn again")
    parser.add_argument("--turns", choices=TURN_MIXES, default="none",
                        help="none: every photo upright (default); any: a quarter of the photos each turned a "
                             "quarter turn clockwise, a half turn, or a quarter turn anticlockwise, as a phone "
                             "held sideways without an orientation tag or a document lying upside down gives them; "
                             "the same photos otherwise")
    parser.add_argument("--json", action="store_true", help="print the raw result as JSON (one engine)")
    args = parser.parse_args()
    if args.engine == "both":
        # Each engine in its own process, so that peak memory is its own.
        for engine in ("rapidocr", "tesseract"):
            subprocess.run([sys.executable, "-m", "bench.ocr", "--engine", engine, "--images", str(args.images),
                            "--first-seed", str(args.first_seed), "--threads", str(args.threads),
                            "--kind", args.kind, "--names", args.names, "--towns", args.towns,
                            "--severity", str(args.severity), "--turns", args.turns], check=True)
        return
    os.environ.setdefault("OMP_THREAD_LIMIT", str(args.threads))     # Tesseract's OpenMP (REFERENCE.md)
    result = run_engine(args.engine, args.images, args.first_seed, args.threads, args.kind, args.names, args.towns,
                        args.severity, args.turns)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        report(result)


if __name__ == "__main__":
    main()
