"""More actors than the demo accounts: named accounts made for a test and logged in through dev login."""

from __future__ import annotations

from backend.accounts.models import User
from backend.db.base import new_id
from backend.unit_of_work import unit_of_work
from tests.support.api import ApiClient


def make_account(account: str, role: str = "public", *, name: str | None = None, region: str | None = None) -> str:
    with unit_of_work() as uow:
        user = User(id=new_id(), account=account, role=role, display_name=name or account, region_code=region,
                    created_at=uow.now)
        uow.session.add(user)
        uow.commit()
        return user.id


def logged_in(app, account: str, role: str = "public", **kwargs) -> ApiClient:
    from tests.conftest import login

    make_account(account, role, **kwargs)
    return login(app, account)
