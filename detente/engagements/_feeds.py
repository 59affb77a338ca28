"""Build the canonical ``engagements`` table from every open source, inside the pull.

One SQL query per feed turns a source's rows into engagements with the same columns
(:data:`COLUMNS`); the derived-table machinery (:mod:`detente.store._derived`) runs
:func:`build_engagements` in the pull's transaction whenever a feeding table changes, so the
table never mixes versions and a failed build (an unmapped name) leaves the store as it was.
Self-ties (a US deployment inside the United States) are left out.
"""

from __future__ import annotations

import duckdb

from detente.actors._names import JME_YEAR, NAME_FEEDS, check_names, load_name_map
from detente.actors._registry import build_actors
from detente.sources._exercises import letters

COLUMNS = (
    "engagement_id VARCHAR, instrument VARCHAR, actor1 VARCHAR, actor2 VARCHAR, "
    "ccode1 INTEGER, ccode2 INTEGER, directed BOOLEAN, year INTEGER, start_date DATE, "
    "end_date DATE, magnitude DOUBLE, unit VARCHAR, source_id VARCHAR, source_table VARCHAR, "
    "source_row BIGINT, event_id VARCHAR, detail VARCHAR"
)
"""The engagement schema shared by the open-data table and user imports."""

_NAME = ("(SELECT actor FROM name_map m WHERE m.source = '{src}' AND m.name = {col} "
         "AND ({year} IS NULL OR {year} BETWEEN m.first_year AND m.last_year))")


def actor_of(source: str, column: str, year: str = "year") -> str:
    """SQL for the actor id the reviewed name table gives ``column`` in ``year``."""
    return _NAME.format(src=source, col=column, year=year)


def _ccode(actor: str) -> str:
    return f"TRY_CAST({actor} AS INTEGER)"


def _select(instrument: str, a1: str, a2: str, directed: bool, year: str, start: str,
            end: str, magnitude: str, unit: str, source: str, table: str, row: str,
            event: str, detail: str, frm: str, group: str = "NULL") -> str:
    return (
        f"SELECT * FROM (SELECT '{source}:{table}:' || {row} || coalesce(':' || ({event}), '') "
        f"AS engagement_id, '{instrument}' AS instrument, a1 AS actor1, a2 AS actor2, "
        f"{_ccode('a1')} AS ccode1, {_ccode('a2')} AS ccode2, {str(directed).upper()} AS "
        f"directed, year::INTEGER AS year, start_date::DATE AS start_date, end_date::DATE AS "
        f"end_date, magnitude::DOUBLE AS magnitude, {unit} AS unit, '{source}' AS source_id, "
        f"'{table}' AS source_table, {row}::BIGINT AS source_row, {group} AS event_id, "
        f"detail::VARCHAR AS detail FROM (SELECT {a1} AS a1, {a2} AS a2, {year} AS year, "
        f"{start} AS start_date, {end} AS end_date, {magnitude} AS magnitude, {row}, "
        f"{detail} AS detail FROM {frm})) WHERE actor1 <> actor2"
    )


def _date(y: str, m: str, d: str) -> str:
    return f"try(make_date({y}, {m}, {d}))"


def _exercise_pairs(source: str, table: str, n: int, year: str) -> str:
    cols = ", ".join(f"state_{s.lower()}" for s in letters(n))
    start = _date("s_year", "s_month", "s_day")
    end = _date("e_year", "e_month", "e_day")
    participants = (
        f"SELECT DISTINCT source_row, year, start_date, end_date, "
        f"{actor_of(source, 'participant')} AS actor FROM (UNPIVOT (SELECT source_row, "
        f"{year} AS year, {start} AS start_date, {end} AS end_date, {cols} FROM {table}) "
        f"ON {cols} INTO NAME slot VALUE participant)")
    pairs = (f"(WITH p AS ({participants}) SELECT a.source_row, a.year, a.start_date, "
             f"a.end_date, a.actor AS x, b.actor AS y, count(*) OVER (PARTITION BY a.source_row)"
             f" AS npairs FROM p a JOIN p b ON a.source_row = b.source_row AND a.actor < b.actor)")
    return _select("exercise", "x", "y", False, "year", "start_date", "end_date", "1",
                   "'exercises'", source, table, "source_row", "a1 || '-' || a2",
                   "'pairs in exercise: ' || npairs", pairs,
                   group=f"'{source}:{table}:' || source_row")


def feed_queries(present: set[str]) -> list[str]:
    """The engagement queries whose source tables are in the store."""
    q: list[str] = []
    if "sipri_tiv" in present:
        q.append(_select(
            "arms_transfer", actor_of("sipri", "supplier"), actor_of("sipri", "recipient"), True,
            "year", "NULL", "NULL", "tiv", "'TIV millions'", "sipri_tiv", "sipri_tiv",
            "source_row", "NULL", "file", "sipri_tiv"))
    if "un_pko_contributions" in present:
        q.append(_select(
            "peacekeeping", actor_of("un_pko", "country"), "'MISSION:' || mission", True,
            "year", "NULL", "NULL", "total", "'personnel (mean of monthly reports)'", "un_pko",
            "un_pko_contributions", "source_row", "NULL", "mission",
            "un_pko_contributions WHERE total > 0"))
    if "mme_exercises" in present:
        q.append(_exercise_pairs("mme", "mme_exercises", 39, "s_year"))
    if "jme_exercises" in present:
        q.append(_exercise_pairs("jme", "jme_exercises", 30, JME_YEAR))
    if "atop_dyad_years" in present:
        types = "atop_defense + atop_offense + atop_neutral + atop_nonagg + atop_consul"
        detail = " || ".join(
            f"CASE WHEN atop_{t} = 1 THEN '{t} ' ELSE '' END"
            for t in ("defense", "offense", "neutral", "nonagg", "consul"))
        q.append(_select(
            "alliance", "ccode1::VARCHAR", "ccode2::VARCHAR", True, "year", "NULL", "NULL",
            types, "'obligation types held (0-5)'", "atop", "atop_dyad_years", "source_row",
            "NULL", f"trim({detail})", "atop_dyad_years"))
    if "us_troops" in present:
        q.append(_select(
            "deployment", "'2'", actor_of("us_presence", "countryname"), True, "year", "NULL",
            "NULL", "troops_ad", "'active-duty personnel'", "us_presence", "us_troops",
            "source_row", "NULL", "NULL", "us_troops WHERE troops_ad > 0"))
    if "us_bases" in present:  # a snapshot (Vine 2015/2021): names are read as of 2015
        q.append(_select(
            "basing", "'2'", actor_of("us_presence", "countryname", "2015"), True, "NULL",
            "NULL", "NULL", "1", "'base sites'", "us_presence", "us_bases", "source_row",
            "NULL", "basename", "us_bases"))
    if "us_construction" in present:
        q.append(_select(
            "basing", "'2'", actor_of("us_presence", "countryname"), True, "year", "NULL",
            "NULL", "spend_construction", "'construction, thousand US$'", "us_presence",
            "us_construction", "source_row", "NULL", "location", "us_construction"))
    if "us_visits" in present:
        q.append(_select(
            "defence_visit", "'2'", actor_of("us_visits", "iso3"), True, "year",
            _date("year", "start_month", "start_day"), _date("end_year", "end_month", "end_day"),
            "1", "'visits'", "us_presence", "us_visits", "source_row", "NULL",
            "title || ': ' || coalesce(name, '')", "us_visits"))
    if "cow_igo_dyad_years" in present:
        q.append(_select(
            "igo_comembership", "ccode1::VARCHAR", "ccode2::VARCHAR", False, "year", "NULL",
            "NULL", "dyadigos", "'shared full IGO memberships'", "cow_igo",
            "cow_igo_dyad_years", "source_row", "NULL", "NULL",
            "cow_igo_dyad_years WHERE dyadigos > 0"))
    return q


def build_engagements(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build ``actors``, ``name_map`` and ``engagements``; raise on any unmapped name."""
    build_actors(con)
    con.register("_name_map", load_name_map())
    con.execute("CREATE OR REPLACE TABLE name_map AS SELECT * FROM _name_map")
    con.unregister("_name_map")
    check_names(con, NAME_FEEDS)
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    queries = feed_queries(present)
    body = " UNION ALL ".join(f"({q})" for q in queries) if queries else (
        f"SELECT * FROM (SELECT {', '.join('NULL::' + c.split()[1] + ' AS ' + c.split()[0] for c in COLUMNS.split(', '))}) WHERE false")
    con.execute(f"CREATE OR REPLACE TABLE engagements AS SELECT * FROM ({body}) "
                "ORDER BY instrument, year, actor1, actor2")
    con.execute(f"CREATE TABLE IF NOT EXISTS user_engagements ({COLUMNS}, "
                "imported_from VARCHAR, imported_at TIMESTAMP)")
    con.execute(
        "CREATE OR REPLACE VIEW all_engagements AS SELECT * FROM engagements UNION ALL "
        "SELECT * EXCLUDE (imported_from, imported_at) FROM user_engagements")
