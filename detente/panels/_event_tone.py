"""The temperature of each dyad-year from the events in the store (``add_event_tone``)."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from detente._errors import NotLoadedError
from detente.panels._align import absent_is_zero, gather, match, outside_is_null, pack, to_numpy
from detente.panels._panel import Panel
from detente.store._events import base_sql, derived_sql

TONE_COUNTS = ("events", "verbal_coop", "material_coop", "verbal_conflict",
               "material_conflict", "goldstein_total")
TONE_RATIOS = ("goldstein_mean", "net_cooperation")


def add_event_tone(panel: Panel) -> Panel:
    """Add event counts, Goldstein weights and net cooperation to dyad-years.

    From the store's ``events`` table (the files ingested with ``detente monitor ingest``,
    de-duplicated one a day): ``ev_events``, ``ev_verbal_coop``, ``ev_material_coop``,
    ``ev_verbal_conflict``, ``ev_material_conflict`` (counts per GDELT quad class),
    ``ev_goldstein_total`` and ``ev_goldstein_mean`` (Goldstein 1992 weights from the CAMEO
    table), ``ev_net_cooperation`` ((cooperative - conflictual events) / events) and
    ``ev_days``, the number of days that year for which the store holds dyadic events.

    On a directed panel (A, B) counts events from A to B; on a non-directed panel both ways.
    Coverage is read from the events, year by year: in a year with no dyadic event in the
    store every column is null; in a covered year a dyad without events has 0 counts and
    null mean and net cooperation. **Read ``ev_days`` before comparing years**: events
    ingested for three days of June 2018 give 2018 three days of coverage, not a year.

    Example: with the ICEWS sample (1-3 June 2018) ingested, (771, 816, 2018) - Bangladesh
    to Vietnam - has ``ev_events == 1`` and ``ev_days == 3``, and every 2017 dyad-year is
    null.

    References: Goldstein (1992), *Journal of Conflict Resolution* 36(2); Leetaru and Schrodt
    (2013) for quad classes; Schrodt (2012) CAMEO 1.1b3.
    """
    panel.require_unit("add_event_tone", "dyad_year")
    store = panel.store
    if not store.has_table("events"):
        raise NotLoadedError(message="add_event_tone() reads ingested events, and the store "
                             "has none; run `detente monitor ingest FILE ...` first")
    sql = (f"WITH base AS ({base_sql('year', directed=bool(panel.directed))})"
           f"{derived_sql('year(period) AS year, ccode1, ccode2')} FROM base")
    source = store.arrow(sql)
    keys = pack(to_numpy(source["year"]), to_numpy(source["ccode1"]), to_numpy(source["ccode2"]))
    found = gather(source, match(panel.dyad_keys(), keys), [*TONE_COUNTS, *TONE_RATIOS],
                   [f"ev_{c}" for c in (*TONE_COUNTS, *TONE_RATIOS)])
    days = store.arrow("SELECT year(date) AS year, count(DISTINCT date) AS days FROM events "
                       "WHERE source_ccode IS NOT NULL AND target_ccode IS NOT NULL GROUP BY 1")
    day_keys = to_numpy(days["year"])
    by_year = gather(days, match(panel.year, day_keys), ["days"])["days"]
    inside = np.asarray(pc.fill_null(pc.greater(by_year, 0), False))
    out = {f"ev_{c}": absent_is_zero(found[f"ev_{c}"], inside) for c in TONE_COUNTS}
    out.update({f"ev_{c}": outside_is_null(found[f"ev_{c}"], inside) for c in TONE_RATIOS})
    out["ev_days"] = outside_is_null(by_year, inside)
    return panel.with_columns(out, "events")
