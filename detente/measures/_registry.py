"""Every state-level measure by name, with its unit, method and citation, for CLI and API.

A :class:`Measure` computes a table ``ccode, year, value`` (plus any component columns) for
a span of years, optionally renormalised within a chosen set of states. Listings, the
``detente measure`` command and the REST API read this registry; adding a measure is one
entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from detente._errors import DetenteError

if TYPE_CHECKING:
    from detente.store._store import Store

Compute = Callable[..., pa.Table]
"""``compute(store, years, states, **options) -> ccode, year, value[, extra columns]``."""


@dataclass(frozen=True)
class Measure:
    """A named state-year measure.

    ``compute(store, years, states, **options)`` returns ``ccode, year, value`` and optional
    extra columns; with ``states`` the measure is computed within that set (shares
    renormalised, min-max scaled and ranked within it). ``options`` names the keyword options
    the measure accepts (``weights`` for composites). A year's values must depend on that
    year's data only (as shares, scores and ranks within each year do): spans are computed
    and remembered year by year (:mod:`detente.measures._memo`).
    """

    name: str
    title: str
    unit: str
    method: str
    citation: str
    tables: tuple[str, ...]
    compute: Compute
    higher_is_better: bool = True
    options: tuple[str, ...] = ()
    partial: bool = False
    """True when the measure handles inputs that cover only part of its years (a composite
    reporting missing indicators): its coverage is then the union of its tables' years."""

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "unit": self.unit, "method": self.method,
                "citation": self.citation, "tables": list(self.tables),
                "options": list(self.options)}

    def values(self, store: Store, years: tuple[int, int], states: Sequence[int] | None = None,
               **options: object) -> pa.Table:
        """Compute the measure; unknown options are an error naming the ones it takes."""
        unknown = set(options) - set(self.options)
        if unknown:
            raise DetenteError(f"measure {self.name!r} takes no option {sorted(unknown)}; "
                               f"it takes {list(self.options) or 'none'}")
        return self.compute(store, years, states, **options)


MEASURES: dict[str, Measure] = {}


def register_measure(measure: Measure) -> Measure:
    MEASURES[measure.name] = measure
    return measure


def get_measure(name: str) -> Measure:
    try:
        return MEASURES[name]
    except KeyError:
        known = ", ".join(sorted(MEASURES))
        raise DetenteError(f"unknown measure {name!r}; known measures: {known}") from None
