import pytest
from pydantic import ValidationError

from backend.settings import Settings


def test_drafts_are_kept_at_least_thirty_days_whatever_is_configured():
    assert Settings().draft_retention_days == 30
    assert Settings(draft_retention_days=90).draft_retention_days == 90
    with pytest.raises(ValidationError):
        Settings(draft_retention_days=7)
