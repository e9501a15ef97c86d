"""The ID card's back: 签发机关 and 有效期限 ("2015.03.02-2035.03.02" or "…-长期"). A validity's length is
fixed by age at issue (5, 10 or 20 years, or 长期), which confirms both dates when they agree."""

from __future__ import annotations

import datetime as dt
import re

from ocr.engines.boundary import TextLine
from ocr.fields.common import Collected, chinese_only, look_free_text
from ocr.fields.layout import Layout
from ocr.fields.places import settle_authority
from ocr.fields.looks import SecondLook
from ocr.fields.values import LONG_TERM, dates_in
from ocr.validate import add_years, plausible_issue_date

LABELS = {"authority": ("签发机关",), "validity": ("有效期限",)}
VALIDITY_YEARS = (5, 10, 20)
REPAIRED = 0.85
LOOKS_DISAGREE = 0.85
# Two dates of eight digits each, their separators kept or lost, joined by a dash: the validity's shape.
_DATE_PAIR = re.compile(r"(?<!\d)(\d{4}\.?\d{2}\.?\d{2})-(\d{4}\.?\d{2}\.?\d{2})(?!\d)")


def parse(lines: list[TextLine], look: SecondLook, today: dt.date) -> Collected:
    layout = Layout(lines, LABELS)
    out = Collected()
    _authority(layout, look, out)
    _validity(layout, look, out, today)
    return out


def _authority(layout: Layout, look: SecondLook, out: Collected) -> None:
    row = layout.row_after("authority")
    if row is None:
        out.warn("field_missing", "issuing_authority")
        return
    chosen, confidence = look_free_text([row], look, LABELS, chinese_only, settle_authority)
    if not chosen.text:
        out.warn("field_missing", "issuing_authority")
        return
    if not chosen.text.endswith("局"):
        # Every issuing authority is a public security bureau or its branch (公安局, 分局).
        confidence = min(confidence, 0.45)
    out.put("issuing_authority", chosen.text, confidence)


def _validity(layout: Layout, look: SecondLook, out: Collected, today: dt.date) -> None:
    row = layout.row_after("validity") or _unlabelled_validity(layout)
    if row is None:
        out.warn("field_missing", "valid_from")
        out.warn("field_missing", "valid_until")
        return
    texts = [row.without_spaces().text]
    readings = [_dates(row.without_spaces())]
    first = readings[0]
    # 长期 checks nothing of the start date, as 5, 10 or 20 years apart checks both dates: it is looked at again,
    # and only two looks that agree make it sure (2017.12.28-长期 read 2011.12.28 at 0.94 and given at 0.99 on a
    # dark, blurred card: benchmark photo 31300004).
    unchecked = first is not None and first[1][0] == "long_term"
    if first is None or not _consistent(first[0][0], first[1][0]) or unchecked:
        again = look(row.box, "0123456789.-长期").without_spaces()
        texts.append(again.text)
        readings.append(_dates(again))
    readings = [r for r in readings if r is not None and plausible_issue_date(r[0][0], today)]
    if not readings:
        if not _one_date_from_the_other(texts, out, today):
            out.warn("field_invalid", "valid_from", reason="date")
            out.warn("field_invalid", "valid_until", reason="date")
        return
    agree = len(readings) == 2 and readings[0][0][0] == readings[1][0][0] and readings[0][1][0] == readings[1][1][0]
    # A reading whose dates are 5, 10 or 20 years apart (or 长期) beats a surer one whose dates are not.
    (start, start_conf), (until, until_conf) = max(
        readings, key=lambda r: (_consistent(r[0][0], r[1][0]), min(r[0][1], r[1][1])))
    consistent = _consistent(start, until)
    # A validity of exactly 5, 10 or 20 years (or 长期) is itself a check: a misread digit rarely keeps it.
    least = min(start_conf, until_conf)
    base = (0.99 if agree or least >= 0.5 else 0.9) if consistent else 0.45
    if len(readings) == 2 and not agree:
        # The looks read different dates: the one that keeps the rule wins, but the rule is no proof of it when
        # both dates moved together (2023.05.15-2043.05.15 read 2021.06.15-2043.05.15 by the first look and
        # 2021.05.15-2041.05.15 by the second: benchmark photo 6100070, a dark card, 0.99 and wrong).
        base = min(base, LOOKS_DISAGREE)
    if until == "long_term" and not agree:
        base = min(base, LOOKS_DISAGREE)
    out.put("valid_from", start.isoformat(), base)
    out.put("valid_until", until if until == "long_term" else until.isoformat(), base)
    if not consistent:
        out.warn("field_invalid", "valid_until", reason="implausible_date")


def _consistent(start: dt.date, until: object) -> bool:
    return until == "long_term" or any(add_years(start, y) == until for y in VALIDITY_YEARS)


def _one_date_from_the_other(texts: list[str], out: Collected, today: dt.date) -> bool:
    """A validity with one date that does not exist (2030.00.12: benchmark photo 5700019) beside one that does
    (2020.09.12): the card's end is its start plus 5, 10 or 20 years, on the same day, so the date that does
    not exist is the other moved by one of those lengths when exactly one of them differs from it in a single
    digit. Never sure (the date that exists may be misread too): 0.85, and said to be repaired."""
    for text in texts:
        pair = _DATE_PAIR.search(text)
        if pair is None:
            continue
        start_digits, until_digits = (group.replace(".", "") for group in pair.groups())
        start, until = _date_or_none(start_digits), _date_or_none(until_digits)
        if (start is None) == (until is None):
            continue
        if start is not None:
            fits = [add_years(start, years) for years in VALIDITY_YEARS
                    if _one_digit_apart(add_years(start, years), until_digits)]
            repaired, source = "valid_until", "valid_from"
        else:
            fits = [add_years(until, -years) for years in VALIDITY_YEARS
                    if _one_digit_apart(add_years(until, -years), start_digits)]
            repaired, source = "valid_from", "valid_until"
        if len(fits) != 1:
            continue
        start, until = (start, fits[0]) if start is not None else (fits[0], until)
        if not plausible_issue_date(start, today):
            continue
        out.put("valid_from", start.isoformat(), REPAIRED)
        out.put("valid_until", until.isoformat(), REPAIRED)
        out.warn("field_repaired", repaired, source=source)
        return True
    return False


def _date_or_none(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _one_digit_apart(day: dt.date, digits: str) -> bool:
    return sum(a != b for a, b in zip(day.strftime("%Y%m%d"), digits)) == 1


def _unlabelled_validity(layout: Layout):
    """The back prints no other dates: with its label wiped out (有 left of 有效期限), the validity is the line
    that holds a start date and an end (a second date or 长期)."""
    for value in layout.values():
        if _dates(value.without_spaces()) is not None:
            return value
    return None


def _dates(value) -> tuple[tuple[dt.date, float], tuple[object, float]] | None:
    found = dates_in(value)
    if not found:
        return None
    start, _, end = found[0]
    if len(found) >= 2:
        return (start.value, start.confidence), (found[1][0].value, found[1][0].confidence)
    index = value.text.find(LONG_TERM, end)
    if index >= 0:
        return (start.value, start.confidence), ("long_term", min(value.confidences[index:index + 2]))
    return None
