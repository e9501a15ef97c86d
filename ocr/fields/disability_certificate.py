"""The disability certificate (残疾人证), as the second generation's booklet page or the third generation's
card: 姓名, 性别, 出生日期, 证号, 残疾类别, 残疾等级, 住址, 发证日期, 有效期.

The number is the holder's ID number, a category digit and a grade digit (《残疾人证管理办法》), so a number
that passes its check confirms the printed birth date, sex, category and grade, and replaces them where their
print is unreadable. Validity is ten years from issue; "有效期十年" means exactly that."""

from __future__ import annotations

import datetime as dt
import statistics

from ocr.engines.boundary import TextLine
from ocr.fields.common import (Collected, chinese_or_digits, read_address, read_name, resolve_number,
                               row_or_region)
from ocr.fields.layout import Layout, Value
from ocr.fields.looks import SecondLook, word_level
from ocr.fields.places import begins_with_province
from ocr.fields.values import category_in, dates_in, grade_in, sex_in
from ocr.validate import (
    add_years, birth_date_of, is_valid_certificate_number, plausible_birth_date, plausible_issue_date, sex_of,
)

LABELS = {
    "name": ("姓名",),
    "sex": ("性别",),
    "birth": ("出生日期", "出生年月"),
    "number": ("残疾人证号", "证号"),
    "category": ("残疾类别", "类别"),
    "grade": ("残疾等级", "等级"),
    "address": ("住址", "地址"),
    "issue": ("发证日期", "发证时间"),
    "validity": ("有效期限", "有效期至", "有效期"),
}
VALIDITY_YEARS = 10
PORTRAIT_LEFT = 0.72
# What an issue date's last looks are allowed to read, and how sure a date only they could read is, with nothing
# to check it against: a guess to confirm.
DATE_ALPHABET = "0123456789年月日.-"
GUESSED_DATE_AT_MOST = 0.6


def parse(lines: list[TextLine], look: SecondLook, today: dt.date) -> Collected:
    layout = Layout(lines, LABELS)
    out = Collected()
    number = _number(layout, look, out, today)
    trusted = number.value if number is not None and not number.suggestion else None
    _name(layout, look, out)
    _from_number(layout, look, out, trusted, today)
    _address(layout, look, out, look.image.shape[1] * PORTRAIT_LEFT, today)
    _dates(layout, look, out, today)
    return out


def _number(layout: Layout, look: SecondLook, out: Collected, today: dt.date):
    first = layout.row_after("number")
    if first is None or sum(c.isdigit() for c in first.text) < 15:
        first = _number_by_its_digits(layout)
    if first is None:
        out.warn("field_missing", "certificate_number")
        return None
    reading = resolve_number(first, look, 20, lambda s: is_valid_certificate_number(s, today))
    if reading is None:
        out.warn("field_invalid", "certificate_number", reason="check_digit")
        return None
    out.put("certificate_number", reading.value, reading.confidence)
    out.put("id_number", reading.value[:18], reading.confidence)
    if reading.suggestion:
        out.warn("field_invalid", "certificate_number", reason="check_digit")
    if reading.suffix:
        out.warn("certificate_number_suffix", "certificate_number", length=len(reading.suffix))
    return reading


def _number_by_its_digits(layout: Layout) -> Value | None:
    """The certificate number's line told by its 18 or more digits, whether or not its label was read."""
    return next((v for v in layout.values() if sum(c.isdigit() for c in v.text) >= 18), None)


def _name(layout: Layout, look: SecondLook, out: Collected) -> None:
    row = row_or_region(layout, look, "name", 6)
    placed = row is None and layout.label("name") is None
    if placed:
        row = _name_where_printed(layout, look)
    if row is None:
        out.warn("field_missing", "name")
        return
    value, confidence = read_name(row, look, LABELS, PORTRAIT_LEFT * look.image.shape[1], layout.room_after(row),
                                  sex_label_after=True)
    if not value.text:
        out.warn("field_missing", "name")
        return
    # Found by where it stands rather than by its label: what is there is read as surely as ever, but that it
    # is the name rests on the layout, which varies by region and year.
    out.put("name", value.text, min(confidence, 0.85) if placed else confidence)


def _name_where_printed(layout: Layout, look: SecondLook) -> Value | None:
    """The name when its label was not read. The small grey 姓名 goes first in a dim photo (read as "88" or
    "26": the name missing on two cards of 210 on set 4900000) while the name beside it, in larger black print,
    stays legible. Both layouts print 姓名 and 性别 on one row, and the first column's values (出生日期, 证号,
    类别, 住址, 发证日期) all begin at one x: the name is on the 性别 label's row, from that x to the label."""
    sex = layout.label("sex")
    if sex is None:
        return None
    left, top, right, bottom = sex.value.box
    height = bottom - top
    starts = []
    for name in ("birth", "number", "category", "address", "issue"):
        anchor, row = layout.label(name), layout.row_after(name)
        if anchor is not None and row is not None and anchor.value.box[0] < left - 2 * height:
            starts.append(row.box[0])
    if len(starts) < 2:
        return None
    column = statistics.median(starts)
    if column >= left - height:
        return None
    value = look((column - 0.1 * height, top - 0.25 * height, left - 0.3 * height, bottom + 0.25 * height))
    return value if value.text else None


def _from_number(layout: Layout, look: SecondLook, out: Collected, trusted: str | None, today: dt.date) -> None:
    """Sex, birth date, category and grade: printed, and encoded in a number that passed its check."""
    def row(name: str) -> Value | None:
        return layout.row_after(name)

    sex_row = row_or_region(layout, look, "sex", 2.5)
    birth_row, category_row, grade_row = row("birth"), row("category"), row("grade")
    # 残疾类别 and 残疾等级 sometimes come out as one line ("残疾类别 肢体 残疾等级 二级"); rows handle that.
    printed = {
        "sex": sex_in(sex_row) if sex_row else None,
        "birth_date": _first_date(birth_row, today),
        "disability_category": category_in(category_row) if category_row else None,
        "disability_grade": grade_in(grade_row) if grade_row else None,
    }
    encoded = None
    if trusted is not None:
        encoded = {
            "sex": sex_of(trusted),
            "birth_date": birth_date_of(trusted),
            "disability_category": int(trusted[18]),
            "disability_grade": int(trusted[19]),
        }
    for field, seen in printed.items():
        if encoded is None:
            if seen is None:
                out.warn("field_missing", field)
            else:
                out.put(field, _json(seen.value), min(seen.confidence, 0.85))
            continue
        truth = encoded[field]
        if seen is not None and seen.value == truth:
            out.put(field, _json(truth), 0.99)
        else:
            out.put(field, _json(truth), out.fields["certificate_number"].confidence)
            out.warn("field_repaired" if seen is None else "fields_disagree", field,
                     **({"source": "certificate_number"} if seen is None else {"other": "certificate_number"}))


def _first_date(row: Value | None, today: dt.date):
    if row is None:
        return None
    found = [d for d in dates_in(row.without_spaces()) if plausible_birth_date(d[0].value, today)]
    return found[0][0] if found else None


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _address(layout: Layout, look: SecondLook, out: Collected, right_limit: float, today: dt.date) -> None:
    placed = layout.label("address") is None
    cut = False
    if placed:
        parts = _address_where_printed(layout, right_limit)
    else:
        parts = layout.block_after("address", ("issue", "validity"), right_limit=right_limit)
        # The issue date's label lost, its date would read as the address's last line (fresh set 16900000,
        # photo 16900020: 河南省...3103室2019.09.23, its 发证日期 read 案证日能). A line that is nothing but a date
        # an office could have issued on is that date; what is left, the lines above it, is never certain: the
        # layout was not read as printed (a house number such as 1203.2.1 parses as a date too).
        dated = next((i for i, part in enumerate(parts[1:], start=1) if _only_an_issue_date(part, today)), None)
        cut = dated is not None
        parts = parts[:dated]
    if not parts:
        out.warn("field_missing", "address")
        return
    value, confidence = read_address(parts, layout, look, LABELS, right_limit)
    # As for the name: found by where it stands, so what it is rests on the layout.
    out.put("address", value.text, min(confidence, 0.85) if placed or cut else confidence)


def _only_an_issue_date(line: Value, today: dt.date) -> bool:
    text = chinese_or_digits(line)
    return any(start == 0 and end == len(text.text) and plausible_issue_date(found.value, today)
               for found, start, end in dates_in(text))


def _address_where_printed(layout: Layout, right_limit: float) -> list[Value]:
    """The address when its label was not read: glare or dim light takes the small grey 住址 while the address
    beside it, in black, stays legible (8 certificates of 3,570 photos over 17 sets lost their address so).
    Both layouts print it between the category and grade row and the issue date, in the values' column: the
    lines there, the first beginning with a province's name, below the lowest of those rows that was found and
    above the first of the dates' labels or dates."""
    above = [row.box[3] for row in (layout.row_after("category"), layout.row_after("grade")) if row is not None]
    number = _number_by_its_digits(layout)
    if number is not None:
        above.append(number.box[3])
    if not above:
        return []
    top = max(above)
    # Below: the issue date's or validity's label, or the first date under the rows above when those are lost.
    below = [anchor.value.box[1] for anchor in (layout.label("issue"), layout.label("validity"))
             if anchor is not None]
    below += [v.box[1] for v in layout.values() if v.box[1] > top and dates_in(v.without_spaces())]
    if not below:
        return []
    bottom = min(below)
    lines = sorted((v for v in layout.values() if top < (v.box[1] + v.box[3]) / 2 < bottom
                    and v.box[0] < right_limit), key=lambda v: v.box[1])
    first = next((v for v in lines if begins_with_province(chinese_or_digits(v).text)), None)
    if first is None:
        return []
    return layout.block_from(first, first.box[3] - first.box[1], bottom, right_limit)


def _dates(layout: Layout, look: SecondLook, out: Collected, today: dt.date) -> None:
    issue_row = layout.row_after("issue")
    placed = issue_row is None
    if placed:
        issue_row = _issue_row_where_printed(layout)
    issued = None
    if issue_row is not None:
        issued, issued_conf = _issue_date(issue_row, look, today, validity_row=layout.row_after("validity"))
        if placed:
            # As for the address: found by where it stands, so what it is rests on the layout.
            issued_conf = min(issued_conf, 0.85)
    validity_row = layout.row_after("validity")
    until = None
    ten_years = False
    if validity_row is not None:
        text = validity_row.without_spaces()
        ten_years = "十年" in text.text or "10年" in text.text
        found = dates_in(text)
        if found:
            until = found[-1][0]          # "A至B": B; a single date: that one
    if issued is None:
        out.warn("field_missing", "issue_date")
        if until is not None and not ten_years:
            out.put("valid_until", until.value.isoformat(), min(until.confidence, 0.85))
        else:
            out.warn("field_missing", "valid_until")
        return
    expected = add_years(issued.value, VALIDITY_YEARS)
    if until is not None and until.value == expected:
        # Issue date and validity agree with the ten-year rule: each confirms the other. Not for an engine with
        # one confidence per word (Tesseract): it read 2012年11月30日 as 2012-01-30 in the issue date and in the
        # validity's range alike, the same digits misread the same way, which the rule cannot catch.
        sure = 0.85 if word_level(look) or placed else 0.99
        out.put("issue_date", issued.value.isoformat(), sure)
        out.put("valid_until", expected.isoformat(), sure)
        return
    out.put("issue_date", issued.value.isoformat(), issued_conf)
    if ten_years or until is None:
        out.put("valid_until", expected.isoformat(), issued_conf if ten_years else min(issued_conf, 0.45))
        if not ten_years:
            out.warn("field_missing", "valid_until")
    else:
        # The printed validity disagrees with the ten-year rule: look at it again before deciding.
        again = dates_in(look(validity_row.box).without_spaces())
        if again and again[-1][0].value == expected:
            # The second look agrees with a sure issue date. With a doubtful one, both can be the same misread:
            # photo 7700173, a dim card, read 2006-05-15 (at 0.44) and 2016-05-15 for 2008 and 2018, and the
            # pair was given at 0.9.
            out.put("valid_until", expected.isoformat(), min(0.97, issued_conf) if issued_conf >= 0.9 else 0.85)
            return
        # Still at odds: one of the two dates is misread, and the rule says which pair is possible. Which one is
        # not known, so the issue date is not sure either (photo 8500134: 2014-04-22 read 2014-01-22 by both
        # looks, at 0.97, beside a validity rightly read 2024-04-22).
        out.put("issue_date", issued.value.isoformat(), min(issued_conf, 0.6))
        out.put("valid_until", expected.isoformat(), min(issued_conf, 0.45))
        out.warn("fields_disagree", "valid_until", other="issue_date")


def _issue_row_where_printed(layout: Layout) -> Value | None:
    """The issue date's line when its label was not read (photo 16900020: 发证日期 read 案证日能): the value line
    holding a date right above the validity's row, below the address's label. None when either label is lost."""
    validity, address = layout.row_after("validity"), layout.label("address")
    if validity is None or address is None:
        return None
    height = validity.box[3] - validity.box[1]
    above = [v for v in layout.values()
             if address.value.box[3] < v.box[1] and v.box[3] < validity.box[1] + 0.5 * height
             and validity.box[1] - v.box[3] < 2 * height and dates_in(v.without_spaces())]
    return max(above, key=lambda v: v.box[1], default=None)


def _issue_date(row: Value, look: SecondLook, today: dt.date, validity_row: Value | None):
    """The printed issue date; a second look only when the validity does not already confirm the first."""
    def first_plausible(value: Value):
        found = [d[0] for d in dates_in(value.without_spaces()) if plausible_issue_date(d[0].value, today)]
        return found[0] if found else None

    first = first_plausible(row)
    if first is not None and validity_row is not None:
        until = dates_in(validity_row.without_spaces())
        if until and until[-1][0].value == add_years(first.value, VALIDITY_YEARS):
            return first, 0.99
    second = first_plausible(look(row.box))
    seen = [p for p in (first, second) if p is not None]
    if not seen:
        return _issue_date_by_more_looks(row, look, first_plausible)
    issued = max(seen, key=lambda p: p.confidence)
    agree = len(seen) == 2 and seen[0].value == seen[1].value
    # Two looks of an engine with one confidence per word (Tesseract) can agree on the same misread digits
    # (2025-05-20 read twice as 2023-03-02 at 0.97): only the ten-year rule makes its date certain.
    return issued, 0.97 if agree and not word_level(look) and issued.confidence >= 0.5 else min(issued.confidence, 0.85)


def _issue_date_by_more_looks(row: Value, look: SecondLook, first_plausible) -> tuple[object, float]:
    """Neither the first read nor a second look gave a date that exists: a look allowed only digits and 年月日, then
    the two denoised ones, until one does (photo 16500065: 2011年01月30日 read with 80日 by the first three looks,
    30日 by the denoised one). What it reads is offered as a guess; the printed validity, when it is a date ten
    years on, still confirms it (`_dates`)."""
    for another in (lambda: look(row.box, DATE_ALPHABET), lambda: look.denoised(row.box, evened=True),
                    lambda: look.denoised(row.box)):
        found = first_plausible(another())
        if found is not None:
            return found, min(found.confidence, GUESSED_DATE_AT_MOST)
    return None, 0.0
