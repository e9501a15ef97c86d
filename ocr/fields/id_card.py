"""The ID card's front: 姓名, 性别, 民族, 出生, 住址, 公民身份号码 (GB 11643). The number is checked by its check
character; birth date and sex are then confirmed by it, or taken from it when their print is unreadable."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from ocr.engines.boundary import TextLine
from ocr.fields import numbers
from ocr.fields.common import Collected, read_address, read_name, resolve_number, row_or_region
from ocr.fields.layout import Layout, Value
from ocr.fields.looks import SecondLook
from ocr.fields.rows import OrderedRows, rows_by_order
from ocr.fields.values import ETHNIC_ALPHABET, ETHNIC_GROUPS, dates_in, ethnicity_in, sex_in
from ocr.validate import birth_date_of, is_valid_id_number, plausible_birth_date, sex_of

LABELS = {
    "name": ("姓名",),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth": ("出生",),
    "address": ("住址",),
    "id_number": ("公民身份号码", "公民身份号", "身份号码"),
}
# The portrait takes the right third of the card; nothing of the address lies there.
PORTRAIT_LEFT = 0.62
# A value found by the order of the rows, its label unseen, is offered but never as certain.
UNLABELLED = 0.85


def parse(lines: list[TextLine], look: SecondLook, today: dt.date) -> Collected:
    layout = Layout(lines, LABELS)
    out = Collected()
    width = look.image.shape[1]

    id_reading = _id_number(layout, look, today)
    if id_reading is None:
        out.warn("field_missing" if _number_line(layout) is None else "field_invalid", "id_number",
                 **({} if _number_line(layout) is None else {"reason": "check_digit"}))
    else:
        out.put("id_number", id_reading.value, id_reading.confidence)
        if id_reading.suggestion:
            out.warn("field_invalid", "id_number", reason="check_digit")
    trusted_id = id_reading.value if id_reading is not None and not id_reading.suggestion else None

    ordered = None
    if trusted_id is not None and any(layout.label(name) is None for name in ("name", "sex", "ethnicity", "address")):
        ordered = rows_by_order(layout, birth_date_of(trusted_id).year, _number_line(layout), PORTRAIT_LEFT * width)
    _name(layout, look, out, ordered)

    @functools.cache
    def sex_row() -> tuple[Value | None, bool]:
        """The sex-and-ethnicity row read again as one line, and whether it was found by the card's order:
        looked at only when the first read's rows do not give the sex or the ethnicity (a look of 20-30 ms)."""
        found = _sex_row_band(layout, look, PORTRAIT_LEFT * width)
        # Neither label read (性制男族汉: 性别 misread, 民 lost): the row the order says holds them.
        by_order = found is None and ordered is not None and ordered.sex_and_ethnicity is not None
        if by_order:
            found = ordered.sex_and_ethnicity
        elif found is None:
            found = _missed_row_between(layout, look, "name", "birth", PORTRAIT_LEFT * width)
            by_order = found is not None
        return found, by_order

    _sex(layout, look, out, trusted_id, sex_row)
    _ethnicity(layout, look, out, sex_row)
    _birth_date(layout, look, out, trusted_id, today)
    _address(layout, look, out, PORTRAIT_LEFT * width, ordered)
    return out


def _number_line(layout: Layout) -> Value | None:
    row = layout.row_after("id_number")
    if row is not None:
        return row
    for value in layout.values():
        if sum(c.isdigit() for c in value.text) >= 15:
            return value
    return None


def _id_number(layout: Layout, look: SecondLook, today: dt.date) -> numbers.NumberReading | None:
    first = _number_line(layout)
    if first is None:
        return None
    return resolve_number(first, look, 18, lambda s: is_valid_id_number(s, today))


def _name(layout: Layout, look: SecondLook, out: Collected, ordered: OrderedRows | None) -> None:
    row = row_or_region(layout, look, "name", 8)
    by_order = row is None and ordered is not None and ordered.name is not None
    if by_order:
        row = ordered.name
    if row is None:
        out.warn("field_missing", "name")
        return
    value, confidence = read_name(row, look, LABELS, PORTRAIT_LEFT * look.image.shape[1], layout.room_after(row))
    if by_order:
        # Found by its place, its label unseen: a misread piece of the label may be in it.
        confidence = min(confidence, UNLABELLED)
    if not value.text:
        out.warn("field_missing", "name")
        return
    out.put("name", value.text, confidence)


def _sex_row_band(layout: Layout, look: SecondLook, right_limit: float) -> Value | None:
    """The whole 性别 … 民族 … row read again as one line, for when the detector missed a lone character or a
    label there (they stand far apart on the card)."""
    anchor = layout.label("sex")
    if anchor is None:
        return None
    left, top, right, bottom = anchor.value.box
    height = bottom - top
    value = look((right + 0.2 * height, top - 0.3 * height, right_limit, bottom + 0.3 * height))
    return value if value.text else None


def _missed_row_between(layout: Layout, look: SecondLook, above: str, below: str, right_limit: float) -> Value | None:
    """A whole row the detector did not find, read as one line where the card's order puts it: between the rows
    of two labels that were read, when nothing was found in between (the sparse 性别 女 民族 汉 row of benchmark
    photo 4900039, a legible card under a lamp, came out as no text at all)."""
    upper, lower = layout.label(above), layout.label(below)
    if upper is None or lower is None:
        return None
    top, bottom = upper.value.box[3], lower.value.box[1]
    height = upper.value.box[3] - upper.value.box[1]
    if bottom - top < 0.8 * height or any(
            top < (s.value.box[1] + s.value.box[3]) / 2 < bottom and s.value.box[0] < right_limit
            for s in layout.segments):
        return None
    value = look((upper.value.box[0] - 0.2 * height, top + 0.1 * height, right_limit, bottom - 0.1 * height))
    return value if value.text else None


def _sex(layout: Layout, look: SecondLook, out: Collected, trusted_id: str | None,
         sex_row: Callable[[], tuple[Value | None, bool]]) -> None:
    row = row_or_region(layout, look, "sex", 2.5)
    printed = sex_in(row) if row is not None else None
    whole = sex_row()[0] if printed is None else None
    if whole is not None:
        cut = whole.text.find("民")
        printed = sex_in(whole.sub(0, cut) if cut > 0 else whole)
    if trusted_id is None:
        if printed is None:
            out.warn("field_missing", "sex")
        else:
            out.put("sex", printed.value, min(printed.confidence, 0.85))
        return
    encoded = sex_of(trusted_id)
    if printed is not None and printed.value == encoded:
        out.put("sex", encoded, 0.99)
        return
    out.put("sex", encoded, out.fields["id_number"].confidence)
    if printed is None:
        out.warn("field_repaired", "sex", source="id_number")
    else:
        out.warn("fields_disagree", "sex", other="id_number")


def _ethnicity(layout: Layout, look: SecondLook, out: Collected,
               sex_row: Callable[[], tuple[Value | None, bool]]) -> None:
    """`sex_row` gives the sex-and-ethnicity row read again, and whether it was found by the card's order rather
    than by its label."""
    labelled = row_or_region(layout, look, "ethnicity", 5)
    row = labelled
    # A value found by where it stands rather than after its label (the row found by order, or no 族 in it)
    # is never certain.
    by_place = False
    band, band_by_order = sex_row() if row is None or ethnicity_in(row) is None else (None, False)
    if band is not None:
        # The row read again as one line, then, if that names no group, the row as the first read gave it
        # (photo 6900126: the first read had 女良族汉, the row's second look 女改).
        row = None
        for whole in (band, None if band_by_order else layout.row_after("sex")):
            part = _ethnicity_in_band(whole) if whole is not None else None
            if part is not None and (ethnicity_in(part) is not None or whole is band):
                row, by_place = part, band_by_order or "族" not in whole.text
                if ethnicity_in(part) is not None:
                    break
    if row is None:
        out.warn("field_missing", "ethnicity")
        return
    found = ethnicity_in(row)
    if found is None and labelled is not None:
        # Not one of the 56 names (彝 read as 韩): the value's own box looked at again, allowed only the
        # names' characters, gives the blurred character as the name's. Chosen from a closed list rather than
        # read, it is never offered as certain.
        found = ethnicity_in(look(labelled.box, ETHNIC_ALPHABET))
        if found is not None:
            out.put("ethnicity", found.value, min(found.confidence, 0.6))
            return
    if found is None:
        out.warn("field_invalid", "ethnicity", reason="unknown_value")
        return
    # One of 56 names: a misread rarely lands on another, but 土 inside 土家 shows a short one can.
    exact = row.text.replace("族", "") == found.value
    confidence = found.confidence if exact else min(found.confidence, 0.6)
    out.put("ethnicity", found.value, min(confidence, UNLABELLED) if by_place else confidence)


def _ethnicity_in_band(band: Value) -> Value | None:
    """The ethnicity's part of the sex-and-ethnicity row: what follows 族, or, with 民族 lost or misread (男民汉,
    性罚男医加汉, 女汉), the name of a group that ends the row after the sex."""
    cut = band.text.find("族")
    if cut >= 0:
        return band.sub(cut + 1, len(band.text))
    sex_at = max(band.text.rfind("男"), band.text.rfind("女"))
    if sex_at < 0:
        return None
    end = len(band.text)
    for length in range(end - sex_at - 1, 0, -1):          # the longest name first (土家 before 家)
        if band.text[end - length:] in ETHNIC_GROUPS:
            return band.sub(end - length, end)
    return None


def _birth_date(layout: Layout, look: SecondLook, out: Collected, trusted_id: str | None, today: dt.date) -> None:
    row = layout.row_after("birth")
    printed = None
    if row is not None:
        found = [d for d in dates_in(row.without_spaces()) if plausible_birth_date(d[0].value, today)]
        if not found:
            # "1953 年 5 月 27 日" is widely spaced; pieces of it in overlapping boxes read as one line again.
            found = [d for d in dates_in(look(row.box).without_spaces()) if plausible_birth_date(d[0].value, today)]
        printed = found[0][0] if found else None
    if trusted_id is None:
        if printed is None:
            out.warn("field_missing", "birth_date")
        else:
            out.put("birth_date", printed.value.isoformat(), min(printed.confidence, 0.85))
        return
    encoded = birth_date_of(trusted_id)
    if printed is not None and printed.value == encoded:
        out.put("birth_date", encoded.isoformat(), 0.99)
        return
    out.put("birth_date", encoded.isoformat(), out.fields["id_number"].confidence)
    out.warn("field_repaired" if printed is None else "fields_disagree", "birth_date",
             **({"source": "id_number"} if printed is None else {"other": "id_number"}))


def _address(layout: Layout, look: SecondLook, out: Collected, right_limit: float,
             ordered: OrderedRows | None) -> None:
    parts = layout.block_after("address", ("id_number",), right_limit=right_limit)
    by_order = not parts and ordered is not None and bool(ordered.address)
    if by_order:
        parts = ordered.address
    if not parts:
        out.warn("field_missing", "address")
        return
    value, confidence = read_address(parts, layout, look, LABELS, right_limit)
    if by_order:
        confidence = min(confidence, UNLABELLED)
    out.put("address", value.text, confidence)
