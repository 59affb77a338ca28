"""The measure registry: every index the API, the map and the reports can show, by id.

A :class:`Measure` declares what an index is (title, unit, method, the sources it cites and
the store tables it reads) and a ``compute`` function returning one row per state-year:
``ccode, year, value`` and any component columns. :func:`measure_table` adds what every
consumer needs (the state's name and ISO3 in that year, its rank in the year, how many states
were ranked), so a new index is one :func:`register_measure` call and appears in
``GET /api/v1/measures``, on the world map and in the country brief without further code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from detente._errors import DetenteError
from detente.measures._hard_power import NMC_COMPONENTS, cinc

if TYPE_CHECKING:
    from detente.store._store import Store

Compute = Callable[["Store", tuple[int, int]], pa.Table]
"""``compute(store, (first, last))`` -> ``ccode, year, value, <components>`` for those years."""


class MeasureError(DetenteError):
    """An unknown measure, or years outside what the measure's data cover."""


@dataclass(frozen=True)
class Measure:
    """An index with a published method.

    ``unit`` says how to read a value (it labels axes and legends); ``components`` names the
    extra columns ``compute`` returns, with their units in ``component_units``; ``tables``
    are the store tables read, from which coverage and data versions come.
    """

    id: str
    title: str
    unit: str
    description: str
    method: str
    sources: tuple[str, ...]
    tables: tuple[str, ...]
    compute: Compute
    components: tuple[str, ...] = ()
    component_units: str = ""
    value_format: str = ".4f"

    def coverage(self, store: Store) -> tuple[int, int]:
        """Years every table the measure reads covers (from the store's provenance)."""
        spans = [store.coverage(t) for t in self.tables]
        return max(s[0] for s in spans), min(s[1] for s in spans)


MEASURES: dict[str, Measure] = {}


def register_measure(measure: Measure) -> Measure:
    """Add ``measure`` to the registry (the id must be new) and return it."""
    if measure.id in MEASURES:
        raise MeasureError(f"a measure with id {measure.id!r} is already registered")
    MEASURES[measure.id] = measure
    return measure


def get_measure(measure_id: str) -> Measure:
    """The measure registered as ``measure_id``; the error lists the ids that exist."""
    try:
        return MEASURES[measure_id]
    except KeyError:
        known = ", ".join(sorted(MEASURES))
        raise MeasureError(f"unknown measure {measure_id!r}; known measures: {known}") from None


_LABELLED = """
SELECT * FROM (
WITH v AS (SELECT * FROM values_in),
names AS (
    SELECT ccode, arg_max(name, year) AS last_name, arg_max(iso3, year) AS last_iso3,
           max(year) AS last_year
    FROM state_codes GROUP BY ccode
)
SELECT v.ccode, v.year,
       coalesce(sc.name, n.last_name) AS name,
       coalesce(sc.iso3, CASE WHEN v.year > n.last_year THEN n.last_iso3 END) AS iso3,
       v.value,
       CAST(rank() OVER (PARTITION BY v.year ORDER BY v.value DESC) AS INTEGER) AS rank,
       CAST(count(v.value) OVER (PARTITION BY v.year) AS INTEGER) AS ranked,
       {components}
FROM v
LEFT JOIN state_codes sc ON sc.ccode = v.ccode AND sc.year = v.year
LEFT JOIN names n ON n.ccode = v.ccode
WHERE v.value IS NOT NULL
) {where}
ORDER BY year, rank, ccode
"""


def measure_table(store: Store, measure: Measure | str, years: tuple[int, int],
                  states: Sequence[int] | None = None) -> pa.Table:
    """Values of ``measure`` for ``years`` (inclusive), ranked within each year.

    Columns: ``ccode, year, name, iso3, value, rank, ranked`` and the measure's components.
    Ranks are over every state with a value that year (1 = highest), also when ``states``
    keeps only some rows. ``name`` and ``iso3`` are those valid in the year (COW membership
    ends in 2016; later years keep the last known name and ISO3). Years outside the
    measure's coverage raise :class:`MeasureError` naming the covered span.
    """
    measure = get_measure(measure) if isinstance(measure, str) else measure
    first, last = measure.coverage(store)
    lo, hi = years
    if lo > hi:
        raise MeasureError(f"years run backwards: {lo} > {hi}")
    if hi < first or lo > last:
        raise MeasureError(f"{measure.id} covers {first}-{last}; no data for {lo}-{hi}")
    store.require("state_codes")
    values = measure.compute(store, (max(lo, first), min(hi, last)))
    components = ", ".join(f'v."{c}"' for c in measure.components) or "NULL AS _none"
    where = ""
    if states is not None:
        where = "WHERE ccode IN (" + (", ".join(str(int(s)) for s in states) or "NULL") + ")"
    rel = store.con.cursor()
    try:
        rel.register("values_in", values)
        table = rel.sql(_LABELLED.format(components=components, where=where)).to_arrow_table()
    finally:
        rel.close()
    return table.drop_columns(["_none"]) if "_none" in table.column_names else table


def _cinc(store: Store, years: tuple[int, int]) -> pa.Table:
    table = cinc(store, years=years)
    return table.rename_columns(["ccode", "year", "value", *table.column_names[3:]])


CINC = register_measure(Measure(
    id="cinc",
    title="Composite Index of National Capability (CINC)",
    unit="share of world capabilities (0-1)",
    description=(
        "Hard power: a state's average share of the world's military expenditure, military "
        "personnel, iron and steel production, primary energy consumption, total population "
        "and urban population in a year."
    ),
    method=(
        "For each year and component, share = the state's value / the sum over all states "
        "reporting that component; CINC = the mean of the shares the state reports (missing "
        "components are skipped, not zeroed). Singer, Bremer and Stuckey (1972). Recomputed "
        "in DuckDB from NMC 7.0; equals the published cinc within 1e-6."
    ),
    sources=("cow_nmc",),
    tables=("cow_nmc",),
    compute=_cinc,
    components=tuple(f"{c}_share" for c in NMC_COMPONENTS),
    component_units="share of the world total (0-1)",
))
