"""Writes from the monitor API: one at a time, never on a read-only server; an uploaded
event file is kept beside the store (``event_uploads/<sha256 prefix>/<name>``) so every event's
file and line stay citable, and a refused or already known file is not kept."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from detente._errors import ImportRejected, Violation
from detente.interfaces.api.deps import WRITE_LOCK, writable
from detente.interfaces.api.middleware import ResponseCache
from detente.interfaces.api.routes._monitor_schemas import (
    IngestResult,
    QuarantinedLine,
    UnmappedCode,
)
from detente.monitor import FileReport, ingest_events
from detente.store import Store

MAX_EVENT_FILE = 16 << 20
"""Largest event file one upload may carry (16 MiB; gzip or zip it: ICEWS compresses about
five to one). Larger archives: ``detente monitor ingest``."""

def uploads_folder(store: Store, settings: Any) -> Path:
    """Where uploaded event files are kept: beside the store file."""
    base = settings.cache if str(store.path) == ":memory:" else Path(store.path).parent
    return Path(base) / "event_uploads"


def _renamed(exc: ImportRejected, stored: Path, name: str) -> ImportRejected:
    return ImportRejected([Violation(name if v.file == str(stored) else v.file, v.row, v.column,
                                     v.message, v.value) for v in exc.violations])


def _quarantined(report: FileReport) -> list[QuarantinedLine]:
    if not report.quarantine_path:
        return []
    with open(report.quarantine_path, encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(1000), lines, strict=False)]
    return [QuarantinedLine(line=r["line"], problems=r["problems"], text=r["text"]) for r in rows]


def ingest_upload(store: Store, cache: ResponseCache, uploads: Path, data: bytes, filename: str,
                  fmt: str, day: date | None, quarantine: bool) -> IngestResult:
    """Keep the file under ``uploads/<sha256 prefix>/<filename>`` and ingest it, all or
    nothing (bad lines go to ``uploads/quarantine/`` when ``quarantine``); a refused or
    already known file is not kept. Clears ``cache`` when events were added."""
    writable(store)
    folder = uploads / hashlib.sha256(data).hexdigest()[:16]
    stored = folder / filename
    made_folder, existed = not folder.exists(), stored.exists()

    def forget() -> None:  # keep nothing this request wrote
        if not existed:
            stored.unlink(missing_ok=True)
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)

    if not existed:
        folder.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(data)
    try:
        with WRITE_LOCK:
            report = ingest_events(store, [stored], format=fmt, date=day,
                                   quarantine=uploads / "quarantine" if quarantine else None
                                   ).files[0]
            if report.status == "ingested":
                cache.clear()
    except BaseException as exc:
        forget()
        if isinstance(exc, ImportRejected):
            raise _renamed(exc, stored.resolve(), filename) from None
        raise
    kept = report.path
    if report.status == "unchanged":  # these bytes were ingested before: cite that file
        forget()
        kept = str(store.rows("SELECT path FROM event_files WHERE sha256 = ?",
                              [report.sha256])[0][0])
    unmapped = report.unmapped.to_pylist()[:200] if report.unmapped is not None else []
    return IngestResult(
        filename=filename, stored_as=kept, sha256=report.sha256, format=report.format,
        status=report.status, records=report.records, events_read=report.events_read,
        events_added=report.events_added, duplicates=report.duplicates,
        quarantined=report.quarantined, skipped=report.skipped, first_date=report.first_date,
        last_date=report.last_date, quarantined_lines=_quarantined(report),
        unmapped=[UnmappedCode(**u) for u in unmapped])
