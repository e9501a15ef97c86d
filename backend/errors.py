"""Domain exceptions. Each carries a stable `code` (clients and tests rely on it), the catalog key of
the sentence that explains it (`text_code`, the code itself unless the problem is said another way in
this case), and its parameters. The HTTP layer maps the classes to statuses in one
place; nothing here knows about HTTP."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class FieldError:
    path: str                      # "applicant.id_number", or a material kind
    code: str                      # "bad_check_character", "required", ...
    params: Mapping[str, Any] = field(default_factory=dict)


class DomainError(Exception):
    code = "error"

    def __init__(self, code: str | None = None, *, params: Mapping[str, Any] | None = None,
                 errors: Sequence[FieldError] = (), text_code: str | None = None) -> None:
        self.code = code or type(self).code
        # The words are `problem.{text_code}.title/detail`: a variant of the code's own words when this
        # case lacks what they name (e.g. no office known to call), under the same stable code.
        self.text_code = text_code or self.code
        self.params = dict(params or {})
        self.errors = list(errors)
        super().__init__(self.code)


class NotFound(DomainError):
    code = "not_found"


class InvalidInput(DomainError):
    """Something the person sent is wrong; `errors` says which field and why."""
    code = "invalid_fields"


class Incomplete(InvalidInput):
    """Submission refused: every missing or invalid item at once."""
    code = "application_incomplete"


class TooLarge(DomainError):
    """Something sent is bigger than we accept; `params` says the limit."""
    code = "too_large"


class ConsentRequired(DomainError):
    code = "consent_required"


class Conflict(DomainError):
    """The request is understood but not possible in the current state (e.g. editing after submission)."""
    code = "conflict"


class StaleVersion(DomainError):
    code = "stale_version"

    def __init__(self, current_version: int) -> None:
        super().__init__(params={"current_version": current_version})
        self.current_version = current_version


class VersionRequired(DomainError):
    code = "version_required"


class AuthenticationFailed(DomainError):
    code = "authentication_failed"


class NotPermitted(DomainError):
    """For actions whose existence is not secret (e.g. dev login switched off)."""
    code = "not_permitted"


class TooManyAttempts(DomainError):
    """Refused for a while: too many failed tries of something a guesser could use (a code, a link's
    reference and ID number). `params` say when to try again: `retry_after_seconds` and `try_again_at`."""
    code = "too_many_attempts"

    def __init__(self, code: str, *, retry_after: timedelta, now: datetime) -> None:
        seconds = max(1, math.ceil(retry_after.total_seconds()))
        super().__init__(code, params={"retry_after_seconds": seconds,
                                       "try_again_at": (now + timedelta(seconds=seconds)).isoformat()})
        self.retry_after_seconds = seconds


class UpstreamUnavailable(DomainError):
    """A service we depend on (WeChat, the review system) did not answer; trying again later may work."""
    code = "upstream_unavailable"
