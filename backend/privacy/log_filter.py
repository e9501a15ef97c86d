"""A safety net under every log handler: identity, certificate and phone numbers never reach a log
line whole, even when a library or a careless message includes one (DESIGN.md, API conventions): not in
the message, not in the traceback of a logged exception (`log.exception` of a database error quotes the
values it failed on), not written in groups (`139 0000 1542`, `500232-19500412-3319`)."""

from __future__ import annotations

import logging
import re

from backend.privacy.masking import mask_id_number, mask_phone

# 18-character ID numbers (15-digit first-generation ones too), certificate numbers (20 and more) and
# bank card numbers, not inside a longer run of digits or letters.
_IDENTITY = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx][0-9A-Za-z]*|\d{15,16})(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# The same numbers written in groups of digits separated by a space or a dash, as people and forms write
# them. Groups of at least two digits, so a list of small numbers or a date is left alone.
_GROUPED = re.compile(r"(?<![0-9A-Za-z])\+?\d{2,}(?:[ -]\d{2,})+[Xx]?(?![0-9A-Za-z])")
_WHOLE_PHONE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")


def _grouped(match: re.Match[str]) -> str:
    written = match.group(0)
    digits = re.sub(r"[ +-]", "", written)
    if _IDENTITY.fullmatch(digits):
        return mask_id_number(digits) or ""
    phone = _WHOLE_PHONE.fullmatch(digits)
    if phone:
        return mask_phone(phone.group(1)) or ""
    return written


# PostgreSQL quotes the offending row in its error details, names and addresses included, whatever
# SQLAlchemy's hide_parameters hides: "Key (account)=(王秀英 ...) already exists", "Failing row contains (...)".
_DATABASE_DETAIL = re.compile(r"(Key \([^)]*\)=\().*?(\) (?:already exists|is not present|conflicts))"
                              r"|(Failing row contains \().*?(\)\.?)$", re.MULTILINE)


def _detail(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}…{match.group(2)}"
    return f"{match.group(3)}…{match.group(4)}"


def scrub(text: str) -> str:
    text = _DATABASE_DETAIL.sub(_detail, text)
    text = _GROUPED.sub(_grouped, text)
    text = _IDENTITY.sub(lambda m: mask_id_number(m.group(0)) or "", text)
    return _PHONE.sub(lambda m: mask_phone(m.group(0)) or "", text)


_FORMATTER = logging.Formatter()


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        # A traceback is text like any other: formatted here, scrubbed, and kept as the record's exc_text,
        # which every formatter prints instead of formatting exc_info again (cleared, so none can).
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = _FORMATTER.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def install_log_filter() -> None:
    """Attach the filter to every handler of the root logger (and to future ones via basicConfig)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in root.handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
