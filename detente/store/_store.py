"""The embedded store: one DuckDB file holding every source table and its provenance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente._errors import NotLoadedError, StoreError
from detente._settings import get_settings

PROVENANCE_DDL = """
CREATE TABLE IF NOT EXISTS provenance (
    source_id      VARCHAR NOT NULL,
    version        VARCHAR NOT NULL,
    table_name     VARCHAR NOT NULL,
    file_name      VARCHAR NOT NULL,
    file_path      VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL,
    rows           BIGINT  NOT NULL,
    coverage_start INTEGER,
    coverage_end   INTEGER,
    schema_hash    VARCHAR NOT NULL,
    loaded_at      TIMESTAMP NOT NULL, -- UTC
    PRIMARY KEY (table_name)
)
"""


class Store:
    """A DuckDB database file with detente's tables.

    Parameters
    ----------
    path
        The database file. Default: ``DETENTE_STORE``, else
        ``~/.local/share/detente/detente.duckdb``. ``":memory:"`` gives a throwaway store.
    read_only
        Open without write access (several readers may share a file; a writer excludes all).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else get_settings().store
        memory = str(path) == ":memory:"
        if not memory:
            if read_only and not self.path.exists():
                raise StoreError(f"no store at {self.path}; run `detente data pull` first")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(":memory:" if memory else str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"cannot open the store {self.path}: {exc}. Another detente process (a server "
                "or a pull) may hold it; stop it or point DETENTE_STORE elsewhere."
            ) from exc
        self.read_only = read_only
        # DuckDB draws a progress bar on stdout for queries over 2 s (the engagements build),
        # which would corrupt `--json` output and piped results.
        self.con.execute("SET enable_progress_bar = false")
        if not read_only:
            self.con.execute(PROVENANCE_DDL)

    # -- context manager ------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection for another thread, sharing this database."""
        return self.con.cursor()

    def for_thread(self) -> Store:
        """A :class:`Store` over a new cursor of this database, for use in another thread.

        A DuckDB connection must not be shared by threads; each thread (a server's worker, say)
        takes its own view. Closing the view closes only its cursor.
        """
        view = object.__new__(Store)
        view.path, view.read_only, view.con = self.path, self.read_only, self.con.cursor()
        return view

    # -- queries ------------------------------------------------------------------------------
    def sql(self, query: str, params: list[Any] | None = None) -> duckdb.DuckDBPyRelation:
        """Run ``query`` and return a lazy relation."""
        return self.con.sql(query, params=params)

    def rows(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run ``query`` and fetch every row (DuckDB 2.0: always fetchall)."""
        return self.con.execute(query, params or []).fetchall()

    def arrow(self, query: str, params: list[Any] | None = None) -> pa.Table:
        return self.con.sql(query, params=params).to_arrow_table()

    def has_table(self, name: str) -> bool:
        found = self.rows(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        )
        return bool(found[0][0])

    def tables(self) -> list[str]:
        return [r[0] for r in self.rows(
            "SELECT table_name FROM information_schema.tables ORDER BY table_name")]

    # -- provenance -----------------------------------------------------------------------------
    def provenance(self) -> pa.Table:
        """One row per loaded table: source, version, file, sha256, rows, coverage, loaded_at."""
        if not self.has_table("provenance"):
            return pa.table({})
        return self.arrow("SELECT * FROM provenance ORDER BY source_id, table_name")

    def loaded(self) -> dict[str, str]:
        """Source id to loaded version."""
        if not self.has_table("provenance"):
            return {}
        return dict(self.rows("SELECT DISTINCT source_id, version FROM provenance"))

    def require(self, table: str) -> None:
        """Raise :class:`NotLoadedError` (naming the source to pull) unless ``table`` exists."""
        if not self.has_table(table):
            from detente.sources.registry import table_owner

            raise NotLoadedError(table_owner(table).id)

    def coverage(self, table: str) -> tuple[int, int]:
        """First and last year of ``table`` as read from its data at ingest."""
        self.require(table)
        found = self.rows(
            "SELECT coverage_start, coverage_end FROM provenance WHERE table_name = ?", [table]
        )
        if not found or found[0][0] is None:
            raise StoreError(f"table {table!r} has no recorded coverage")
        return int(found[0][0]), int(found[0][1])

    def data_versions(self, tables: list[str] | tuple[str, ...]) -> dict[str, str]:
        """Source id to version for the sources behind ``tables`` (for result metadata)."""
        if not tables:
            return {}
        marks = ", ".join("?" for _ in tables)
        return dict(self.rows(
            f"SELECT DISTINCT source_id, version FROM provenance WHERE table_name IN ({marks}) "
            "ORDER BY 1", list(tables)))


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``path`` (default: ``DETENTE_STORE``)."""
    return Store(path, read_only=read_only)
