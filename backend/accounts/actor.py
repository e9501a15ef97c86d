"""The acting user, passed first to every service call: whoever acts is always known."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import Role


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: Role
    display_name: str = ""
    region_code: str | None = None
    source: str | None = None  # where the call came from (client address, channel), for the audit log

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.ASSISTANT, Role.REVIEWER, Role.ADMIN)
