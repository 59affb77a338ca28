"""The store tables the monitor keeps: events, the files they came from, unmapped codes, alerts.

``events`` is the canonical event table: one row per event after de-duplication, whatever
format it arrived in, with its actors mapped to states (COW code and ISO3, year-aware), its
CAMEO code as text, PLOVER type, Goldstein weight from the CAMEO table, quad class, and the
file (``file_id``) and 1-based line it was read from.
"""

from __future__ import annotations

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
