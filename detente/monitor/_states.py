"""Map the countries events name to states: COW code and ISO3, year by year.

Each format names countries its own way; all routes end in the store's year-aware
``state_codes`` (COW membership with ISO3):

``name`` (ICEWS country names)
    ``cameo_country_names``: name -> COW code (text_to_CAMEO's countrynames.txt). Where the
    file leaves the COW cell blank (Guinea), its CAMEO code is tried as an ISO3 code.
``cameo`` (GDELT ``Actor1CountryCode``, PLOVER actor codes)
    The same dictionary read by CAMEO code (``KSV`` -> 347, ``TMP`` -> 860); a code it does
    not list is tried as an ISO3 code. Codes it marks 000 (territories) are non-states.
``fips`` (GDELT ``ActionGeo_CountryCode``)
    ``fips_countries``: FIPS 10-4 -> ISO3, then ISO3 -> COW.
``iso3``
    ISO3 -> COW directly.

A COW code counts only in the years it is a system member. COW membership ends in 2016:
states that are members in 2016 are carried forward to later events (peacesciencer's
``mry``, as ``create_dyad_years(extend_to=...)`` does). A code that maps to no state keeps
its event (with null state columns) and is reported with the reason, never dropped.
"""

from __future__ import annotations

import pyarrow as pa

from detente.monitor._formats import Layout
from detente.store._store import Store

ROLES = ("source", "target", "location")


def _candidates(kind: str) -> str:
    """SQL giving (code, cand_ccode, iso_guess, non_state, known) for each code of ``kind``."""
    if kind == "name":
        return """
            SELECT c.code, n.ccode AS cand_ccode,
                   CASE WHEN n.ccode IS NULL AND NOT coalesce(n.non_state, false)
                        THEN n.cameo_code END AS iso_guess,
                   coalesce(n.non_state, false) AS non_state, n.name IS NOT NULL AS known
            FROM codes c LEFT JOIN cameo_country_names n ON n.name = c.code"""
    if kind == "cameo":
        return """
            SELECT c.code, k.ccode AS cand_ccode,
                   CASE WHEN k.ccode IS NULL AND NOT coalesce(k.non_state, false)
                        THEN c.code END AS iso_guess,
                   coalesce(k.non_state, false) AS non_state, k.cameo_code IS NOT NULL AS known
            FROM codes c LEFT JOIN (
                SELECT cameo_code, any_value(ccode) AS ccode,
                       bool_and(coalesce(non_state, false)) AS non_state
                FROM cameo_country_names GROUP BY cameo_code) k ON k.cameo_code = c.code"""
    if kind == "fips":
        return """
            SELECT c.code, NULL::INTEGER AS cand_ccode, f.iso3 AS iso_guess,
                   false AS non_state, f.fips IS NOT NULL AS known
            FROM codes c LEFT JOIN fips_countries f ON f.fips = c.code"""
    return """
        SELECT c.code, NULL::INTEGER AS cand_ccode, c.code AS iso_guess, false AS non_state,
               true AS known FROM codes c"""


_REQUIRED = {"name": ("cameo_country_names",), "cameo": ("cameo_country_names",),
             "fips": ("fips_countries",), "iso3": ()}


def map_states(store: Store, typed: pa.Table, layout: Layout) -> tuple[pa.Table, pa.Table]:
    """Add ``{role}_ccode`` and ``{role}_iso3`` for source, target and location.

    Returns the events with the new columns, and the unmapped codes: ``role, code, reason,
    events`` (how many events carry that code without a state).
    """
    store.require("state_codes")
    kinds = {"source": layout.actor_kind, "target": layout.actor_kind,
             "location": layout.place_kind}
    con = store.con.cursor()
    con.register("typed_events", typed)
    (last,) = con.execute("SELECT max(year) FROM state_codes").fetchall()[0]
    con.execute("""
        CREATE OR REPLACE TEMP TABLE iso_states AS
        SELECT iso3, year, min(ccode) AS ccode FROM state_codes
        WHERE iso3 IS NOT NULL GROUP BY ALL""")
    maps: dict[str, str] = {}
    for role, kind in kinds.items():
        if kind is None:
            continue
        for table in _REQUIRED[kind]:
            store.require(table)
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE codes AS
            SELECT DISTINCT {role}_country AS code FROM typed_events
            WHERE {role}_country IS NOT NULL""")
        as_of = (f"CASE WHEN y.year > {int(last)} THEN ', the last year COW covers (event year ' "
                 f"|| y.year || ')' ELSE '' END")
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE map_{role} AS
            WITH cand AS ({_candidates(kind)}),
            years AS (
                SELECT DISTINCT {role}_country AS code, year(date) AS year,
                       least(year(date), {int(last)}) AS yr
                FROM typed_events WHERE {role}_country IS NOT NULL AND date IS NOT NULL)
            SELECT y.code, y.year,
                   coalesce(s.ccode, i.ccode) AS ccode,
                   coalesce(s.iso3, si.iso3) AS iso3,
                   CASE WHEN coalesce(s.ccode, i.ccode) IS NOT NULL THEN NULL
                        WHEN c.non_state THEN 'non-state (CAMEO country code 000)'
                        WHEN c.cand_ccode IS NOT NULL THEN
                             'COW ' || c.cand_ccode || ' is not a state member in ' || y.yr
                             || {as_of}
                        WHEN c.iso_guess IS NOT NULL AND c.known THEN
                             'ISO3 ' || c.iso_guess || ' is not a COW state member in ' || y.yr
                             || {as_of}
                        ELSE 'not a state code ({kind})' END AS reason
            FROM years y JOIN cand c USING (code)
            LEFT JOIN state_codes s ON s.ccode = c.cand_ccode AND s.year = y.yr
            LEFT JOIN iso_states i ON c.cand_ccode IS NULL AND i.iso3 = c.iso_guess
                                  AND i.year = y.yr
            LEFT JOIN state_codes si ON si.ccode = i.ccode AND si.year = y.yr""")
        maps[role] = kind
    joins, cols = [], []
    for role in ROLES:
        if role in maps:
            joins.append(f"LEFT JOIN map_{role} m_{role} ON m_{role}.code = e.{role}_country "
                         f"AND m_{role}.year = year(e.date)")
            cols.append(f"CAST(m_{role}.ccode AS INTEGER) AS {role}_ccode, "
                        f"m_{role}.iso3 AS {role}_iso3")
        else:
            cols.append(f"NULL::INTEGER AS {role}_ccode, NULL::VARCHAR AS {role}_iso3")
    mapped = con.sql(f"SELECT e.*, {', '.join(cols)} FROM typed_events e {' '.join(joins)} "
                     "ORDER BY e.line").to_arrow_table()
    unmapped_parts = [
        f"SELECT '{role}' AS role, e.{role}_country AS code, any_value(m.reason) AS reason, "
        f"count(*) AS events FROM typed_events e JOIN map_{role} m "
        f"ON m.code = e.{role}_country AND m.year = year(e.date) "
        f"WHERE m.reason IS NOT NULL GROUP BY ALL"
        for role in maps
    ]
    if unmapped_parts:
        unmapped = con.sql(" UNION ALL ".join(unmapped_parts) + " ORDER BY events DESC, role, code"
                           ).to_arrow_table()
    else:
        unmapped = pa.table({"role": pa.array([], pa.string()), "code": pa.array([], pa.string()),
                             "reason": pa.array([], pa.string()),
                             "events": pa.array([], pa.int64())})
    for role in maps:
        con.execute(f"DROP TABLE map_{role}")
    con.execute("DROP TABLE IF EXISTS codes")
    con.execute("DROP TABLE iso_states")
    con.close()
    return mapped, unmapped
