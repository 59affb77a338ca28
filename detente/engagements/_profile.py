"""A country's defence-engagement profile: per instrument, its top partners over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from detente.engagements._taxonomy import BY_ID, INSTRUMENTS

if TYPE_CHECKING:
    from detente.store._store import Store


def profile(store: Store, actor: str | int, *, years: tuple[int, int] | None = None,
            top: int = 5) -> dict[str, Any]:
    """Per instrument, ``actor``'s top partners by total magnitude over ``years``.

    ``actor`` is a COW code, ISO3 code or name (:func:`detente.actors.resolve_actor`) or a
    registered actor id. For each instrument with engagements: the direction, unit(s), the
    sources (id, version, citation) and, per source, the ``top`` partners with their total,
    the years active and the yearly series (outgoing and incoming separately for directed
    ones). Totals are never summed across sources: MME and JME both record joint exercises,
    often the same exercise, so adding them would count it twice.
    """
    from detente.engagements._import import resolve_actor_id
    from detente.sources.registry import SOURCES

    year_for = years[1] if years else None
    actor_id = resolve_actor_id(store, str(actor), year_for)
    name = store.rows("SELECT name FROM actors WHERE actor_id = ?", [actor_id])
    lo, hi = years or (-10_000, 10_000)
    rows = store.rows(
        "WITH e AS (SELECT instrument, directed, year, magnitude, unit, source_id, "
        "  CASE WHEN actor1 = ? THEN actor2 ELSE actor1 END AS partner, "
        "  CASE WHEN NOT directed THEN 'with' WHEN actor1 = ? THEN 'to' ELSE 'from' END AS way "
        "  FROM all_engagements WHERE (actor1 = ? OR actor2 = ?) AND year BETWEEN ? AND ?) "
        "SELECT e.instrument, e.way, e.partner, a.name, sum(magnitude), min(year), max(year), "
        "  list(DISTINCT unit), e.source_id, "
        "  list({'year': year, 'magnitude': magnitude} ORDER BY year) "
        "FROM e LEFT JOIN actors a ON a.actor_id = e.partner "
        "GROUP BY e.instrument, e.way, e.source_id, e.partner, a.name "
        "ORDER BY e.instrument, e.way, e.source_id, sum(magnitude) DESC",
        [actor_id, actor_id, actor_id, actor_id, lo, hi])
    out: dict[str, Any] = {"actor": actor_id, "name": name[0][0] if name else actor_id,
                           "years": [lo, hi] if years else None, "instruments": {}}
    for ins in INSTRUMENTS:
        mine = [r for r in rows if r[0] == ins.id]
        if not mine:
            continue
        sources = sorted({r[8] for r in mine})
        cited = [{"id": s, "version": SOURCES[s].version, "citation": SOURCES[s].citation}
                 if s in SOURCES else {"id": s, "version": None, "citation": "user-entered"}
                 for s in sources]
        ways: dict[str, list[dict[str, Any]]] = {}
        for r in mine:
            series: dict[int, float] = {}
            for point in r[9]:
                series[point["year"]] = series.get(point["year"], 0.0) + point["magnitude"]
            partners = ways.setdefault(r[1], [])
            if sum(p["source"] == r[8] for p in partners) < top:
                partners.append({"partner": r[2], "name": r[3] or r[2], "source": r[8],
                                 "total": r[4],
                                 "first_year": r[5], "last_year": r[6],
                                 "by_year": {str(k): v for k, v in sorted(series.items())}})
        out["instruments"][ins.id] = {
            "name": BY_ID[ins.id].name, "direction": ins.direction,
            "units": sorted({u for r in mine for u in r[7]}), "sources": cited,
            "partners": ways}
    return out
