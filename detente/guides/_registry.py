"""Every case study, in the order the seeds name them."""

from __future__ import annotations

from detente._errors import DetenteError
from detente.guides._case import Case
from detente.guides.cases import (
    india_southeast_asia,
    japan_sdf,
    nato_europe,
    sweden_canada_peacekeeping,
    thaad_korea,
    us_gcc,
    us_japan_korea,
    us_south_korea,
)

CASES: dict[str, Case] = {m.CASE.id: m.CASE for m in (
    us_south_korea,
    japan_sdf,
    india_southeast_asia,
    nato_europe,
    us_japan_korea,
    us_gcc,
    sweden_canada_peacekeeping,
    thaad_korea,
)}
"""The case studies by id."""


def get_case(case_id: str) -> Case:
    """The case ``case_id``; the error lists the ids that exist."""
    try:
        return CASES[case_id]
    except KeyError:
        raise DetenteError(f"unknown case {case_id!r}; cases are: {', '.join(CASES)}") from None
