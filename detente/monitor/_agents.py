"""Which events involve the military: a source or target actor of a military agent type.

CAMEO marks an actor's role with agent codes; every code that contains ``MIL`` is military:
``MIL`` (armed forces), ``GOVMIL`` (defence ministry), ``MILSPY`` (military intelligence) and
``IGOMIL`` (defence and security IGOs such as NATO). Each format says it its own way:

ICEWS
    ``Source Sectors``/``Target Sectors``, comma-separated sector names ("Military",
    "Defense / Security Ministry"), read through text_to_CAMEO's sector -> agent dictionary
    (``cameo_agent_names``).
GDELT 1.0/2.0
    ``Actor1Type1Code`` .. ``Actor1Type3Code`` (and Actor2), CAMEO agent codes.
PLOVER
    The actor's ``sector`` code.

The flag is null where the format carries no actor roles (the 9-column GDELT subset) or the
event has no actor on that side; false where the actor has roles and none is military.
"""

from __future__ import annotations

import pyarrow as pa

from detente.monitor._formats import Layout
from detente.store._store import Store

MILITARY = "%MIL%"
"""SQL LIKE pattern of military CAMEO agent codes."""


def mark_military(store: Store, events: pa.Table, layout: Layout) -> pa.Table:
    """Add ``source_military`` and ``target_military`` (booleans) and drop the sector text."""
    con = store.con.cursor()
    con.register("sector_events", events)
    if layout.sector_kind is None:
        flags = {role: f"CAST(NULL AS BOOLEAN) AS {role}_military" for role in ("source", "target")}
    else:
        if layout.sector_kind == "names":
            store.require("cameo_agent_names")
            test = (f"EXISTS (SELECT 1 FROM unnest(string_split(s.sectors, ',')) AS t(name) "
                    f"JOIN cameo_agent_names a ON a.sector = trim(t.name) "
                    f"WHERE a.agent_code LIKE '{MILITARY}')")
        else:
            test = (f"list_bool_or(list_transform(string_split(s.sectors, ','), "
                    f"lambda x: trim(x) LIKE '{MILITARY}'))")
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE sector_flags AS
            WITH s AS (SELECT DISTINCT sectors FROM (
                SELECT source_sectors AS sectors FROM sector_events
                UNION ALL SELECT target_sectors FROM sector_events) WHERE sectors IS NOT NULL)
            SELECT s.sectors, {test} AS military FROM s""")
        flags = {role: (f"CASE WHEN e.{role}_actor IS NULL THEN NULL "
                        f"ELSE coalesce(f_{role}.military, false) END AS {role}_military")
                 for role in ("source", "target")}
    joins = "" if layout.sector_kind is None else (
        "LEFT JOIN sector_flags f_source ON f_source.sectors = e.source_sectors "
        "LEFT JOIN sector_flags f_target ON f_target.sectors = e.target_sectors")
    out = con.sql(f"SELECT e.* EXCLUDE (source_sectors, target_sectors), "
                  f"{flags['source']}, {flags['target']} FROM sector_events e {joins} "
                  "ORDER BY e.line").to_arrow_table()
    con.execute("DROP TABLE IF EXISTS sector_flags")
    con.close()
    return out
