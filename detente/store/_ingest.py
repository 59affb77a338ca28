"""Pull sources into the store, all or nothing.

``pull`` first reads, checks and types every requested source in memory; only when all of
them pass does it open one transaction that replaces their tables and provenance rows. A
schema violation, a checksum mismatch, a failed download or a killed process therefore
leaves the store exactly as it was. A source whose files and schema are unchanged since the
last pull is skipped, so a second pull changes nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from detente._errors import SourceError
from detente.sources._conform import conform
from detente.sources._declare import Source, SourceFile, Table
from detente.sources._fetch import Progress, locate
from detente.sources._read import read_raw
from detente.sources.registry import SOURCES, get_source
from detente.store._derived import rebuild, stale
from detente.store._store import Store


@dataclass(frozen=True)
class PullResult:
    """What a pull did: to a source, ``loaded`` or ``unchanged``; to a derived table, ``rebuilt``."""

    source_id: str
    version: str
    status: str
    rows: int
    coverage: tuple[int, int] | None


@dataclass(frozen=True)
class _Prepared:
    source: Source
    paths: dict[str, Path]
    tables: dict[str, pa.Table]
    coverage: dict[str, tuple[int, int] | None]


def schema_hash(source: Source) -> str:
    """A fingerprint of a source's declared files and tables; a change forces a reload."""
    text = repr((source.version, source.files, source.tables))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _is_current(store: Store, source: Source) -> bool:
    if not store.has_table("provenance"):
        return False
    rows = store.rows(
        "SELECT table_name, sha256, schema_hash, version FROM provenance WHERE source_id = ?",
        [source.id],
    )
    if {r[0] for r in rows} != {t.name for t in source.tables}:
        return False
    wanted = {t.name: source.digest(t) for t in source.tables}
    fingerprint = schema_hash(source)
    return all(
        r[1] == wanted[r[0]] and r[2] == fingerprint and r[3] == source.version for r in rows
    ) and all(store.has_table(t.name) for t in source.tables)


def _coverage(table: pa.Table, spec: Table) -> tuple[int, int] | None:
    if not spec.coverage:
        return None
    con = duckdb.connect()
    con.register("t", table)

    def year(col: str) -> str:
        dtype = table.schema.field(col).type
        return f'year("{col}")' if pa.types.is_date(dtype) else f'"{col}"'

    first, last = spec.coverage[0], spec.coverage[-1]
    lo, hi = con.execute(f"SELECT min({year(first)}), max({year(last)}) FROM t").fetchall()[0]
    con.close()
    if lo is None:
        return None
    return int(lo), int(hi)


def prepare(source: Source, progress: Callable[[SourceFile], Progress | None] | None = None
            ) -> _Prepared:
    """Fetch, verify, read and type every table of ``source``, without touching the store."""
    paths = locate(source, progress=progress)
    raw = {spec.name: read_raw(paths[spec.name], spec) for spec in source.files}
    if source.prepare is not None:
        raw = dict(source.prepare(raw))
    tables: dict[str, pa.Table] = {}
    coverage: dict[str, tuple[int, int] | None] = {}
    for spec in source.tables:
        where = paths.get(spec.file) or os.path.commonpath([str(p) for p in paths.values()])
        typed = conform(raw[spec.file], spec, str(where))
        tables[spec.name] = typed
        coverage[spec.name] = _coverage(typed, spec)
    spans = [c for c in coverage.values() if c is not None]
    if source.coverage is not None:
        found = (min(c[0] for c in spans), max(c[1] for c in spans)) if spans else None
        if found != source.coverage:
            raise SourceError(
                f"{source.id} {source.version}: the data cover {found}, but the declaration says "
                f"{source.coverage}. The file may be a different release; nothing was written."
            )
    return _Prepared(source, paths, tables, coverage)


def pull(
    store: Store,
    source_ids: Iterable[str | Source] | None = None,
    *,
    force: bool = False,
    progress: Callable[[SourceFile], Progress | None] | None = None,
    on_source: Callable[[Source], None] | None = None,
) -> list[PullResult]:
    """Load sources into ``store``, all or nothing.

    ``source_ids`` holds registered ids or :class:`Source` declarations of your own (default:
    every registered source). Either every source lands, with its provenance, or none does.
    """
    sources = [s if isinstance(s, Source) else get_source(s)
               for s in (list(source_ids) if source_ids else list(SOURCES))]
    ids = [s.id for s in sources]
    results: list[PullResult] = []
    staged: list[_Prepared] = []
    for source in sources:
        if on_source:
            on_source(source)
        if not force and _is_current(store, source):
            rows = sum(r[0] for r in store.rows(
                "SELECT rows FROM provenance WHERE source_id = ?", [source.id]))
            results.append(PullResult(source.id, source.version, "unchanged", rows,
                                      _source_coverage(store, source.id)))
            continue
        staged.append(prepare(source, progress))
    rebuilt = _write(store, staged) if staged or stale(store.con) else []
    for item in staged:
        spans = [c for c in item.coverage.values() if c]
        span = (min(c[0] for c in spans), max(c[1] for c in spans)) if spans else None
        rows = sum(t.num_rows for t in item.tables.values())
        results.append(PullResult(item.source.id, item.source.version, "loaded", rows, span))
    for name in rebuilt:
        rows = store.rows(f'SELECT count(*) FROM "{name}"')[0][0]
        results.append(PullResult(name, "derived", "rebuilt", int(rows), None))
    order = {sid: i for i, sid in enumerate(ids)}
    return sorted(results, key=lambda r: order.get(r.source_id, len(order)))


def _source_coverage(store: Store, source_id: str) -> tuple[int, int] | None:
    lo, hi = store.rows(
        "SELECT min(coverage_start), max(coverage_end) FROM provenance WHERE source_id = ?",
        [source_id])[0]
    return (int(lo), int(hi)) if lo is not None else None


def _write(store: Store, staged: list[_Prepared]) -> list[str]:
    """One transaction: replace the staged sources' tables and provenance, then rebuild the
    derived tables that are due; return their names."""
    con = store.con
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        changed: set[str] = set()
        for item in staged:
            source = item.source
            con.execute("DELETE FROM provenance WHERE source_id = ?", [source.id])
            for spec in source.tables:
                data = item.tables[spec.name]
                view = f"_incoming_{spec.name}"
                con.register(view, data)
                con.execute(f'CREATE OR REPLACE TABLE "{spec.name}" AS SELECT * FROM "{view}"')
                con.unregister(view)
                changed.add(spec.name)
                if spec.file in item.paths:
                    file_path = str(item.paths[spec.file])
                else:  # a frame the source's prepare hook built from all its files
                    file_path = os.path.commonpath([str(p) for p in item.paths.values()])
                cov = item.coverage[spec.name]
                con.execute(
                    "INSERT OR REPLACE INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [source.id, source.version, spec.name, spec.file, file_path,
                     source.digest(spec), data.num_rows, cov[0] if cov else None,
                     cov[1] if cov else None, schema_hash(source), now],
                )
        rebuilt = rebuild(con, changed)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return rebuilt
