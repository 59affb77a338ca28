"""Every state-level measure by name, with its unit, method and citation.

A :class:`Measure` computes a table ``ccode, year, value`` (plus any component columns) for a
span of years, optionally within a chosen set of states. The REST API, the world map and the
reports read this registry (through :mod:`detente.measures._ranking`); adding a measure is one
:func:`register_measure` call.
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
"""``compute(store, years, states, **options) -> ccode, year, value[, component columns]``."""


@dataclass(frozen=True)
class Measure:
    """A named state-year measure.

    ``compute(store, years, states, **options)`` returns ``ccode, year, value`` and optional
    component columns; with ``states`` the measure is computed within that set. ``tables``
    are the store tables it reads (coverage and data versions come from them).
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
    """Add ``measure`` to the registry under its name and return it."""
    MEASURES[measure.name] = measure
    return measure


def get_measure(name: str) -> Measure:
    """The measure registered as ``name``; the error lists the names that exist."""
    try:
        return MEASURES[name]
    except KeyError:
        known = ", ".join(sorted(MEASURES))
        raise DetenteError(f"unknown measure {name!r}; known measures: {known}") from None
