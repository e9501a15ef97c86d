"""Layout-aware reading of a straightened document: find the printed labels (姓名, 住址 ...), split lines that
the detector ran together ("性别男民族汉"), and collect each label's value from the same row to its right, or,
for an address, from the lines that continue under it."""

from __future__ import annotations

import dataclasses
import re

from ocr.engines.boundary import TextLine

_PUNCTUATION = re.compile(r"[\s:：;；,，·.。'\"“”_|]+$|^[\s:：;；,，·'\"“”_|]+")


@dataclasses.dataclass(frozen=True)
class Value:
    """Text with one confidence (and runners-up) per character, and where it lies on the document."""

    text: str
    confidences: tuple[float, ...]
    alternatives: tuple[tuple[tuple[str, float], ...], ...]
    box: tuple[float, float, float, float]

    @property
    def confidence(self) -> float:
        return min(self.confidences, default=0.0)

    def sub(self, start: int, end: int) -> Value:
        return Value(self.text[start:end], self.confidences[start:end], self.alternatives[start:end], self.box)

    def stripped(self) -> Value:
        """Without surrounding spaces and colons (certificates print 姓名： on some, 姓名 on others)."""
        start, end = 0, len(self.text)
        while start < end and not (self.text[start].isalnum()):
            start += 1
        while end > start and not (self.text[end - 1].isalnum()):
            end -= 1
        return self.sub(start, end)

    def rest_from(self, start: int) -> Value:
        """The text from `start` on, stripped, its box beginning where its first character is: characters of one
        line are about evenly spaced (at the box's end when nothing is left)."""
        rest = self.sub(start, len(self.text)).stripped()
        left, top, right, bottom = self.box
        at = self.text.find(rest.text, start) if rest.text else len(self.text)
        begin = left + (right - left) * at / max(len(self.text), 1)
        return Value(rest.text, rest.confidences, rest.alternatives, (begin, top, right, bottom))

    def without_spaces(self) -> Value:
        keep = [i for i, c in enumerate(self.text) if not c.isspace()]
        return Value("".join(self.text[i] for i in keep), tuple(self.confidences[i] for i in keep),
                     tuple(self.alternatives[i] for i in keep) if self.alternatives else (), self.box)


def join(values: list[Value]) -> Value:
    if not values:
        return Value("", (), (), (0, 0, 0, 0))
    return Value(
        "".join(v.text for v in values),
        tuple(c for v in values for c in v.confidences),
        tuple(a for v in values for a in (v.alternatives or ((),) * len(v.text))),
        (min(v.box[0] for v in values), min(v.box[1] for v in values),
         max(v.box[2] for v in values), max(v.box[3] for v in values)),
    )


@dataclasses.dataclass(frozen=True)
class Segment:
    label: str | None          # the label this piece of text is, or None for a value
    value: Value
    misread: bool = False      # a label told by its place and shape though read wrong (发证日吧, 有效动)


class Layout:
    def __init__(self, lines: list[TextLine], labels: dict[str, tuple[str, ...]]):
        """`labels` maps a label's name to the spellings that count as it (longest first wins)."""
        self.lines = lines
        self.segments: list[Segment] = []
        spellings = sorted(((s, name) for name, ss in labels.items() for s in ss), key=lambda p: -len(p[0]))
        for line in lines:
            self.segments.extend(_split(line, spellings))

    def label(self, name: str) -> Segment | None:
        found = [s for s in self.segments if s.label == name]
        found = [s for s in found if not s.misread] or found
        return min(found, key=lambda s: s.value.box[1]) if found else None

    def row_after(self, name: str) -> Value | None:
        """The value segments right of a label on its row, up to the next label on that row, left to right."""
        anchor = self.label(name)
        if anchor is None:
            return None
        box = anchor.value.box
        height = box[3] - box[1]
        centre = (box[1] + box[3]) / 2
        # A box much taller than the label is not a text line (the portrait, read as "0" or "D").
        # A detector's box can reach past its text (glare, a loose fit): a value may begin up to most of a
        # character inside the label's box.
        row = [s for s in self.segments if abs(_centre_y(s) - centre) < 0.6 * max(height, _height(s))
               and s.value.box[0] >= box[2] - 0.8 * height and _height(s) < 2.2 * height]
        row.sort(key=lambda s: s.value.box[0])
        # Detector boxes can overlap: "有效期限2" and "2015.10.08-长期" both hold the 2.
        row = [s for s in row if not (s.label is None and any(t is not s and _read_twice(s, t) for t in row))]
        # Two value pieces one under the other are two lines, not one row: a wrapped address's second line can
        # sit close enough to the label's centre to pass for its row (photo 6100200: 栋3单元308室 under
        # ...青年路136号1), and joined into the row it made the second looks crop two lines and read one; on a
        # photo straightened a little off, the line above can reach into the row instead. The piece nearer the
        # label's centre is the row; block_after takes a lower one as the value's next line.
        row = [s for s in row if not (s.label is None and any(
            t is not s and t.label is None and _overlap(s.value.box, t.value.box)
            > 0.5 * min(s.value.box[2] - s.value.box[0], t.value.box[2] - t.value.box[0])
            and abs(_centre_y(s) - _centre_y(t)) > 0.5 * min(_height(s), _height(t))
            and abs(_centre_y(s) - centre) > abs(_centre_y(t) - centre) for t in row))]
        picked = []
        for s in row:
            if s.label is not None:
                if s is anchor:
                    continue
                break
            picked.append(s.value)
        if picked and picked[0].box[0] < box[2]:
            picked[0] = _without_label_ink(picked[0], anchor.value.text)
        return join(picked) if picked and picked[0].text else None

    def room_after(self, value: Value) -> float:
        """Where the next piece of text on `value`'s row begins, right of it (infinity when none does)."""
        left, top, right, bottom = value.box
        centre, height = (top + bottom) / 2, bottom - top
        starts = [s.value.box[0] for s in self.segments
                  if s.value.box[0] > right - 0.2 * height and abs(_centre_y(s) - centre) < 0.6 * height]
        return min(starts, default=float("inf"))

    def block_after(self, name: str, stop_labels: tuple[str, ...], right_limit: float | None = None) -> list[Value]:
        """A label's value that may wrap onto following lines: its row, then lines below that start near the
        value's left edge, until a line holding another label or a gap of more than a line."""
        anchor = self.label(name)
        if anchor is None:
            return []
        first = self.row_after(name)
        if first is None:
            return []
        height = anchor.value.box[3] - anchor.value.box[1]
        stops = [self.label(s) for s in stop_labels]
        # A stop label's row ends the block; its value may stand a little higher than the label itself.
        stop_y = min((s.value.box[1] - 0.5 * height for s in stops
                      if s is not None and s.value.box[1] > first.box[3]), default=1e9)
        return self.block_from(first, height, stop_y, right_limit)

    def block_from(self, first: Value, height: float, stop_y: float, right_limit: float | None = None) -> list[Value]:
        """`first` and the lines below it that start near its left edge, each under the one before by no more
        than a line's gap, above `stop_y`; `height` is a line's height."""
        left = first.box[0]
        out = [first]
        bottom = first.box[3]
        candidates = sorted((s for s in self.segments if s.label is None and _centre_y(s) > first.box[3]
                             and _centre_y(s) < stop_y), key=lambda s: s.value.box[1])
        for s in candidates:
            gap = s.value.box[1] - bottom
            if gap > 1.6 * height:
                break
            if abs(s.value.box[0] - left) > 1.5 * height or (right_limit and s.value.box[0] > right_limit) \
                    or _height(s) > 2.2 * height:
                continue
            out.append(s.value)
            bottom = s.value.box[3]
        return out

    def region_after(self, name: str, widths: float) -> tuple[float, float, float, float] | None:
        """Where a label's value should be when the detector found nothing there (a lone 男 or 汉 is easy to
        miss): the label's row, from its right edge for `widths` label-heights or to the next label."""
        anchor = self.label(name)
        if anchor is None:
            return None
        left, top, right, bottom = anchor.value.box
        height = bottom - top
        end = right + widths * height
        for s in self.segments:
            if s.label is not None and s is not anchor and abs(_centre_y(s) - (top + bottom) / 2) < 0.6 * height \
                    and s.value.box[0] > right:
                end = min(end, s.value.box[0] - 0.2 * height)
        return (right + 0.2 * height, top - 0.25 * height, end, bottom + 0.25 * height)

    def values(self) -> list[Value]:
        return [s.value for s in self.segments if s.label is None]


def _split(line: TextLine, spellings: list[tuple[str, str]]) -> list[Segment]:
    text = line.text
    n = len(text)
    alternatives = line.alternatives or ((),) * n
    whole = Value(text, line.confidences, alternatives, line.box)
    marks: list[tuple[int, int, str]] = []
    taken = [False] * n
    for spelling, name in spellings:
        start = text.find(spelling)
        while start >= 0:
            end = start + len(spelling)
            if not any(taken[start:end]):
                marks.append((start, end, name))
                for i in range(start, end):
                    taken[i] = True
                break
            start = text.find(spelling, start + 1)
    lead = next((i for i, c in enumerate(text) if c.isalnum()), n)
    misread = None
    if not any(start <= lead < end for start, end, _ in marks):
        misread = _misread_label(text, alternatives, lead, spellings)
        if misread is not None and not any(taken[misread[0]:misread[1]]):
            marks.append(misread)
    marks.sort()
    segments = []
    cursor = 0
    width = line.box[2] - line.box[0]

    positions = line.positions if len(line.positions) == n else ()

    def piece(start: int, end: int) -> Value:
        if positions:
            # Cut halfway between the last character of one piece and the first of the next.
            x0 = line.box[0] if start == 0 else (positions[start - 1] + positions[start]) / 2
            x1 = line.box[2] if end >= n else (positions[end - 1] + positions[end]) / 2
        else:
            # Characters of one line are about evenly spaced: share the box out by character position.
            x0 = line.box[0] + width * start / max(n, 1)
            x1 = line.box[0] + width * end / max(n, 1)
        v = whole.sub(start, end)
        return Value(v.text, v.confidences, v.alternatives, (x0, line.box[1], x1, line.box[3]))

    def value_piece(start: int, end: int) -> Value:
        """The text between labels without the spaces and colons around it, and its box only where its
        characters are: a box reaching over a space can hide that the piece lies inside the next box, the same
        ink read twice (photo 10100139: "有效期限 2" beside "2024.06.24-长期")."""
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        return piece(start, end) if end > start else Value("", (), (), line.box)

    for start, end, name in marks:
        if start > cursor:
            value = value_piece(cursor, start)
            if value.text:
                segments.append(Segment(None, value))
        segments.append(Segment(name, piece(start, end), misread=(start, end, name) == misread))
        cursor = end
    if cursor < n:
        value = value_piece(cursor, n)
        if value.text:
            segments.append(Segment(None, value))
    return segments


def _without_label_ink(value: Value, label: str) -> Value:
    """A value whose box begins inside its label's box can hold the label's last characters again (姓名 and
    "名 郭嘉志" from two overlapping boxes): the same ink read twice, dropped."""
    for size in range(len(label), 0, -1):
        if value.text.startswith(label[-size:]):
            return value.rest_from(size)
    return value


# A two-character label misread at its second character, told by the value only it can have right after it
# (photo 18500038: "性到男" on its own line was taken for the rest of the name 漳明月, and the name was lost).
_TOLD_BY_ITS_VALUE = {"性别": re.compile(r"[:：\s]*[男女]")}


def _misread_label(text: str, alternatives, lead: int,
                   spellings: list[tuple[str, str]]) -> tuple[int, int, str] | None:
    """A label misread by one character where a line begins (labels stand first on their line): a label of
    three or more characters whatever the misread character is (发证日吧, 有效动), a shorter one only when the
    recogniser had the label's character as a runner-up (性址 with 住 behind 性) or, its first character read
    right, when its value follows (性到男). None when two labels fit."""
    fits: dict[str, tuple[int, int]] = {}
    for spelling, name in spellings:
        end = lead + len(spelling)
        if end > len(text):
            continue
        wrong = [i for i, ch in enumerate(spelling) if text[lead + i] != ch]
        if len(wrong) != 1:
            continue
        i = wrong[0]
        seen = {c for c, _ in (alternatives[lead + i] if alternatives else ())}
        told = _TOLD_BY_ITS_VALUE.get(spelling)
        if len(spelling) >= 3 or spelling[i] in seen or (i > 0 and told is not None and told.match(text, end)):
            # The longest spelling of a label wins (spellings come longest first).
            fits.setdefault(name, (lead, end))
    if len(fits) != 1:
        return None
    name, (start, end) = next(iter(fits.items()))
    return start, end, name


def _read_twice(s: Segment, t: Segment) -> bool:
    """Whether `s` is ink that the wider `t`, on the same line, also read: `s` lies mostly inside `t`'s box, or
    reaches into it and reads as `t`'s beginning (photo 11300115: the 2 of "有效期限2" was half inside
    "2012.05.25-长期", and 22012.05.25 lost both dates). On a tilted photo the boxes of two lines overlap too,
    one under the other: those are not the same ink."""
    width = s.value.box[2] - s.value.box[0]
    overlap = _overlap(s.value.box, t.value.box)
    inside = overlap > 0.5 * width or (overlap > 0 and s.value.box[0] < t.value.box[0]
                                       and t.value.text.startswith(s.value.text))
    return (inside and t.value.box[2] - t.value.box[0] > width
            and abs(_centre_y(s) - _centre_y(t)) < 0.5 * min(_height(s), _height(t)))


def _centre_y(s: Segment) -> float:
    return (s.value.box[1] + s.value.box[3]) / 2


def _height(s: Segment) -> float:
    return s.value.box[3] - s.value.box[1]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
