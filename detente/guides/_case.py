"""A case study as data: the seed passage it tests, what it computes from the store, and the
sentences it states, each tied to the numbers it quotes.

A :class:`Claim` is a sentence with named placeholders (``"{partners_2000s} states"``) and a
condition on those numbers under which the sentence is true. The placeholders are filled
from the numbers the case computed, never typed in, and the condition is checked on every
run: a changed dataset that breaks a claim is reported (and fails the tests, the docs build
and the example scripts), it is never printed as if it still held.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING, Any

from detente._errors import DetenteError

if TYPE_CHECKING:
    from detente.store import Store

QUESTIONS = ("observe", "measure", "coalitions", "bargaining", "escalation", "monitor")


class ClaimError(DetenteError):
    """A case's claims do not hold on the data it was computed from."""


@dataclass(frozen=True)
class Number:
    """A computed number: its value, what it is, its unit and the sources it was read from."""

    value: float | str
    label: str
    unit: str
    sources: tuple[str, ...]
    fmt: str = ",.0f"

    def text(self) -> str:
        return self.value if isinstance(self.value, str) else format(self.value, self.fmt)


@dataclass(frozen=True)
class Claim:
    """A sentence quoting numbers by name, and when it is true.

    ``check`` receives the values of every number the case computed (by name) and returns
    whether the sentence holds. ``None`` marks a sentence that only reports numbers (a
    coverage year, a count) and asserts nothing about them.
    """

    text: str
    check: Callable[[Mapping[str, Any]], bool] | None = None

    def fields(self) -> list[str]:
        return [name for _, name, _, _ in Formatter().parse(self.text) if name]


@dataclass(frozen=True)
class Figure:
    """A plotly figure (``data`` and ``layout`` as JSON) with its caption and sources."""

    id: str
    figure: dict[str, Any]
    caption: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Computed:
    """What a case's ``compute`` returns: named numbers, one or more figures, and the states
    and dyads (COW codes) it is about, which the dashboard links to their pages."""

    numbers: Mapping[str, Number]
    figures: tuple[Figure, ...]
    states: tuple[int, ...]
    dyads: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class UserEntry:
    """How a user adds what the open data lack: an instrument and a made-up example file
    (shipped in ``detente/guides/user_entered/``), with why it is needed."""

    instrument: str
    file: str
    why: str


@dataclass(frozen=True)
class Case:
    """One case study of the seeds.

    ``shows`` are the two or three sentences the data support; ``limits`` say what the data
    do not show (they may quote numbers too). ``map`` is a (measure, year) for the
    dashboard's map.
    """

    id: str
    title: str
    question: str
    seed_file: str
    seed_passage: str
    summary: str
    compute: Callable[[Store], Computed]
    shows: tuple[Claim, ...]
    limits: tuple[Claim, ...]
    map: tuple[str, int] | None = None
    user_entry: UserEntry | None = None
    script: str = field(default="")

    def __post_init__(self) -> None:
        if self.question not in QUESTIONS:
            raise ValueError(f"{self.id}: question must be one of {QUESTIONS}")
        if not self.script:
            object.__setattr__(self, "script", f"examples/cases/{self.id}.py")


@dataclass(frozen=True)
class Sentence:
    """A claim filled in: its parts (literal text, or the name of a number) and whether it
    holds (``None`` for a sentence that asserts nothing)."""

    parts: tuple[tuple[str, str | None], ...]
    holds: bool | None
    claim: Claim

    def plain(self, numbers: Mapping[str, Number]) -> str:
        return "".join(text if key is None else numbers[key].text() for text, key in self.parts)


def fill(claim: Claim, numbers: Mapping[str, Number]) -> Sentence:
    """Split ``claim`` into literal text and number names, and evaluate its check."""
    missing = [name for name in claim.fields() if name not in numbers]
    if missing:
        raise ClaimError(f"the claim {claim.text!r} quotes numbers the case did not compute: "
                         f"{', '.join(missing)}")
    parts: list[tuple[str, str | None]] = []
    for literal, name, _, _ in Formatter().parse(claim.text):
        if literal:
            parts.append((literal, None))
        if name:
            parts.append((name, name))
    values = {k: n.value for k, n in numbers.items()}
    holds = None if claim.check is None else bool(claim.check(values))
    return Sentence(tuple(parts), holds, claim)
