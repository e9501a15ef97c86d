"""Hypothesis strategies for synthetic ID and certificate numbers (shared by this directory's tests)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from backend.identity.synthetic import synthetic_id_number

# Fixed "today" for property tests, so that no drawn birth date is in the future whenever they run.
TODAY = date(2026, 11, 25)

region_codes = st.text(alphabet="0123456789", min_size=6, max_size=6)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sexes = st.sampled_from(["male", "female"])


@st.composite
def id_numbers(draw: st.DrawFn) -> tuple[str, str, date, str]:
    """(number, region_code, birth_date, sex) with a correct check character."""
    region, born, sex = draw(region_codes), draw(birth_dates), draw(sexes)
    sequence = draw(st.integers(0, 499)) * 2 + (1 if sex == "male" else 0)
    return synthetic_id_number(region, born, sex, sequence=sequence), region, born, sex
