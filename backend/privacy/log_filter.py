"""A safety net under every log handler: identity, certificate and phone numbers never reach a log
line whole, even when a library or a careless message includes one (DESIGN.md, API conventions)."""

from __future__ import annotations

import logging
import re

from backend.privacy.masking import mask_id_number, mask_phone

# 18-character ID numbers (15-digit first-generation ones too), certificate numbers (20 and more) and
# bank card numbers, not inside a longer run of digits or letters.
_IDENTITY = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx][0-9A-Za-z]*|\d{15,16})(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def scrub(text: str) -> str:
    text = _IDENTITY.sub(lambda m: mask_id_number(m.group(0)) or "", text)
    return _PHONE.sub(lambda m: mask_phone(m.group(0)) or "", text)


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def install_log_filter() -> None:
    """Attach the filter to every handler of the root logger (and to future ones via basicConfig)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in root.handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
