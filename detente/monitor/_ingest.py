"""Ingest a stream of event files into the store: incremental, idempotent, de-duplicated.

:func:`ingest_events` reads each file that the store has not seen (by sha256 of its bytes),
checks every line, maps actors to states, drops duplicates and writes what is left, with
the file and line of every event, in one transaction:

- **Incremental and idempotent.** A file whose sha256 is already in ``event_files`` is
  skipped (``status='unchanged'``), wherever it now lives. A changed file (new bytes at a
  known path) is read again; its events already stored are duplicates and are not added.
- **De-duplicated**, in two steps. The same producer event (ICEWS Event ID, GDELT
  GLOBALEVENTID; PLOVER record id and actor pair) is kept once, even when two releases
  spell an actor differently. Then, as the Phoenix pipeline's one-a-day filter does, one
  event is kept per date, source actor, target actor and event code (the CAMEO code, or the
  PLOVER type for PLOVER-only records); events without both actors are kept as they are.
  The first occurrence wins: earlier files, then earlier lines.
- **All or nothing.** A bad line (wrong number of fields, impossible date, unknown code)
  rejects the call with :class:`~detente._errors.ImportRejected`, which names every file,
  line and field; nothing is written. With ``quarantine=DIR`` the bad lines go to a side
  file ``DIR/<name>.<sha8>.bad.jsonl`` (one JSON object per line: file, line, problems,
  text) and the rest is ingested. Either way nothing already stored is lost.
- **Nothing dropped silently.** Codes that map to no state are kept on their events (with
  null state columns) and counted in ``event_unmapped`` by file, role, code and reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detente._errors import ImportRejected, StoreError, Violation
from detente.monitor._agents import mark_military
from detente.monitor._formats import FORMATS, RawEvents, detect_format, read_bytes, read_events
from detente.monitor._states import map_states
from detente.monitor._validate import check_and_type
from detente.sources._fetch import file_sha256
from detente.store._events import EVENTS_DDL, ensure_tables
from detente.store._store import Store

EVENT_COLUMNS = (
    "date", "dataset", "producer_id", "source_actor", "source_country", "source_ccode",
    "source_iso3", "target_actor", "target_country", "target_ccode", "target_iso3",
    "source_military", "target_military", "cameo_code", "root_code", "quad_class",
    "goldstein", "plover_event", "plover_mode", "plover_context", "reported_goldstein",
    "location_country", "location_ccode", "location_iso3", "latitude", "longitude",
    "publisher", "file_id", "line",
)


@dataclass(frozen=True)
class FileReport:
    """What ingest did with one file."""

    path: str
    sha256: str
    format: str
    status: str  # 'ingested' or 'unchanged'
    file_id: int
    records: int = 0
    events_read: int = 0
    events_added: int = 0
    duplicates: int = 0
    quarantined: int = 0
    skipped: int = 0
    first_date: date | None = None
    last_date: date | None = None
    quarantine_path: str | None = None
    unmapped: pa.Table | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class IngestReport:
    """The files of one :func:`ingest_events` call, in the order given."""

    files: tuple[FileReport, ...]

    @property
    def events_added(self) -> int:
        return sum(f.events_added for f in self.files)

    def unmapped(self) -> pa.Table:
        """Codes mapped to no state in the files ingested now: file, role, code, reason, events."""
        parts = [f.unmapped.append_column("file", pa.array([f.path] * f.unmapped.num_rows,
                                                            pa.string()))
                 for f in self.files if f.unmapped is not None and f.unmapped.num_rows]
        if not parts:
            return pa.table({"role": pa.array([], pa.string()), "code": pa.array([], pa.string()),
                             "reason": pa.array([], pa.string()),
                             "events": pa.array([], pa.int64()), "file": pa.array([], pa.string())})
        return pa.concat_tables(parts)


@dataclass
class _Staged:
    raw: RawEvents
    sha256: str
    file_id: int
    events: pa.Table
    unmapped: pa.Table
    bad: list[Violation]


def ingest_events(
    store: Store,
    paths: Iterable[str | Path],
    *,
    format: str = "auto",
    date: date | str | None = None,
    quarantine: str | Path | None = None,
) -> IngestReport:
    """Ingest event files into ``store``'s ``events`` table (see the module docstring).

    Parameters
    ----------
    store
        A writable store with the event codebooks pulled (``cameo``, ``plover``,
        ``cameo_actors``, ``fips_countries``, ``gdelt_layouts``) and the state crosswalk.
    paths
        Event files; ``.gz`` and one-file ``.zip`` archives (as GDELT and the ICEWS
        Dataverse publish them) are read transparently.
    format
        ``"auto"`` (recognise each file from its first line) or one of ``icews``,
        ``icews_csv``, ``gdelt1``, ``gdelt2``, ``gdelt_subset``, ``plover``.
    date
        The day a 9-column GDELT subset file covers (else read from ``YYYYMMDD`` in its name).
    quarantine
        A folder for bad lines. Without it, any bad line rejects the whole call.

    Returns
    -------
    IngestReport
        One :class:`FileReport` per path: status, lines read, events added, duplicates,
        quarantined lines, unmapped codes.

    Raises
    ------
    ImportRejected
        Listing every bad line (file, line, field) when ``quarantine`` is not given, or a
        file that is not a recognised format. Nothing is written.
    """
    if store.read_only:
        raise StoreError(f"the store {store.path} is open read-only; ingest needs write access")
    if format != "auto" and format not in FORMATS:
        raise ImportRejected([Violation("format", None, None,
                                        f"unknown format {format!r}; choose from {', '.join(FORMATS)}")])
    ensure_tables(store.con)
    known = dict(store.rows("SELECT sha256, file_id FROM event_files"))
    next_id = int(store.rows("SELECT coalesce(max(file_id), 0) FROM event_files")[0][0]) + 1
    reports: dict[int, FileReport] = {}
    staged: list[_Staged] = []
    problems: list[Violation] = []
    for index, given in enumerate(paths):
        path = Path(given).resolve()
        if not path.is_file():
            raise ImportRejected([Violation(str(given), None, None, "no such file")])
        digest = file_sha256(path)
        fmt = detect_format(path) if format == "auto" else format
        if digest in known:
            reports[index] = FileReport(str(path), digest, fmt, "unchanged", known[digest])
            continue
        raw = read_events(store, path, fmt, day=date)
        typed, typed_problems = check_and_type(store, raw)
        bad = sorted([*raw.problems, *typed_problems], key=lambda v: (v.row or 0, v.column or ""))
        if bad and quarantine is None:
            problems.extend(bad)
            continue
        if bad:
            lines = pa.array(sorted({v.row for v in bad if v.row is not None}), pa.int64())
            typed = typed.filter(pc.invert(pc.is_in(typed["line"], lines)))
        events, unmapped = map_states(store, typed, raw.layout)
        events = mark_military(store, events, raw.layout)
        events = events.append_column("file_id", pa.array(np.full(events.num_rows, next_id),
                                                          pa.int32()))
        staged.append(_Staged(raw, digest, next_id, events, unmapped, bad))
        known[digest] = next_id
        reports[index] = FileReport(str(path), digest, fmt, "pending", next_id)
        next_id += 1
    if problems:
        raise ImportRejected(problems)
    counts = _write(store, staged, quarantine) if staged else {}
    out = []
    for index in sorted(reports):
        report = reports[index]
        if report.status == "pending":
            out.append(counts[report.file_id])
        else:
            out.append(report)
    return IngestReport(tuple(out))


def _quarantine_path(folder: Path, item: _Staged) -> Path:
    name = item.raw.path.name.removesuffix(".gz").removesuffix(".zip")
    return folder / f"{name}.{item.sha256[:8]}.bad.jsonl"


def _line_texts(path: Path, lines: Sequence[int]) -> dict[int, str]:
    """The text of the given 1-based physical lines of a file (vectorised over the bytes)."""
    raw = read_bytes(path)
    buf = np.frombuffer(raw, dtype=np.uint8)
    ends = np.r_[np.flatnonzero(buf == 10), buf.size]
    starts = np.r_[0, ends[:-1] + 1]
    wanted = np.asarray(lines, dtype=np.int64) - 1
    ok = wanted < starts.size
    return {int(n) + 1: raw[starts[n]:ends[n]].decode("utf-8", "replace").rstrip("\r")
            for n in wanted[ok]}


def _write_quarantine(folder: Path, item: _Staged) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    by_line: dict[int | None, list[Violation]] = {}
    for v in item.bad:
        by_line.setdefault(v.row, []).append(v)
    missing = [n for n in by_line if n is not None and n not in item.raw.bad_text]
    texts = {**(_line_texts(item.raw.path, missing) if missing else {}), **item.raw.bad_text}
    target = _quarantine_path(folder, item)
    with open(target, "w", encoding="utf-8") as out:
        for line, found in sorted(by_line.items(), key=lambda kv: kv[0] or 0):
            out.write(json.dumps({
                "file": str(item.raw.path), "line": line,
                "problems": [f"{v.column}: {v.message}" + (f" ({v.value!r})" if v.value else "")
                             for v in found],
                "text": texts.get(line) if line is not None else None,
            }) + "\n")
    return target


_DEDUP_SQL = """
CREATE OR REPLACE TEMP TABLE incoming AS
SELECT *, row_number() OVER (ORDER BY file_id, line, source_actor, target_actor) AS seq,
       producer_id || CASE WHEN dataset = 'plover'
                           THEN '|' || coalesce(source_actor, '') || '|' || coalesce(target_actor, '')
                           ELSE '' END AS pid_key,
       coalesce(cameo_code, 'PLOVER:' || plover_event) AS code_key
FROM staged_events;

CREATE OR REPLACE TEMP TABLE stored_keys AS
SELECT dataset, producer_id || CASE WHEN dataset = 'plover'
                           THEN '|' || coalesce(source_actor, '') || '|' || coalesce(target_actor, '')
                           ELSE '' END AS pid_key,
       date, source_actor, target_actor, coalesce(cameo_code, 'PLOVER:' || plover_event) AS code_key
FROM events
WHERE dataset IN (SELECT DISTINCT dataset FROM incoming);

CREATE OR REPLACE TEMP TABLE new_by_id AS
SELECT i.* FROM incoming i
ANTI JOIN stored_keys s ON s.dataset = i.dataset AND s.pid_key = i.pid_key
QUALIFY row_number() OVER (PARTITION BY i.dataset, i.pid_key ORDER BY i.seq) = 1;

CREATE OR REPLACE TEMP TABLE new_events AS
SELECT * FROM new_by_id WHERE source_actor IS NULL OR target_actor IS NULL
UNION ALL
SELECT * FROM (
    SELECT n.* FROM new_by_id n
    ANTI JOIN stored_keys s ON s.date = n.date AND s.source_actor = n.source_actor
          AND s.target_actor = n.target_actor AND s.code_key = n.code_key
    WHERE n.source_actor IS NOT NULL AND n.target_actor IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY n.date, n.source_actor, n.target_actor, n.code_key
                               ORDER BY n.seq) = 1);
"""


def _write(store: Store, staged: list[_Staged], quarantine: str | Path | None
           ) -> dict[int, FileReport]:
    con = store.con
    columns = list(EVENT_COLUMNS)
    incoming = pa.concat_tables([s.events.select(columns) for s in staged],
                                promote_options="permissive")
    now = datetime.now(UTC).replace(tzinfo=None)
    folder = Path(quarantine) if quarantine is not None else None
    con.register("staged_events", incoming)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_DEDUP_SQL)
        col_list = ", ".join(columns)
        con.execute(f"INSERT INTO events ({col_list}) SELECT {col_list} FROM new_events "
                    "ORDER BY seq")
        stats = {int(r[0]): r[1:] for r in con.execute("""
            SELECT i.file_id, count(*) AS read, count(n.seq) AS added,
                   min(i.date), max(i.date)
            FROM incoming i LEFT JOIN new_events n USING (seq) GROUP BY i.file_id""").fetchall()}
        reports: dict[int, FileReport] = {}
        for item in staged:
            read, added, first, last = stats.get(item.file_id, (0, 0, None, None))
            qpath = str(_quarantine_path(folder, item)) if folder is not None and item.bad else None
            quarantined = len({v.row for v in item.bad})
            report = FileReport(
                str(item.raw.path), item.sha256, item.raw.layout.name, "ingested", item.file_id,
                item.raw.records, int(read), int(added), int(read) - int(added), quarantined,
                item.raw.skipped, first, last, qpath, item.unmapped)
            reports[item.file_id] = report
            con.execute(
                "INSERT INTO event_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [item.file_id, report.path, item.sha256, report.format, item.raw.layout.dataset,
                 item.raw.layout.date_basis, report.records, report.events_read,
                 report.events_added, report.duplicates, quarantined, report.skipped,
                 first, last, qpath, now])
            if item.unmapped.num_rows:
                con.register("unmapped_codes", item.unmapped)
                con.execute(f"INSERT INTO event_unmapped SELECT {item.file_id}, role, code, "
                            "reason, events FROM unmapped_codes")
                con.unregister("unmapped_codes")
        _record_provenance(con, now)
        for name in ("incoming", "stored_keys", "new_by_id", "new_events"):
            con.execute(f"DROP TABLE {name}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("staged_events")
    con.execute("CHECKPOINT")
    if folder is not None:
        for item in staged:
            if item.bad:
                _write_quarantine(folder, item)
    return reports


def _record_provenance(con: object, now: datetime) -> None:
    """One provenance row for ``events``: the ingested files' fingerprint, rows and years."""
    import duckdb

    assert isinstance(con, duckdb.DuckDBPyConnection)
    shas = [r[0] for r in con.execute("SELECT sha256 FROM event_files ORDER BY sha256").fetchall()]
    fingerprint = hashlib.sha256("\n".join(shas).encode()).hexdigest()
    rows, first, last = con.execute(
        "SELECT count(*), min(year(date)), max(year(date)) FROM events").fetchall()[0]
    con.execute("DELETE FROM provenance WHERE table_name = 'events'")
    con.execute(
        "INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ["event_stream", f"{len(shas)} files {fingerprint[:12]}", "events", f"{len(shas)} files",
         "event_files", fingerprint, rows, first, last,
         hashlib.sha256(EVENTS_DDL.encode()).hexdigest()[:16], now])
