"""Stores with real events ingested, shared by the monitor tests.

``events_store`` is one read-only store per session holding the real samples of the data
mirror: the ICEWS raw tab sample (3,705 events, 1-2 June 2018), the {icews} package sample
(4,993 events, 1-3 June 2018, overlapping the first), both days of the 9-column GDELT subset
(189,461 events) and the PLOVER gold-standard records (with its one malformed record
quarantined). Tests that write take ``fresh_store``: a copy of the session's pulled store.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.monitor import IngestReport, ingest_events
from detente.store import Store

ICEWS_TAB = "icews/events.2018.sample.tab"
ICEWS_CSV = "icews/icews_sample.csv.gz"
GDELT_1126 = "gdelt_samples/gdelt2_events_subset_20171126.csv.gz"
GDELT_1217 = "gdelt_samples/gdelt2_events_subset_20171217.csv.gz"
PLOVER_GSR = "event_codebooks/plover/PLOVER_GSR_CAMEO.json.txt"


@pytest.fixture
def fresh_store(store_path: Path, tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the session store (all sources pulled, no events)."""
    copy = tmp_path / "fresh.duckdb"
    shutil.copy(store_path, copy)
    db = Store(copy)
    yield db
    db.close()


@pytest.fixture(scope="session")
def ingested(store_path: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, IngestReport, Path]:
    """(store file, report, quarantine folder) after ingesting every real sample once."""
    folder = tmp_path_factory.mktemp("events")
    path = folder / "events.duckdb"
    shutil.copy(store_path, path)
    quarantine = folder / "bad"
    with Store(path) as db:
        report = ingest_events(db, [mirror / ICEWS_TAB, mirror / ICEWS_CSV, mirror / GDELT_1126,
                                    mirror / GDELT_1217, mirror / PLOVER_GSR],
                               quarantine=quarantine)
    return path, report, quarantine


@pytest.fixture(scope="session")
def events_store(ingested: tuple[Path, IngestReport, Path]) -> Iterator[Store]:
    db = Store(ingested[0], read_only=True)
    yield db
    db.close()


@pytest.fixture(scope="session")
def icews_store(store_path: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[Store]:
    """Read-only store with only the two ICEWS samples ingested (1-3 June 2018)."""
    path = tmp_path_factory.mktemp("icews") / "icews.duckdb"
    shutil.copy(store_path, path)
    with Store(path) as db:
        ingest_events(db, [mirror / ICEWS_TAB, mirror / ICEWS_CSV])
    db = Store(path, read_only=True)
    yield db
    db.close()
