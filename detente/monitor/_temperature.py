"""Dyadic temperature: how warm or cold a relationship runs, day by day, week, month or year.

For every period and pair of sides (two states, or two groups of states) the series counts
events per quad class and weighs them with the Goldstein scale:

``events``
    Events from side 1 to side 2 (both directions when ``directed=False``), after the
    one-a-day de-duplication of ingest. Events within one state are never counted.
``verbal_coop``, ``material_coop``, ``verbal_conflict``, ``material_conflict``
    Counts per quad class (GDELT's classes: roots 01-05, 06-09, 10-14, 15-20).
``cooperation``, ``conflict``
    ``verbal_coop + material_coop`` and ``verbal_conflict + material_conflict``.
``goldstein_total``, ``goldstein_mean``
    Sum and mean of the Goldstein (1992) weights (-10 to +10) of the events that have one
    (PLOVER-only records have none; the mean is over those that do).
``net_cooperation``
    ``(cooperation - conflict) / events``, in [-1, 1]: the share of cooperative events minus
    the share of conflictual ones. It is scale-free, so a dyad the press covers heavily and
    one it rarely covers can be compared, which a count-based measure cannot do. Null in a
    period without events.
``conflict_share``
    ``conflict / events`` (null without events).

Periods: ``day``, ``week`` (ISO weeks, starting Monday), ``month`` or ``year``, labelled by
their first day. The aggregation is one SQL text that DuckDB and Spark run unchanged
(:mod:`._engines`).

References
----------
Goldstein, Joshua S. 1992. "A Conflict-Cooperation Scale for WEIS Events Data." *Journal of
Conflict Resolution* 36(2): 369-385. Leetaru, Kalev and Philip A. Schrodt. 2013. "GDELT:
Global Data on Events, Location and Tone, 1979-2012." ISA Annual Convention (quad classes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

import pyarrow as pa

from detente._errors import ActorError
from detente.monitor._engines import DuckDBEngine, Engine, TableInput
from detente.store._events import (
    COUNTS,
    base_sql,
    derived_sql,
    period_sql,
    window_sql,
)
from detente.store._store import Store

Freq = Literal["day", "week", "month", "year"]
Military = Literal["any", "either", "both"]

METRICS = ("events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
           "cooperation", "conflict", "goldstein_total", "goldstein_mean", "net_cooperation",
           "conflict_share")
"""The columns of a temperature series, after its keys."""

def dyads_sql(freq: Freq, *, directed: bool = True, start: date | None = None,
              end: date | None = None, military: str = "any") -> str:
    """Every dyad's series from ``events`` (portable SQL; see :func:`dyad_temperature`)."""
    base = base_sql(freq, directed=directed, start=start, end=end, military=military)
    return (f"WITH base AS ({base})"
            f"{derived_sql('period, ccode1, ccode2')} FROM base ORDER BY period, ccode1, ccode2")


def sides_sql(freq: Freq, *, directed: bool = True, start: date | None = None,
              end: date | None = None, military: str = "any") -> str:
    """One pair of sides' series from ``events`` and ``sides`` (``side`` 1 or 2, ``ccode``)."""
    sums = ", ".join(f"CAST(sum(b.{c}) AS BIGINT) AS {c}" for c in COUNTS)
    back = "" if directed else " OR (s1.side = 2 AND s2.side = 1)"
    return f"""
    WITH base AS ({base_sql(freq, directed=True, start=start, end=end, military=military)}),
    pooled AS (
        SELECT b.period, {sums}
        FROM base b JOIN sides s1 ON s1.ccode = b.ccode1 JOIN sides s2 ON s2.ccode = b.ccode2
        WHERE (s1.side = 1 AND s2.side = 2){back}
        GROUP BY b.period)
    {derived_sql('period')} FROM pooled ORDER BY period"""


def dyad_temperature(
    events: TableInput | None = None,
    *,
    freq: Freq = "month",
    directed: bool = True,
    start: date | None = None,
    end: date | None = None,
    engine: Engine | None = None,
    store: Store | None = None,
    military: Military = "any",
) -> pa.Table:
    """Every dyad's temperature series: one row per period and pair of COW codes.

    Parameters
    ----------
    events
        A Parquet file or folder (as :func:`export_events` writes) or an Arrow table with the
        canonical event columns; omit it to read the store's ``events`` table.
    freq, directed, start, end
        Period length; whether (A, B) and (B, A) are kept apart (else ``ccode1 < ccode2``);
        the first and last day to count.
    engine
        :class:`~detente.monitor.DuckDBEngine` (default; the store's connection when ``store``
        is given) or :class:`~detente.monitor.SparkEngine`.
    military
        ``any`` (every event), ``either`` (a military actor on either side) or ``both``
        (military to military).

    Returns
    -------
    pyarrow.Table
        ``period, ccode1, ccode2`` and :data:`METRICS`, sorted by period then codes. Only
        dyad-periods with at least one event appear (see :func:`temperature` for a series with
        the empty periods filled in).
    """
    if engine is None:
        engine = DuckDBEngine(store.con if store is not None else None)
    tables = {} if events is None else {"events": events}
    return engine.run(dyads_sql(freq, directed=directed, start=start, end=end,
                                military=military), tables)


Side = str | int | Sequence[str | int]
"""A state (COW code, ISO3, abbreviation or name) or a group of them."""


def side_codes(store: Store, side: Side) -> tuple[str, list[int]]:
    """A side's label and COW codes: one state, or a group (``["USA", "GBR", "FRA"]``)."""
    from detente.actors import resolve_actor

    members = [side] if isinstance(side, str | int) else list(side)
    if not members:
        raise ActorError("a side needs at least one state")
    actors = [resolve_actor(store, m) for m in members]
    label = "+".join(a.iso3 or a.stateabb for a in actors)
    return label, sorted({a.ccode for a in actors})


def require_events(store: Store) -> None:
    """Raise :class:`~detente._errors.NotLoadedError` (a ``StoreError``) naming the command to
    run first when the store holds no events (the REST API answers it with 409)."""
    from detente._errors import NotLoadedError

    if not store.has_table("events"):
        raise NotLoadedError(message="the store holds no events; ingest event files first "
                             "(`detente monitor ingest FILE ...` or "
                             "detente.monitor.ingest_events)")


def covered_periods(store: Store, freq: Freq, start: date | None = None,
                    end: date | None = None) -> pa.Table:
    """Periods in which the store holds dyadic events (both actors mapped to states).

    A period outside these is not observed, so a series has no row for it; inside, a dyad
    without events has zero events, not a missing value.
    """
    require_events(store)
    return store.arrow(
        f"SELECT DISTINCT {period_sql(freq)} AS period FROM events "
        f"WHERE source_ccode IS NOT NULL AND target_ccode IS NOT NULL{window_sql(start, end)} "
        "ORDER BY period")


def temperature(
    store: Store,
    side1: Side,
    side2: Side,
    *,
    freq: Freq = "month",
    directed: bool = True,
    start: date | None = None,
    end: date | None = None,
    label1: str | None = None,
    label2: str | None = None,
    military: Military = "any",
) -> pa.Table:
    """The temperature series of one relationship: two states, or two groups of states.

    Parameters
    ----------
    store
        A store with ingested events.
    side1, side2
        A state (``"USA"``, ``2``, ``"Russia"``) or a group (``["GBR", "FRA", "DEU"]``): a
        group's series pools the events from any member of one side to any member of the
        other. The sides must not share a state.
    freq
        ``day``, ``week``, ``month`` (default) or ``year``.
    directed
        Count events from side 1 to side 2 only (default), or both ways.
    start, end
        First and last day counted.
    label1, label2
        Names for the sides in the output (default: ISO3 codes joined by ``+``).
    military
        Count every event (``any``, default), only events with a military actor on either
        side (``either``), or military-to-military events (``both``): the ICEWS sector, GDELT
        actor type or PLOVER sector is a military CAMEO agent (MIL, GOVMIL, MILSPY, IGOMIL).

    Returns
    -------
    pyarrow.Table
        ``side1, side2, period`` and :data:`METRICS`, one row per period in which the store
        holds dyadic events (:func:`covered_periods`); a period with no event between the
        sides has zero counts and null means.

    Examples
    --------
    Bangladesh and Vietnam in the ICEWS sample (June 2018)::

        temperature(store, "BGD", "VNM", freq="day", directed=False)
    """
    require_events(store)
    name1, codes1 = side_codes(store, side1)
    name2, codes2 = side_codes(store, side2)
    shared = set(codes1) & set(codes2)
    if shared:
        raise ActorError(f"the two sides share states {sorted(shared)}; give disjoint sides")
    sides = pa.table({"side": pa.array([1] * len(codes1) + [2] * len(codes2), pa.int32()),
                      "ccode": pa.array(codes1 + codes2, pa.int32())})
    sql = sides_sql(freq, directed=directed, start=start, end=end, military=military)
    found = DuckDBEngine(store.con).run(sql, {"sides": sides})
    periods = covered_periods(store, freq, start, end)
    con = store.con.cursor()
    con.register("found", found)
    con.register("periods", periods)
    zero = ", ".join(f"coalesce(f.{c}, 0) AS {c}" for c in
                     ("events", "verbal_coop", "material_coop", "verbal_conflict",
                      "material_conflict", "cooperation", "conflict"))
    out = con.sql(
        f"SELECT ? AS side1, ? AS side2, p.period, {zero}, "
        "coalesce(f.goldstein_total, 0) AS goldstein_total, f.goldstein_mean, "
        "f.net_cooperation, f.conflict_share "
        "FROM periods p LEFT JOIN found f USING (period) ORDER BY p.period",
        params=[label1 or name1, label2 or name2]).to_arrow_table()
    con.close()
    return out


def export_events(store: Store, path: str, *, partition_by_year: bool = False) -> str:
    """Write the store's ``events`` table to Parquet (for Spark or other engines)."""
    require_events(store)
    target = path.replace("'", "''")
    if partition_by_year:
        store.con.execute(f"COPY (SELECT *, year(date) AS year FROM events) TO '{target}' "
                          "(FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)")
    else:
        store.con.execute(f"COPY events TO '{target}' (FORMAT parquet)")
    return path
