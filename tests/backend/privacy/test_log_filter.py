"""Identity and phone numbers never reach a log line whole."""

from __future__ import annotations

import logging

from backend.privacy.log_filter import PersonalDataFilter, scrub


def test_id_certificate_and_phone_numbers_are_masked():
    line = scrub("id 11010519491231002X cert 11010519491231002X42 phone 13900001234 ref LB20261125123456")
    assert "11010519491231002X" not in line
    assert "13900001234" not in line
    assert "1101**********002X" in line
    assert "LB20261125123456" in line  # references are not personal data


def test_filter_rewrites_records_with_arguments(caplog):
    logger = logging.getLogger("test.privacy")
    handler = logging.Handler()
    seen = []
    handler.emit = lambda record: seen.append(record.getMessage())
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    try:
        logger.warning("looked up %s", "11010519491231002X")
    finally:
        logger.removeHandler(handler)
    assert seen == ["looked up 1101**********002X"]
