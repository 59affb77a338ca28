"""A country's defence-engagement profile: per instrument, its top partners over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from detente.engagements._taxonomy import BY_ID, INSTRUMENTS

if TYPE_CHECKING:
    from detente.store._store import Store

# Every engagement of the actor, seen from its side: the partner, and the way it runs
# ("to" the partner, "from" it, or "with" it for mutual instruments).
_MINE = """
SELECT instrument, year, magnitude, unit, source_id, event_id,
       CASE WHEN actor1 = $actor THEN actor2 ELSE actor1 END AS partner,
       CASE WHEN NOT directed THEN 'with' WHEN actor1 = $actor THEN 'to' ELSE 'from' END AS way
FROM all_engagements
WHERE (actor1 = $actor OR actor2 = $actor) AND year BETWEEN $lo AND $hi
"""

# One feed = instrument, way, source and unit: magnitudes are only ever added within one
# (US basing comes as base sites and as construction dollars from the same source).
_FEED = "instrument, way, source_id, unit"

_PARTNERS = f"""
WITH yearly AS (
    SELECT {_FEED}, partner, year, sum(magnitude) AS m FROM mine GROUP BY ALL
), by_partner AS (
    SELECT {_FEED}, partner, sum(m) AS total, min(year) AS first_year, max(year) AS last_year,
           list({{'year': year, 'magnitude': m}} ORDER BY year) AS series,
           count(*) OVER (PARTITION BY {_FEED}) AS partners
    FROM yearly GROUP BY {_FEED}, partner
    QUALIFY row_number() OVER (PARTITION BY {_FEED} ORDER BY sum(m) DESC, partner) <= $top
)
SELECT p.instrument, p.way, p.source_id, p.unit, p.partner, coalesce(a.name, p.partner),
       p.total, p.first_year, p.last_year, p.partners, p.series
FROM by_partner p LEFT JOIN actors a ON a.actor_id = p.partner
ORDER BY p.instrument, p.way, p.source_id, p.unit, p.total DESC, p.partner
"""

# Engagements: an exercise (one event id) counts once however many partners joined it.
_SERIES = f"""
SELECT {_FEED}, year, count(DISTINCT partner) AS partners,
       count(DISTINCT event_id) + count(*) FILTER (WHERE event_id IS NULL) AS engagements,
       sum(magnitude) AS magnitude
FROM mine GROUP BY ALL ORDER BY {_FEED}, year
"""


def profile(store: Store, actor: str | int, *, years: tuple[int, int] | None = None,
            top: int = 5) -> dict[str, Any]:
    """Per instrument, ``actor``'s top partners by total magnitude over ``years``.

    ``actor`` is a COW code, ISO3 code or name (:func:`detente.actors.resolve_actor`) or a
    registered actor id. For each instrument with engagements: the direction, unit(s), the
    sources (id, version, citation) and, per source, the ``top`` partners with their total,
    the years active and the yearly series (outgoing and incoming separately for directed
    ones); ``counts`` gives how many partners each source, way and unit has in all, and
    ``series`` the year-by-year totals per source, way and unit (distinct partners, distinct
    engagements (an exercise with several partners counts once), summed magnitude). Totals
    are never summed across sources or units: MME and JME both record joint exercises, often
    the same exercise, so adding them would count it twice; US basing comes as base sites
    and as construction spending.
    """
    from detente.engagements._import import resolve_actor_id
    from detente.sources.registry import SOURCES

    year_for = years[1] if years else None
    actor_id = resolve_actor_id(store, str(actor), year_for)
    name = store.rows("SELECT name FROM actors WHERE actor_id = ?", [actor_id])
    lo, hi = years or (-10_000, 10_000)
    cursor = store.con.cursor()
    try:  # one scan of the engagements; both summaries read the actor's rows only
        mine = cursor.sql(_MINE, params={"actor": actor_id, "lo": lo, "hi": hi}).to_arrow_table()
        cursor.register("mine", mine)
        partners = cursor.execute(_PARTNERS, {"top": top}).fetchall()
        series = cursor.execute(_SERIES).fetchall()
    finally:
        cursor.close()
    out: dict[str, Any] = {"actor": actor_id, "name": name[0][0] if name else actor_id,
                           "years": [lo, hi] if years else None, "instruments": {}}
    for ins in INSTRUMENTS:
        mine = [r for r in partners if r[0] == ins.id]
        if not mine:
            continue
        sources = sorted({r[2] for r in mine})
        cited = [{"id": s, "version": SOURCES[s].version, "citation": SOURCES[s].citation}
                 if s in SOURCES else {"id": s, "version": None, "citation": "user-entered"}
                 for s in sources]
        ways: dict[str, list[dict[str, Any]]] = {}
        counts: dict[tuple[str, str, str], int] = {}
        for r in mine:
            ways.setdefault(r[1], []).append({
                "partner": r[4], "name": r[5], "source": r[2], "unit": r[3], "total": r[6],
                "first_year": r[7], "last_year": r[8],
                "by_year": {str(p["year"]): p["magnitude"] for p in r[10]}})
            counts[(r[2], r[1], r[3])] = int(r[9])
        out["instruments"][ins.id] = {
            "name": BY_ID[ins.id].name, "direction": ins.direction,
            "units": sorted({r[3] for r in mine}), "sources": cited, "partners": ways,
            "counts": [{"source": s, "way": w, "unit": u, "partners": n}
                       for (s, w, u), n in counts.items()],
            "series": [{"source": r[2], "way": r[1], "unit": r[3], "year": r[4],
                        "partners": r[5], "engagements": r[6], "magnitude": r[7]}
                       for r in series if r[0] == ins.id]}
    return out
