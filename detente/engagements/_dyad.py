"""Engagements between two actors, year by year, per instrument and source."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from detente.store._store import Store

# Direct engagements between a and b, and peacekeeping co-deployment (both contributed to
# the same UN mission that year: contributions run from a state to a mission, never to
# another state, so this is how peacekeeping ties two states, as in the network's layer).
_PAIR = """
SELECT instrument, source_id, unit,
       CASE WHEN NOT directed THEN 'with' WHEN actor1 = $a THEN 'a_to_b' ELSE 'b_to_a' END AS way,
       year, count(DISTINCT event_id) + count(*) FILTER (WHERE event_id IS NULL) AS engagements,
       sum(magnitude) AS magnitude
FROM all_engagements
WHERE ((actor1 = $a AND actor2 = $b) OR (actor1 = $b AND actor2 = $a))
  AND year BETWEEN $lo AND $hi
GROUP BY ALL
UNION ALL
SELECT 'peacekeeping', x.source_id, 'missions both contributed to', 'with', x.year,
       count(DISTINCT x.actor2), count(DISTINCT x.actor2)::DOUBLE
FROM all_engagements x JOIN all_engagements y
  ON x.actor2 = y.actor2 AND x.year = y.year AND x.source_id = y.source_id
WHERE x.instrument = 'peacekeeping' AND y.instrument = 'peacekeeping'
  AND x.actor1 = $a AND y.actor1 = $b AND x.year BETWEEN $lo AND $hi
GROUP BY ALL
ORDER BY instrument, source_id, unit, way, year
"""


def dyad_engagements(store: Store, a: str, b: str, *,
                     years: tuple[int, int] | None = None) -> pa.Table:
    """What ``a`` and ``b`` (actor ids, e.g. ``"2"`` and ``"740"``) did together each year.

    One row per instrument, source, unit, way and year: ``way`` is ``a_to_b`` or
    ``b_to_a`` for directed instruments (arms from a to b) and ``with`` for mutual ones;
    ``engagements`` counts distinct events (an exercise counts once), ``magnitude`` sums the
    magnitudes in ``unit``. Peacekeeping appears as co-deployment: the UN missions both
    contributed to that year. Sources and units are never added together (MME and JME
    record many of the same exercises).
    """
    store.require("engagements")
    lo, hi = years or (-10_000, 10_000)
    return store.con.sql(_PAIR, params={"a": a, "b": b, "lo": lo, "hi": hi}).to_arrow_table()
