import pytest


@pytest.fixture
def applicant(as_applicant):
    """The demo applicant with speech off: making audio is the slow part of a turn, and these tests
    are about words."""
    assert as_applicant.put("/me/preferences", json={"speech": False}).status_code == 200
    return as_applicant
