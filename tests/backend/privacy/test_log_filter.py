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


def captured(logger_name: str) -> tuple[logging.Logger, list[str], logging.Handler]:
    """A logger whose handler formats records as a real one would, behind the filter."""
    logger = logging.getLogger(logger_name)
    lines: list[str] = []
    handler = logging.Handler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.emit = lambda record: lines.append(handler.format(record))
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    return logger, lines, handler


def test_numbers_written_in_groups_are_masked():
    line = scrub("phone 139 0000 1542, 139-0000-1542, +86 139 0000 1542; id 500232 19500412 3319 "
                 "and 500232-19500412-331X; card 6222 0212 3456 7890")
    assert line == ("phone 139****1542, 139****1542, 139****1542; id 5002**********3319 "
                    "and 5002**********331X; card 6222********7890")
    # Dates, times and lists of small numbers are not numbers of people.
    kept = "on 2026-11-25 10:00, items 1 2 3 4 5 6 7 8 9 10, ref LB-2026-1125-0042"
    assert scrub(kept) == kept


def test_a_logged_exception_is_scrubbed_in_its_traceback():
    logger, lines, handler = captured("test.privacy.exception")
    try:
        try:
            raise ValueError("no region for 500232195004123319, call 13900001542")
        except ValueError:
            logger.exception("lookup failed")
    finally:
        logger.removeHandler(handler)
    [line] = lines
    assert "Traceback" in line and "ValueError" in line
    assert "500232195004123319" not in line and "13900001542" not in line
    assert "5002**********3319" in line and "139****1542" in line


def test_a_database_error_logged_with_its_traceback_shows_neither_parameters_nor_numbers(runtime):
    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from backend.accounts.models import User

    logger, lines, handler = captured("test.privacy.database")
    try:
        with runtime.database.engine.begin() as connection:
            connection.execute(insert(User.__table__).values(
                id="u" * 32, role="public", display_name="王秀英", account="王秀英 500232195004123319",
                created_at=runtime.clock()))
        try:
            with runtime.database.engine.begin() as connection:
                connection.execute(insert(User.__table__).values(
                    id="v" * 32, role="public", display_name="王秀英", account="王秀英 500232195004123319",
                    created_at=runtime.clock()))
        except IntegrityError:
            logger.exception("could not save")
    finally:
        logger.removeHandler(handler)
    [line] = lines
    assert "IntegrityError" in line and "parameters hidden" in line.lower()
    assert "500232195004123319" not in line and "王秀英" not in line


def test_a_stack_logged_on_purpose_is_scrubbed():
    logger, lines, handler = captured("test.privacy.stack")
    try:
        number = "500232195004123319"  # noqa: F841 - in the frame, not in the stack text
        logger.warning("checking 500232 19500412 3319", stack_info=True)
    finally:
        logger.removeHandler(handler)
    [line] = lines
    assert "Stack (most recent call last)" in line and "19500412" not in line
