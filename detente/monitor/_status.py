"""What the store holds of the event stream: how many events, over which days, from which
files, and the versions of the codebooks that coded them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from detente.store._store import Store

CODEBOOK_TABLES = ("cameo_codes", "cameo_plover", "cameo_country_names", "cameo_agent_names",
                   "fips_countries")
"""Tables of the codebooks ingest reads (Goldstein weights and quad classes, PLOVER types,
actor and country mappings)."""

INGEST_HINT = ("run `detente monitor ingest FILE ...` (for example `detente monitor ingest "
               "../shared/data/icews/events.2018.sample.tab`), or POST the file to "
               "/api/v1/monitor/events")
"""How to load events, for messages shown when there are none."""


@dataclass(frozen=True)
class EventCoverage:
    """The ingested events: how many, the first and last day, and one row per file."""

    events: int
    dyadic: int
    first: date | None
    last: date | None
    files: pa.Table

    @property
    def empty(self) -> bool:
        return self.events == 0


def event_coverage(store: Store) -> EventCoverage:
    """What the store holds of the event stream (zero events when none was ingested).

    ``dyadic`` counts events whose two actors both map to states: the ones the temperature
    series read.
    """
    if not store.has_table("events"):
        return EventCoverage(0, 0, None, None, pa.table({}))
    events, dyadic, first, last = store.rows(
        "SELECT count(*), count(*) FILTER (WHERE source_ccode IS NOT NULL AND target_ccode IS "
        "NOT NULL), min(date), max(date) FROM events")[0]
    files = store.arrow(
        "SELECT file_id, path, format, dataset, records, events_added, duplicates, quarantined, "
        "first_date, last_date, ingested_at FROM event_files ORDER BY file_id")
    return EventCoverage(int(events), int(dyadic), first, last, files)


def event_versions(store: Store) -> dict[str, str]:
    """Source id -> version for the event stream (``event_stream``) and its codebooks."""
    return store.data_versions(("events", *CODEBOOK_TABLES))  # tables not loaded are absent
