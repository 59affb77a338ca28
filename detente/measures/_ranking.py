"""Any registered measure ranked within each year, labelled with names and ISO3, with its
coverage and sources: what the REST API, the world map, profiles and reports show.

Only the registry's shared interface is used (``Measure.values``, ``tables``,
``higher_is_better``), so every measure registered appears everywhere with no further code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from detente._errors import DetenteError
from detente.measures._memo import yearly_values
from detente.measures._registry import Measure, get_measure

if TYPE_CHECKING:
    from detente.store._store import Store

KEY_COLUMNS = ("ccode", "year", "value")


class MeasureError(DetenteError):
    """Years outside what a measure's data cover."""


def measure_coverage(store: Store, measure: Measure) -> tuple[int, int]:
    """Years the measure covers, from the store's provenance: the years every table it reads
    covers, or, for a measure that handles partly covered inputs itself (``partial``, e.g. a
    composite reporting missing indicators), the years any of them covers."""
    spans = [store.coverage(t) for t in measure.tables]
    if measure.partial:
        return min(s[0] for s in spans), max(s[1] for s in spans)
    return max(s[0] for s in spans), min(s[1] for s in spans)


def measure_sources(measure: Measure) -> tuple[str, ...]:
    """Ids of the sources behind the tables the measure reads."""
    from detente.sources.registry import table_owner

    return tuple(dict.fromkeys(table_owner(t).id for t in measure.tables))


_LABELLED = """
SELECT * FROM (
WITH names AS (
    SELECT ccode, arg_max(name, year) AS last_name, arg_max(iso3, year) AS last_iso3,
           max(year) AS last_year
    FROM state_codes GROUP BY ccode
)
SELECT v.ccode, v.year,
       coalesce(sc.name, n.last_name) AS name,
       coalesce(sc.iso3, CASE WHEN v.year > n.last_year THEN n.last_iso3 END) AS iso3,
       v.value,
       CAST(rank() OVER (PARTITION BY v.year ORDER BY v.value {order}) AS INTEGER) AS rank,
       CAST(count(v.value) OVER (PARTITION BY v.year) AS INTEGER) AS ranked,
       v.* EXCLUDE (ccode, year, value)
FROM values_in v
LEFT JOIN state_codes sc ON sc.ccode = v.ccode AND sc.year = v.year
LEFT JOIN names n ON n.ccode = v.ccode
WHERE v.value IS NOT NULL
) {where}
ORDER BY year, rank, ccode
"""


def measure_table(store: Store, measure: Measure | str, years: tuple[int, int],
                  states: Sequence[int] | None = None, *, within: Sequence[int] | None = None,
                  top: int | None = None, **options: object) -> pa.Table:
    """Values of ``measure`` for ``years`` (inclusive), ranked within each year.

    Columns: ``ccode, year, name, iso3, value, rank, ranked`` and the measure's components.
    Ranks (1 = best: highest, or lowest when the measure says lower is better) are over every
    state with a value that year. Two ways to narrow it, which mean different things:

    - ``within``: compare only these states. The measure is computed among them (shares
      renormalised, scores rescaled within the set) and ranked among them.
    - ``states``: show only these rows; values and ranks stay those of the full comparison.

    ``top`` keeps the first ``top`` ranks of each year; ``options`` go to the measure (e.g.
    ``weights=`` for soft power). ``name`` and ``iso3`` are those valid in the year (COW
    membership ends in 2016; later years keep the last known ones). Years outside the
    measure's coverage raise :class:`MeasureError`. Values are remembered year by year while
    the store is unchanged (:mod:`detente.measures._memo`).
    """
    measure = get_measure(measure) if isinstance(measure, str) else measure
    first, last = measure_coverage(store, measure)
    lo, hi = years
    if lo > hi:
        raise MeasureError(f"years run backwards: {lo} > {hi}")
    if hi < first or lo > last:
        raise MeasureError(f"{measure.name} covers {first}-{last}; no data for {lo}-{hi}")
    store.require("state_codes")
    values_in = yearly_values(store, measure, (max(lo, first), min(hi, last)), within, **options)
    if values_in.num_columns == len(KEY_COLUMNS):  # EXCLUDE needs something left to keep
        values_in = values_in.append_column("_none", pa.nulls(values_in.num_rows))
    filters = []
    if states is not None:
        filters.append("ccode IN (" + (", ".join(str(int(s)) for s in states) or "NULL") + ")")
    if top is not None:
        filters.append(f"rank <= {int(top)}")
    where = ("WHERE " + " AND ".join(filters)) if filters else ""
    order = "DESC" if measure.higher_is_better else "ASC"
    cursor = store.con.cursor()
    try:
        cursor.register("values_in", values_in)
        table = cursor.sql(_LABELLED.format(order=order, where=where)).to_arrow_table()
    finally:
        cursor.close()
    return table.drop_columns(["_none"]) if "_none" in table.column_names else table


def components(table: pa.Table) -> list[str]:
    """The component columns of a :func:`measure_table` result."""
    fixed = {"ccode", "year", "name", "iso3", "value", "rank", "ranked"}
    return [c for c in table.column_names if c not in fixed]


def precompute(store: Store, names: Sequence[str]) -> list[str]:
    """Compute the named measures over every year they cover, so that later calls on this
    store's content (a map, a country page) read remembered values. Measures whose tables are
    not loaded are skipped; returns the names computed.

    A server runs this in a background thread at start-up: a soft-power or centrality series
    takes one to two seconds to compute cold, and a visitor should not wait for it.
    """
    done = []
    for name in names:
        measure = get_measure(name)
        try:
            measure_table(store, measure, measure_coverage(store, measure))
        except DetenteError:  # its data are not loaded: the page will say so when asked
            continue
        done.append(name)
    return done
