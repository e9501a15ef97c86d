"""Tesseract 5 through pytesseract (Debian's tesseract-ocr and tesseract-ocr-chi-sim).

Configuration measured best on straightened certificates (REFERENCE.md): `chi_sim` alone (adding `eng` turns
degraded Chinese into Latin garbage), no binarisation, a 1.5x upscale, OMP_THREAD_LIMIT=1. Its character set
lacks many name characters (堃 喆 珺 昇 犇 彧 ...), so it reads names and addresses worse than RapidOCR; it is
kept as a selectable engine with no model inside our wheel set. Tesseract gives one confidence per word, which
every character of the word inherits, and no runners-up."""

from __future__ import annotations

import os

import cv2
import numpy as np

from ocr.engines.boundary import TextLine

UPSCALE = 1.5
LANGUAGE = "chi_sim"


class TesseractEngine:
    name = "tesseract"
    character_confidences = False       # one confidence per word, no runners-up

    def __init__(self, threads: int = 1) -> None:
        # OpenMP threads fight each other on a small machine: one is 4x faster on 2 cores (REFERENCE.md).
        os.environ["OMP_THREAD_LIMIT"] = str(threads)
        import pytesseract

        self._tess = pytesseract
        if LANGUAGE not in pytesseract.get_languages(config=""):
            raise RuntimeError("Tesseract's chi_sim data is missing: install tesseract-ocr-chi-sim")

    def read(self, image: np.ndarray) -> list[TextLine]:
        big = cv2.resize(image, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
        rgb = cv2.cvtColor(big, cv2.COLOR_BGR2RGB)
        data = self._tess.image_to_data(rgb, lang=LANGUAGE, config="--psm 11", output_type=self._tess.Output.DICT)
        words: dict[tuple[int, int, int], list[int]] = {}
        for i, text in enumerate(data["text"]):
            if text.strip() and float(data["conf"][i]) >= 0:
                words.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
        lines = []
        for indices in words.values():
            text, confidences = "", []
            for i in indices:
                word = data["text"][i].strip()
                text += word
                confidences.extend([float(data["conf"][i]) / 100.0] * len(word))
            left = min(data["left"][i] for i in indices) / UPSCALE
            top = min(data["top"][i] for i in indices) / UPSCALE
            right = max(data["left"][i] + data["width"][i] for i in indices) / UPSCALE
            bottom = max(data["top"][i] + data["height"][i] for i in indices) / UPSCALE
            lines.append(TextLine(text, (left, top, right, bottom), tuple(confidences)))
        return _merge_rows(lines)

    def reread(self, image: np.ndarray, box: tuple[float, float, float, float], alphabet: str | None = None) -> TextLine:
        h, w = image.shape[:2]
        left, top, right, bottom = box
        pad = 0.25 * (bottom - top)
        x0, y0 = max(0, int(left - pad)), max(0, int(top - pad))
        x1, y1 = min(w, int(right + pad)), min(h, int(bottom + pad))
        crop = image[y0:max(y1, y0 + 1), x0:max(x1, x0 + 1)]
        big = cv2.cvtColor(cv2.resize(crop, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC),
                           cv2.COLOR_BGR2RGB)
        config = "--psm 7"
        if alphabet is not None and alphabet.isascii():
            config += f" -c tessedit_char_whitelist={alphabet}"
        data = self._tess.image_to_data(big, lang=LANGUAGE, config=config, output_type=self._tess.Output.DICT)
        text, confidences = "", []
        for i, word in enumerate(data["text"]):
            word = word.strip()
            if word and float(data["conf"][i]) >= 0:
                if alphabet is not None:
                    word = "".join(c for c in word if c in alphabet)
                text += word
                confidences.extend([float(data["conf"][i]) / 100.0] * len(word))
        return TextLine(text, box, tuple(confidences))

    def find_text(self, image: np.ndarray) -> list[np.ndarray]:
        # Tesseract's word boxes are upright rectangles: they do not show how a line slants, which is all
        # straightening by the text needs. A photo whose outline is lost is read as straightened.
        return []


def _merge_rows(lines: list[TextLine]) -> list[TextLine]:
    """Tesseract's sparse mode (psm 11) returns words; a line of our layout is the words it joins with
    spaces in one block. Ordering top to bottom keeps the layout parser's assumptions."""
    return sorted(lines, key=lambda line: (round(line.centre_y / 10), line.box[0]))
