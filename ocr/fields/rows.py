"""The ID card's front prints its rows in a fixed order: name, sex and ethnicity, birth date, the address (one to
three lines), then the number. When glare or darkness wipes out the labels (姓名, 住址) their values are
usually still legible, and the order finds them: anchored on the birth-date row, whose year must be the one the
checked ID number encodes (or, its year misread, the row beside the 出生 label), the row two above is the name, the row just above sex and ethnicity, and the rows
below, down to the number, the address. A label misread beyond recognition (姓名 as n6, 住址 as 住觉) is still a piece
of its row: the pieces standing in the label column, as the birth row shows it, are left out of the name and the
address."""

from __future__ import annotations

import dataclasses
import statistics

from ocr.fields.layout import Layout, Value, join


@dataclasses.dataclass(frozen=True)
class OrderedRows:
    name: Value | None
    sex_and_ethnicity: Value | None       # the row between name and birth date, labels and all
    address: list[Value]


def rows_by_order(layout: Layout, birth_year: int, number_line: Value, right_limit: float) -> OrderedRows | None:
    pieces = [v for v in layout.values()
              if v.box[3] <= number_line.box[1] + 0.2 * (number_line.box[3] - number_line.box[1])
              and v.box[0] < right_limit and v is not number_line]
    if not pieces:
        return None
    typical = statistics.median(v.box[3] - v.box[1] for v in pieces)
    rows: list[list[Value]] = []
    for piece in sorted(pieces, key=lambda v: (v.box[1] + v.box[3]) / 2):
        centre = (piece.box[1] + piece.box[3]) / 2
        if rows and abs(centre - _centre(rows[-1][-1])) < 0.6 * typical:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    year = str(birth_year)
    births = [i for i, row in enumerate(rows) if any(year in v.text.replace(" ", "") for v in row)]
    label = layout.label("birth")
    if not births and label is not None:
        # The year misread (195年1月27日) but its label read: the row beside the label (benchmark photo 3700087,
        # whose address label 住址 came out as 任世).
        height = label.value.box[3] - label.value.box[1]
        births = [i for i, row in enumerate(rows)
                  if any(abs(_centre(v) - _centre(label.value)) < 0.6 * height for v in row)]
    if not births:
        return None
    birth = births[0]
    values_from = _value_column(layout, rows[birth], year)
    joined = [join(sorted(row, key=lambda v: v.box[0])) for row in rows]
    # The sex-and-ethnicity row keeps its labels: its own reader looks for 性别 and 民族 within it.
    unlabelled = []
    for row in rows:
        values = [v for v in (_from_value_column(v, values_from) for v in row) if v.box[0] >= values_from]
        unlabelled.append(join(sorted(values or row, key=lambda v: v.box[0])))
    return OrderedRows(name=unlabelled[0] if birth == 2 else None,
                       sex_and_ethnicity=joined[1] if birth == 2 else None, address=unlabelled[birth + 1:])


def _value_column(layout: Layout, birth_row: list[Value], year: str) -> float:
    """Where the label column ends and the value column begins: halfway between the birth row's label (出生, read
    as a label or not) and its date. Without a separate label piece, nothing is taken for a label (-inf)."""
    date = next((v for v in birth_row if year in v.text.replace(" ", "")), None) or \
        min(birth_row, key=lambda v: v.box[0])
    height = date.box[3] - date.box[1]
    labels = [s.value for s in layout.segments
              if s.value is not date and abs(_centre(s.value) - _centre(date)) < 0.6 * height
              and s.value.box[2] <= date.box[0] + 0.5 * height]
    if not labels:
        return float("-inf")
    return (min(v.box[0] for v in labels) + date.box[0]) / 2


def _from_value_column(piece: Value, values_from: float) -> Value:
    """A piece that begins in the label column with a label's two characters or fewer and a space: a misread
    label and its value read as one box ("赠器 姜佳超", 姓名 misread, photo 15300015; "赠 器 王喆" too). The part
    after that space is the value when it begins, by the share of characters before it, in the value column;
    the piece as it is otherwise (欧阳 and 文华 of "赠器欧阳 文华" are both the name's)."""
    if piece.box[0] >= values_from:
        return piece
    spaces = [i for i, ch in enumerate(piece.text) if ch == " " and 0 < len(piece.text[:i].replace(" ", "")) <= 2]
    if not spaces:
        return piece
    rest = piece.rest_from(spaces[-1])
    return rest if rest.text and rest.box[0] >= values_from else piece


def _centre(value: Value) -> float:
    return (value.box[1] + value.box[3]) / 2
