"""Read engagements back: filtered tables, and the years each instrument covers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from detente._errors import DetenteError
from detente.engagements._taxonomy import INSTRUMENTS, get_instrument

if TYPE_CHECKING:
    from detente.store._store import Store


def _filters(instrument: str | None, actor: str | None, partner: str | None,
             years: tuple[int, int] | None, source: str | None) -> tuple[str, list[object]]:
    """The WHERE clause (with parameters) shared by :func:`engagements` and
    :func:`engagement_page`."""
    where, params = ["true"], []
    if instrument is not None:
        get_instrument(instrument)
        where.append("instrument = ?")
        params.append(instrument)
    if partner is not None and actor is None:
        raise DetenteError("a partner filter needs an actor: engagements between the two")
    if actor is not None and partner is not None:
        where.append("((actor1 = ? AND actor2 = ?) OR (actor1 = ? AND actor2 = ?))")
        params += [actor, partner, partner, actor]
    elif actor is not None:
        where.append("(actor1 = ? OR actor2 = ?)")
        params += [actor, actor]
    if years is not None:
        where.append("year BETWEEN ? AND ?")
        params += [years[0], years[1]]
    if source is not None:
        where.append("source_id = ?")
        params.append(source)
    return " AND ".join(where), params


def engagements(store: Store, *, instrument: str | None = None, actor: str | None = None,
                years: tuple[int, int] | None = None, partner: str | None = None,
                source: str | None = None) -> pa.Table:
    """Engagements from open data and user imports (``all_engagements``), filtered.

    ``actor`` is an actor id (``"750"``, ``"NATO"``) matched on either side; with ``partner``
    only the engagements between the two (either way). ``source`` is a source id
    (``"mme"``, or ``"user:<file>"`` for an import). Each row keeps its ``source_id``,
    ``source_table`` and ``source_row`` (or the imported file).
    """
    store.require("engagements")
    where, params = _filters(instrument, actor, partner, years, source)
    return store.arrow(f"SELECT * FROM all_engagements WHERE {where} "
                       "ORDER BY instrument, year, actor1, actor2, engagement_id", params)


def engagement_page(store: Store, *, limit: int, offset: int = 0,
                    instrument: str | None = None, actor: str | None = None,
                    partner: str | None = None, years: tuple[int, int] | None = None,
                    source: str | None = None) -> tuple[pa.Table, int]:
    """One page of :func:`engagements` (``limit`` rows from ``offset``, in the same order)
    and the number of rows matching the filters; the page is cut in the database."""
    store.require("engagements")
    where, params = _filters(instrument, actor, partner, years, source)
    total = store.rows(f"SELECT count(*) FROM all_engagements WHERE {where}", params)[0][0]
    page = store.arrow(f"SELECT * FROM all_engagements WHERE {where} ORDER BY instrument, year, "
                       "actor1, actor2, engagement_id LIMIT ? OFFSET ?",
                       [*params, int(limit), int(offset)])
    return page, int(total)


def instrument_coverage(store: Store) -> pa.Table:
    """One row per instrument and feed: source, table, unit, years covered (from
    provenance, as loaded), and the engagements it holds; user-entered instruments list
    the years of their imported engagements."""
    rows = []
    prov = {r[0]: (r[1], r[2], r[3]) for r in store.rows(
        "SELECT table_name, coverage_start, coverage_end, version FROM provenance")} \
        if store.has_table("provenance") else {}
    counts: dict[tuple[str, str], int] = {}
    user: dict[str, tuple[int, int, int]] = {}
    if store.has_table("engagements"):
        counts = {(r[0], r[1]): int(r[2]) for r in store.rows(
            "SELECT instrument, source_table, count(*) FROM engagements GROUP BY ALL")}
        user = {r[0]: (r[1], r[2], int(r[3])) for r in store.rows(
            "SELECT instrument, min(year), max(year), count(*) FROM user_engagements "
            "GROUP BY ALL")}
    for ins in INSTRUMENTS:
        for feed in ins.feeds:
            lo, hi, version = prov.get(feed.table, (None, None, None))
            rows.append({"instrument": ins.id, "direction": ins.direction,
                         "source": feed.source_id, "version": version, "table": feed.table,
                         "unit": feed.unit, "first_year": lo, "last_year": hi,
                         "engagements": counts.get((ins.id, feed.table), 0)})
        if ins.id in user:
            lo, hi, n = user[ins.id]
            rows.append({"instrument": ins.id, "direction": ins.direction, "source": "user",
                         "version": None, "table": "user_engagements", "unit": ins.user_unit,
                         "first_year": lo, "last_year": hi, "engagements": n})
        elif not ins.feeds:
            rows.append({"instrument": ins.id, "direction": ins.direction, "source": "user",
                         "version": None, "table": "user_engagements", "unit": ins.user_unit,
                         "first_year": None, "last_year": None, "engagements": 0})
    return pa.Table.from_pylist(rows)


def instrument_years(store: Store, instrument: str) -> tuple[int, int] | None:
    """First and last year any feed of ``instrument`` covers, user imports included."""
    get_instrument(instrument)
    cov = instrument_coverage(store).to_pylist()
    spans = [(r["first_year"], r["last_year"]) for r in cov
             if r["instrument"] == instrument and r["first_year"] is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)
