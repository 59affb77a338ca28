"""Run a case on a store: compute its numbers and figures, fill in and check its claims, and
record the data versions it read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.guides._case import Case, ClaimError, Figure, Number, Sentence, fill
from detente.sources import get_source

if TYPE_CHECKING:
    from detente.store import Store


@dataclass(frozen=True)
class CaseResult:
    """A case computed from one store: numbers, figures, the sentences with their checks."""

    case: Case
    numbers: Mapping[str, Number]
    figures: tuple[Figure, ...]
    shows: tuple[Sentence, ...]
    limits: tuple[Sentence, ...]
    data_versions: Mapping[str, str]
    states: tuple[int, ...]
    dyads: tuple[tuple[int, int], ...]

    @property
    def failed(self) -> list[Sentence]:
        """Sentences whose condition is false on this store's data."""
        return [s for s in (*self.shows, *self.limits) if s.holds is False]

    def check(self) -> CaseResult:
        """``self`` when every claim holds; else :class:`ClaimError` naming each one."""
        if self.failed:
            listed = "; ".join(s.plain(self.numbers) for s in self.failed)
            raise ClaimError(f"case {self.case.id}: {len(self.failed)} claim(s) no longer hold "
                             f"on this data: {listed}")
        return self

    def text(self) -> str:
        """The case as plain text: what the data show, then what they do not."""
        shows = " ".join(s.plain(self.numbers) for s in self.shows)
        limits = " ".join(s.plain(self.numbers) for s in self.limits)
        return f"{self.case.title}\n\n{shows}\n\nWhat the data do not show: {limits}\n"

    def to_json(self) -> dict[str, Any]:
        """Everything computed, as JSON: numbers with units and sources, the claims as
        written and as filled in with whether each holds, the data versions."""

        def sentences(items: tuple[Sentence, ...]) -> list[dict[str, Any]]:
            return [{"template": s.claim.text, "text": s.plain(self.numbers),
                     "numbers": s.claim.fields(), "holds": s.holds} for s in items]

        case = self.case
        return {
            "case": case.id, "title": case.title, "question": case.question,
            "seed": {"file": case.seed_file, "passage": case.seed_passage},
            "summary": case.summary,
            "numbers": {k: {"value": n.value, "text": n.text(), "label": n.label,
                            "unit": n.unit, "sources": list(n.sources)}
                        for k, n in self.numbers.items()},
            "shows": sentences(self.shows), "limits": sentences(self.limits),
            "figures": [{"id": f.id, "caption": f.caption, "sources": list(f.sources)}
                        for f in self.figures],
            "data_versions": dict(self.data_versions),
            "states": list(self.states), "dyads": [list(d) for d in self.dyads],
            "user_entry": None if case.user_entry is None else {
                "instrument": case.user_entry.instrument, "file": case.user_entry.file,
                "made_up": True},
        }


def run_case(store: Store, case: Case) -> CaseResult:
    """Compute ``case`` from ``store`` and fill in its claims (call ``.check()`` to insist
    they hold)."""
    computed = case.compute(store)
    numbers = dict(computed.numbers)
    used = sorted({s for n in numbers.values() for s in n.sources}
                  | {s for f in computed.figures for s in f.sources})
    loaded = store.loaded()
    versions = {s: loaded.get(s) or get_source(s).version for s in used if s != "user"}
    shows = tuple(fill(c, numbers) for c in case.shows)
    limits = tuple(fill(c, numbers) for c in case.limits)
    unused = set(numbers) - {f for c in (*case.shows, *case.limits) for f in c.fields()}
    if unused:
        raise ClaimError(f"case {case.id} computes numbers no sentence quotes: "
                         f"{', '.join(sorted(unused))}")
    return CaseResult(case, numbers, computed.figures, shows, limits, versions,
                      computed.states, computed.dyads)
