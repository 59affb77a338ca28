"""Guides: the seeds' case studies computed from the store, each claim tied to the numbers
it quotes.

Each case (:data:`CASES`) names the seed passage it tests, computes instruments and measures
over time from the store (:func:`run_case`), draws figures, and states two or three
sentences whose numbers are filled in from what it computed and whose conditions are checked
on every run; what the data do not show is said as plainly. :func:`write_case` writes the
numbers and claims as JSON and the figures as HTML and PNG; ``examples/cases/*.py`` run one
case each, and the dashboard shows them under ``/guides``.
"""

from detente.guides._case import (
    QUESTIONS,
    Case,
    Claim,
    ClaimError,
    Computed,
    Figure,
    Number,
    Sentence,
    UserEntry,
    fill,
)
from detente.guides._output import script_main, write_case
from detente.guides._registry import CASES, get_case
from detente.guides._run import CaseResult, run_case

__all__ = [
    "CASES",
    "QUESTIONS",
    "Case",
    "CaseResult",
    "Claim",
    "ClaimError",
    "Computed",
    "Figure",
    "Number",
    "Sentence",
    "UserEntry",
    "fill",
    "get_case",
    "run_case",
    "script_main",
    "write_case",
]
