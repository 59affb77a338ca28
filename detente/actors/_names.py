"""Map the names raw files use for states and other actors to detente's actor ids.

Several sources name their actors instead of coding them (SIPRI's tables, MME's wide form,
JME's ISO3-like codes, UN peacekeeping contributors, UN votes, troopdata hosts). Each such
column is a *name feed* below. Every name is looked up, by source and year, in the reviewed
table ``name_map.csv`` (source, name, actor, first_year, last_year, reason), which was seeded
with countrycode's regular expressions and year-aware codes and then read row by row: the
reason says which rows were decided by hand (historical states, 'Germany' before 1991,
non-state groups, organisations, territories). A name with no row for its year is an error
that lists every such name with its file and row; nothing is dropped silently.

``actor`` is a COW code (digits) for a state, or a registered actor id (see
:mod:`detente.actors._registry`) for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv

from detente._errors import SchemaViolation, Violation

NAME_MAP_FILE = "name_map.csv"


@dataclass(frozen=True)
class NameFeed:
    """A column of a store table that names actors: ``sql`` yields name, year, file, row."""

    source: str
    table: str
    sql: str


def _participants(table: str, n: int, year: str) -> str:
    from detente.sources._exercises import letters

    cols = ", ".join(f"state_{s.lower()}" for s in letters(n))
    return (f"SELECT participant AS name, year, '{table}' AS file, source_row FROM "
            f"(UNPIVOT (SELECT source_row, {year} AS year, {cols} FROM {table}) "
            f"ON {cols} INTO NAME slot VALUE participant)")


JME_YEAR = ("coalesce(s_year, (SELECT y FROM (SELECT TRY_CAST(regexp_extract(start_date, "
            "'(\\d{4})\\s*$', 1) AS INTEGER) AS y) WHERE y BETWEEN 1974 AND 2010))")
"""JME's year: s.year, else the year typed in the start date (one is '3009': undated)."""

NAME_FEEDS: tuple[NameFeed, ...] = (
    NameFeed("sipri", "sipri_tiv", "SELECT supplier AS name, year, file, source_row FROM sipri_tiv"),
    NameFeed("sipri", "sipri_tiv", "SELECT recipient AS name, year, file, source_row FROM sipri_tiv"),
    NameFeed("un_pko", "un_pko_contributions",
             "SELECT country AS name, year, 'CountryByYear.csv' AS file, source_row "
             "FROM un_pko_contributions"),
    NameFeed("mme", "mme_exercises", _participants("mme_exercises", 39, "s_year")),
    NameFeed("jme", "jme_exercises", _participants("jme_exercises", 30, JME_YEAR)),
    NameFeed("unvotes", "un_votes",
             "SELECT v.country AS name, year(r.date) AS year, 'un_votes.rda' AS file, "
             "v.source_row FROM un_votes v JOIN un_roll_calls r USING (rcid)"),
    NameFeed("us_presence", "us_troops",
             "SELECT countryname AS name, year, 'troopdata-rebuild-country-year.csv' AS file, "
             "source_row FROM us_troops"),
    NameFeed("us_presence", "us_bases",
             "SELECT countryname AS name, 2015 AS year, 'basedata.csv' AS file, "
             "source_row FROM us_bases"),
    NameFeed("us_presence", "us_construction",
             "SELECT countryname AS name, year, 'builddata.csv' AS file, source_row "
             "FROM us_construction"),
    NameFeed("us_visits", "us_visits",
             "SELECT iso3 AS name, year, 'visits.xls' AS file, source_row FROM us_visits"),
)


def load_name_map() -> pa.Table:
    """The reviewed name table: source, name, actor, first_year, last_year, reason."""
    path = files("detente.actors").joinpath(NAME_MAP_FILE)
    with path.open("rb") as fh:
        return pacsv.read_csv(fh, convert_options=pacsv.ConvertOptions(
            column_types={"source": pa.string(), "name": pa.string(), "actor": pa.string(),
                          "first_year": pa.int32(), "last_year": pa.int32(),
                          "reason": pa.string()}))


MAPPED_SQL = """
SELECT f.*, m.actor,
       CASE WHEN regexp_full_match(m.actor, '[0-9]+') THEN m.actor::INTEGER END AS ccode
FROM ({feed}) f
LEFT JOIN name_map m
  ON m.source = '{source}' AND m.name = f.name
 AND (f.year IS NULL OR f.year BETWEEN m.first_year AND m.last_year)
WHERE f.name IS NOT NULL
"""


def mapped(con: duckdb.DuckDBPyConnection, feed: NameFeed) -> str:
    """SQL for ``feed`` with each name's ``actor`` (and ``ccode`` when a state); needs the
    ``name_map`` relation registered (see :func:`check_names`)."""
    return MAPPED_SQL.format(feed=feed.sql, source=feed.source)


def check_names(con: duckdb.DuckDBPyConnection, feeds: tuple[NameFeed, ...] = NAME_FEEDS
                ) -> None:
    """Raise :class:`SchemaViolation` listing every name (file, row) with no mapping.

    Feeds whose table is not in the store are skipped. Each distinct (source, name, year
    span) is listed once with its first file and row and the number of rows it covers.
    """
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    problems: list[Violation] = []
    for feed in feeds:
        if feed.table not in present:
            continue
        rows = con.execute(
            f"SELECT name, min(year), max(year), min(file), min(source_row), count(*) "
            f"FROM ({mapped(con, feed)}) WHERE actor IS NULL GROUP BY name ORDER BY name"
        ).fetchall()
        for name, lo, hi, file, row, n in rows:
            years = f"{lo}-{hi}" if lo is not None else "undated"
            problems.append(Violation(
                file, int(row), "name",
                f"{feed.source} name has no row in detente/actors/{NAME_MAP_FILE} for years "
                f"{years} ({n} rows)", name))
    overlaps = con.execute(
        "SELECT a.source, a.name, a.first_year, b.first_year FROM name_map a JOIN name_map b "
        "ON a.source = b.source AND a.name = b.name AND a.first_year < b.first_year "
        "AND b.first_year <= a.last_year ORDER BY 1, 2").fetchall()
    for source, name, lo, other in overlaps:
        problems.append(Violation(NAME_MAP_FILE, None, "first_year",
                                  f"{source} rows starting {lo} and {other} overlap", name))
    if problems:
        raise SchemaViolation(problems, len(problems))


def suggest_name_rows(con: duckdb.DuckDBPyConnection, feed: NameFeed) -> list[dict[str, object]]:
    """Proposed ``name_map.csv`` rows for ``feed``'s names that have none (for review).

    A name that is an ISO3 code in countrycode's country-year list, or that matches exactly
    one COW state by countrycode's name, COW name or regular expression, gets that state;
    the state's COW code is checked to be a system member in every year the name appears,
    and the reason says so ('review:' when it is not, or when nothing matched). Nothing is
    written: a person reads the rows and adds them to the table.
    """
    import re

    names = con.execute(
        f"SELECT name, min(year), max(year) FROM ({mapped(con, feed)}) WHERE actor IS NULL "
        "GROUP BY name ORDER BY name").fetchall()
    codes = con.execute("SELECT cown, name, cow_name, name_regex FROM country_codes "
                        "WHERE cown IS NOT NULL").fetchall()
    iso = dict(con.execute("SELECT upper(iso3c), arg_max(cown, year) FROM country_code_years "
                           "WHERE cown IS NOT NULL AND iso3c IS NOT NULL GROUP BY 1").fetchall())
    members = {(c, y) for c, y in con.execute("SELECT ccode, year FROM cow_system").fetchall()}
    out: list[dict[str, object]] = []
    for name, lo, hi in names:
        text = str(name).strip().lower()
        found = {int(c) for c, n, cow, _ in codes if text in (str(n).lower(), str(cow).lower())}
        if not found and text.upper() in iso:
            found = {int(iso[text.upper()])}
        if not found:
            found = {int(c) for c, _, _, rx in codes if rx and re.search(rx, text)}
        # COW membership ends in 2016; later years say nothing about a mapping.
        years = range(lo, min(hi, 2016) + 1) if lo is not None else range(0)
        if len(found) == 1:
            code = found.pop()
            outside = [y for y in years if (code, y) not in members]
            reason = ("countrycode match" if not outside else
                      f"review: countrycode match, but COW {code} is not a member in "
                      f"{min(outside)}-{max(outside)}")
            actor: object = code
        else:
            actor, reason = "", f"review: countrycode matched {sorted(found) or 'nothing'}"
        out.append({"source": feed.source, "name": name, "actor": actor, "first_year": 1816,
                    "last_year": 2030, "reason": reason, "seen": f"{lo}-{hi}"})
    return out
