"""Reading a document photo: `Reader` holds loaded engines (make one per worker process and keep it);
`read_document` uses one shared Reader made on first use."""

from __future__ import annotations

import datetime as dt
import threading

import cv2
import numpy as np

from ocr.engines import DEFAULT_ENGINE, TextEngine, TextLine, make_engine
from ocr.fields import PARSERS, detect_kind
from ocr.fields.looks import SecondLook
from ocr.preprocess import Straightened, decode_photo, even_light, rotate_half_turn, straighten, straighten_by_text
from ocr.preprocess.photo import UnreadableImage
from ocr.preprocess.retake import retake_advice
from ocr.reading import KINDS, Field, Reading, Warning

from ocr import AUTO
POOR_READ = 0.8


class Reader:
    """Loaded recognition models and the pipeline around them. Loading costs about a second and ~0.5 GB
    (RapidOCR); do it once per worker process, in the job worker, not in web workers (issue 5 item 2)."""

    def __init__(self, engine: str = DEFAULT_ENGINE, threads: int = 1):
        self.engine_name = engine
        # OpenCV would otherwise spread each resize and filter over every core: a worker that was given one
        # core should use one, as the recogniser does.
        cv2.setNumThreads(threads)
        self._engine: TextEngine = make_engine(engine, threads=threads)
        self._lock = threading.Lock()      # onnxruntime sessions are thread-safe; our per-call state is not

    def read(self, image: bytes, kind: str = AUTO, *, today: dt.date | None = None) -> Reading:
        if kind != AUTO and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        today = today or dt.date.today()
        try:
            photo = decode_photo(image)
        except UnreadableImage as unreadable:
            return Reading(None if kind == AUTO else kind, {},
                           (Warning("image_unreadable", params={"reason": unreadable.reason}),))
        with self._lock:
            return self._read(photo, kind, today)

    def _first_read(self, document: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[TextLine]]:
        """The straightened document's first read: (the image as taken, the image read, its lines)."""
        evened = even_light(document)
        lines = self._engine.read(evened)
        if self._upside_down(evened, lines):
            # A document lying upside down (or photographed sideways, and turned the wrong way up with its
            # outline): told from its lines by the direction classifier (about 8 ms), it is read turned at
            # once, not after a read of the photo as taken and a straightening by the text, which fail too
            # (five reads instead of two: docs/ocr.md, Orientation). Asked of every read, not only of those
            # that found no document: upside-down text can read as a document's labels (出生上日期, photo
            # 30100050 turned). The turned read is kept only if more of it is legible.
            turned = self._engine.read(rotate_half_turn(evened))
            if _legible(turned) > _legible(lines):
                document, evened, lines = rotate_half_turn(document), rotate_half_turn(evened), turned
        if _quality(lines) < POOR_READ:
            # Evening the light usually helps (measured: docs/ocr.md), but it can wash out text under strong
            # glare; when the read is poor, read the photo as taken too and keep the better of the two.
            raw_lines = self._engine.read(document)
            # Better lines, but not fewer of them: glare can leave the photo as taken with only its clearest
            # lines (the title), read surely, and none of the fields the evened image still shows.
            if _quality(raw_lines) > _quality(lines) and _legible(raw_lines) >= 0.8 * _legible(lines):
                return evened, document, raw_lines + _missing_from(raw_lines, lines)
        return document, evened, lines

    def _upside_down(self, image: np.ndarray, lines: list[TextLine]) -> bool:
        upside_down = getattr(self._engine, "upside_down", None)
        return upside_down is not None and bool(lines) and upside_down(image, lines)

    def _straightened_by_text(self, photo: np.ndarray) -> Straightened | None:
        return straighten_by_text(photo, self._engine.find_text(photo))

    def _read(self, photo: np.ndarray, kind: str, today: dt.date) -> Reading:
        warnings: list[Warning] = []
        flat = straighten(photo)
        candidates = [flat]
        by_text_tried = not flat.trusted or flat.doubtful
        if by_text_tried:
            # The outline found may not be the document's (glare joined it to the desk, or it stops short of
            # the document's edge), or there is none: straighten by the text's own lines (preprocess/by_text.py)
            # instead, or, for a doubtful outline, as well, and keep the read with more legible characters.
            by_text = self._straightened_by_text(photo)
            if by_text is not None:
                candidates = [flat, by_text] if flat.trusted else [by_text]
        reads = [(candidate, *self._first_read(candidate.image)) for candidate in candidates]
        if not by_text_tried and detect_kind(reads[0][3]) is None:
            # A trusted outline whose read is no document was not the document's outline: photo 6900009, a
            # lamp's light edge across the card and the portrait's sides made a clean quadrilateral, read as
            # "Da". The text's own lines straighten it.
            by_text = self._straightened_by_text(photo)
            if by_text is not None:
                reads.append((by_text, *self._first_read(by_text.image)))
        flat, document, evened, lines = max(reads, key=lambda read: _legible(read[3]))
        if not flat.found:
            warnings.append(Warning("document_not_found"))
        detected = detect_kind(lines)
        if detected is None:
            # Upside down? A document photographed the other way round reads as nothing useful.
            turned = rotate_half_turn(document)
            turned_lines = self._engine.read(even_light(turned))
            if detect_kind(turned_lines) is not None or len(_text(turned_lines)) > len(_text(lines)) * 1.5:
                document, evened, lines = turned, even_light(turned), turned_lines
                detected = detect_kind(lines)
        if kind == AUTO:
            if detected is None:
                return Reading(None, {}, (*_advice(flat.image, evened, lines), *warnings,
                                          Warning("kind_not_recognised")))
            kind = detected
        elif detected is not None and detected != kind:
            warnings.append(Warning("kind_mismatch", params={"detected": detected}))
        # The second look reads the unevened image: a different rendering of the same pixels, so its errors
        # are not the first look's errors.
        collected = PARSERS[kind](lines, SecondLook(self._engine, document, evened), today)
        warnings.extend(collected.warnings)
        if _left_unread(collected.fields, warnings):
            warnings[:0] = _advice(flat.image, evened, lines)
        return Reading(kind, collected.fields, tuple(warnings))


def _left_unread(fields: dict[str, Field], warnings: list[Warning]) -> bool:
    """Whether the person is left to type or correct something: a field missing, invalid, or under 0.5."""
    return (any(warning.code in ("field_missing", "field_invalid") for warning in warnings)
            or any(field.confidence < 0.5 for field in fields.values()))


def _advice(taken: np.ndarray, read: np.ndarray, lines: list[TextLine]) -> tuple[Warning, ...]:
    """What to change for a better photo, first among the warnings (preprocess/retake.py)."""
    code = retake_advice(taken, read, lines)
    return (Warning(code),) if code else ()


def _missing_from(kept: list[TextLine], other: list[TextLine]) -> list[TextLine]:
    """The legible lines of the other rendering's read that no kept line overlaps. Glare washes text out
    differently in the two: the photo as taken read photo 14500048's address and dates better than the evened
    image, but not its name, which only the evened image showed (fresh benchmark set 14500000). Legible: two
    characters or more read at 0.5 or more, and at least half of its characters (H冯欣勇 at 0.55, 0.55, 0.38
    and 0.98 is; a lone stroke read in glare is not). Such a line is looked at again as any other is, and its
    measures (blur, pale ink) are taken on the photo as taken, where it is faint: it is only more doubtful."""
    return [line for line in other
            if _legible([line]) >= max(2, len(line.text) / 2) and not any(_overlap(line.box, k.box) for k in kept)]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _quality(lines: list[TextLine]) -> float:
    """The median line's least sure character: low when most of the document is hard to read."""
    if not lines:
        return 0.0
    return float(np.median([line.confidence for line in lines]))


def _legible(lines: list[TextLine]) -> int:
    """How many characters were read with some confidence (0.5 or more)."""
    return sum(c >= 0.5 for line in lines for c in line.confidences)


def _text(lines: list[TextLine]) -> str:
    return "".join(line.text for line in lines if line.confidence >= 0.8)


_shared: Reader | None = None
_shared_lock = threading.Lock()


def read_document(image: bytes, kind: str = AUTO) -> Reading:
    """Read one photo with a Reader shared by the whole process (made on first call)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Reader()
    return _shared.read(image, kind)
