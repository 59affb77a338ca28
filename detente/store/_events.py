"""The canonical event tables and the portable SQL that aggregates them.

The monitor (:mod:`detente.monitor`) fills and reads these tables; panels read ``events``
through the same SQL (``add_event_tone``). Tables: events, the files they came from, unmapped
codes, alerts.

``events`` is the canonical event table: one row per event after de-duplication, whatever
format it arrived in, with its actors mapped to states (COW code and ISO3, year-aware), its
CAMEO code as text, PLOVER type, Goldstein weight from the CAMEO table, quad class, and the
file (``file_id``) and 1-based line it was read from.
"""

from __future__ import annotations

from datetime import date

import duckdb

EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS events (
    date               DATE     NOT NULL,
    dataset            VARCHAR  NOT NULL,  -- icews | gdelt | plover: de-duplication family
    producer_id        VARCHAR,            -- the producer's event id (ICEWS Event ID, GDELT GLOBALEVENTID, PLOVER id)
    source_actor       VARCHAR,            -- the actor as coded (ICEWS name, GDELT Actor1Code, PLOVER code+sector)
    source_country     VARCHAR,            -- the country as given (ICEWS name, CAMEO code)
    source_ccode       INTEGER,            -- COW code of the source state in that year
    source_iso3        VARCHAR,
    target_actor       VARCHAR,
    target_country     VARCHAR,
    target_ccode       INTEGER,
    target_iso3        VARCHAR,
    source_military    BOOLEAN,            -- a military CAMEO agent (MIL, GOVMIL, MILSPY, IGOMIL); null if roles unknown
    target_military    BOOLEAN,
    cameo_code         VARCHAR,            -- text with leading zeros: '010'
    root_code          VARCHAR,
    quad_class         TINYINT  NOT NULL,  -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein          DOUBLE,             -- from the CAMEO code table (null for PLOVER-only records)
    plover_event       VARCHAR,
    plover_mode        VARCHAR,
    plover_context     VARCHAR,
    reported_goldstein DOUBLE,             -- the producer's own value (ICEWS Intensity, GDELT GoldsteinScale)
    location_country   VARCHAR,            -- as given (ICEWS name, GDELT FIPS, ISO3)
    location_ccode     INTEGER,
    location_iso3      VARCHAR,
    latitude           DOUBLE,
    longitude          DOUBLE,
    publisher          VARCHAR,            -- ICEWS Publisher, GDELT SOURCEURL, news-source country of the 9-column subset
    file_id            INTEGER  NOT NULL,  -- event_files.file_id
    line               BIGINT   NOT NULL   -- 1-based line in that file (record number for a JSON array)
)
"""

EVENT_FILES_DDL = """
CREATE TABLE IF NOT EXISTS event_files (
    file_id         INTEGER   NOT NULL PRIMARY KEY,
    path            VARCHAR   NOT NULL,
    sha256          VARCHAR   NOT NULL,
    format          VARCHAR   NOT NULL,
    dataset         VARCHAR   NOT NULL,
    date_basis      VARCHAR   NOT NULL,  -- 'event' (date of the event) or 'published' (date of the file)
    records         BIGINT    NOT NULL,  -- data lines (or JSON records) read
    events_read     BIGINT    NOT NULL,  -- events those records yield (PLOVER compound actors expand)
    events_added    BIGINT    NOT NULL,
    duplicates      BIGINT    NOT NULL,  -- events already stored or repeated (same producer id, or Phoenix one-a-day key)
    quarantined     BIGINT    NOT NULL,  -- bad lines written to the quarantine file
    skipped         BIGINT    NOT NULL,  -- records that are not events (PLOVER DOCUMENT records)
    first_date      DATE,
    last_date       DATE,
    quarantine_path VARCHAR,
    ingested_at     TIMESTAMP NOT NULL   -- UTC
)
"""

EVENT_UNMAPPED_DDL = """
CREATE TABLE IF NOT EXISTS event_unmapped (
    file_id INTEGER NOT NULL,
    role    VARCHAR NOT NULL,  -- source | target | location
    code    VARCHAR NOT NULL,  -- the code or name as given
    reason  VARCHAR NOT NULL,
    events  BIGINT  NOT NULL
)
"""

ALERTS_DDL = """
CREATE TABLE IF NOT EXISTS alerts (
    watch      VARCHAR   NOT NULL,  -- watchlist entry name
    side1      VARCHAR   NOT NULL,
    side2      VARCHAR   NOT NULL,
    freq       VARCHAR   NOT NULL,
    period     DATE      NOT NULL,
    metric     VARCHAR   NOT NULL,
    detector   VARCHAR   NOT NULL,  -- threshold | zscore | cusum
    value      DOUBLE,
    statistic  DOUBLE,
    limit_     DOUBLE,
    message    VARCHAR   NOT NULL,
    raised_at  TIMESTAMP NOT NULL,  -- UTC, first time this alert was raised
    PRIMARY KEY (watch, side1, side2, freq, period, metric, detector)
)
"""


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the monitor's tables if they do not exist yet."""
    for ddl in (EVENTS_DDL, EVENT_FILES_DDL, EVENT_UNMAPPED_DDL, ALERTS_DDL):
        con.execute(ddl)


# -- portable aggregation SQL (DuckDB and Spark run it unchanged) ----------------------------
FREQS: tuple[str, ...] = ("day", "week", "month", "year")

COUNTS = ("events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
          "goldstein_n", "goldstein_tenths")
"""The additive sums of :func:`base_sql`; the measures are derived from them."""


def period_sql(freq: str) -> str:
    """The period label of ``date``: the day, or the first day of its ISO week, month or year."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return "date" if freq == "day" else f"CAST(date_trunc('{freq}', date) AS DATE)"


def window_sql(start: date | None, end: date | None) -> str:
    """`` AND date >= ... AND date <= ...`` for the bounds given."""
    parts = []
    if start is not None:
        parts.append(f"date >= DATE '{start.isoformat()}'")
    if end is not None:
        parts.append(f"date <= DATE '{end.isoformat()}'")
    return "".join(f" AND {p}" for p in parts)


def _period_keys(freq: str) -> tuple[list[str], list[str], str]:
    """(key expressions, key names, period expression over the names) for one frequency.

    Months and years group on integers (``year(date)``, ``month(date)``), which hash faster
    than a truncated date, and get their label back with ``make_date`` after aggregating.
    """
    period_sql(freq)  # validates freq
    if freq == "month":
        return ["year(date)", "month(date)"], ["py", "pm"], "make_date(py, pm, 1)"
    if freq == "year":
        return ["year(date)"], ["py"], "make_date(py, 1, 1)"
    return [period_sql(freq)], ["pk"], "pk"


MILITARY_FILTERS = {
    "any": "",
    "either": " AND (source_military OR target_military)",
    "both": " AND source_military AND target_military",
}
"""Which events count: all (``any``), those with a military actor on either side or on both."""


def base_sql(freq: str, *, directed: bool = True, start: date | None = None,
             end: date | None = None, military: str = "any") -> str:
    """Additive sums per period and dyad (COW codes) from the table ``events``.

    Two steps: counts per period, dyad and quad class (three aggregates per row), then one
    row per period and dyad with the quad classes side by side (over the small first
    result). Portable SQL: DuckDB and Spark give identical results (pinned by a test).

    Goldstein weights are published to one decimal, so a group's total is a whole number of
    tenths: the floating-point sum is rounded to tenths once per group, which makes it exact
    (the rounding error of a double sum stays far below 0.05 for any realistic group) and
    the same on every engine whatever order it adds in.

    ``military`` keeps all events (``any``), or only those where either side or both sides
    are military actors (:data:`MILITARY_FILTERS`): mil-to-mil engagement.
    """
    if military not in MILITARY_FILTERS:
        raise ValueError(f"military must be one of {', '.join(MILITARY_FILTERS)}, not {military!r}")
    one, two = (("source_ccode", "target_ccode") if directed else
                ("least(source_ccode, target_ccode)", "greatest(source_ccode, target_ccode)"))
    exprs, names, period = _period_keys(freq)
    keys = ", ".join(f"{e} AS {n}" for e, n in zip(exprs, names, strict=True))
    ordinals = ", ".join(str(i) for i in range(1, len(names) + 4))
    quads = ",\n           ".join(
        f"CAST(sum(CASE WHEN quad_class = {q} THEN n ELSE 0 END) AS BIGINT) AS {name}"
        for q, name in enumerate(COUNTS[1:5], start=1))
    return f"""
    SELECT {period} AS period, ccode1, ccode2,
           CAST(sum(n) AS BIGINT) AS events,
           {quads},
           CAST(sum(gn) AS BIGINT) AS goldstein_n,
           CAST(round(sum(g) * 10) AS BIGINT) AS goldstein_tenths
    FROM (
        SELECT {keys}, {one} AS ccode1, {two} AS ccode2, quad_class,
               count(*) AS n, count(goldstein) AS gn,
               sum(goldstein) AS g
        FROM events
        WHERE source_ccode IS NOT NULL AND target_ccode IS NOT NULL
          AND source_ccode <> target_ccode{window_sql(start, end)}{MILITARY_FILTERS[military]}
        GROUP BY {ordinals}) AS by_quad
    GROUP BY {", ".join(names)}, ccode1, ccode2"""


def derived_sql(keys: str) -> str:
    """Select the keys and the derived measures from additive sums."""
    return f"""
    SELECT {keys}, events, verbal_coop, material_coop, verbal_conflict, material_conflict,
           verbal_coop + material_coop AS cooperation,
           verbal_conflict + material_conflict AS conflict,
           CASE WHEN goldstein_n > 0 THEN CAST(goldstein_tenths AS DOUBLE) / CAST(10 AS DOUBLE)
                ELSE CAST(0 AS DOUBLE) END AS goldstein_total,
           CASE WHEN goldstein_n > 0 THEN CAST(goldstein_tenths AS DOUBLE)
                / CAST(10 * goldstein_n AS DOUBLE) END AS goldstein_mean,
           CASE WHEN events > 0 THEN CAST(verbal_coop + material_coop - verbal_conflict
                - material_conflict AS DOUBLE) / CAST(events AS DOUBLE) END AS net_cooperation,
           CASE WHEN events > 0 THEN CAST(verbal_conflict + material_conflict AS DOUBLE)
                / CAST(events AS DOUBLE) END AS conflict_share"""
