"""How a data source is declared: files with checksums, tables with schemas, citation, terms.

A declaration is data, not code: a frozen :class:`Source` that names each file it reads
(where it lives in a mirror, the exact address that serves the same bytes, their sha256) and
each table it yields (columns with types, null rules, value checks, missing-value codes,
key). The generic machinery in :mod:`detente.sources._fetch` and
:mod:`detente.sources._conform` does the rest, so every source is checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pyarrow as pa

FileFormat = Literal["rda", "rds", "csv", "tsv", "dta", "xls", "json", "text"]
Unit = Literal[
    "state_year",
    "state_spell",
    "directed_dyad_year",
    "nondirected_dyad_year",
    "dyad_spell",
    "dispute",
    "alliance",
    "country_year",
    "code_table",
    "event",
    "engagement",
    "actor",
]
System = Literal["cow", "gw", "iso3", "iso2", "names", "cameo", "none"]

GITHUB_RAW = "https://raw.githubusercontent.com"


def github_raw(repo: str, commit: str, path: str) -> str:
    """The address serving ``path`` exactly as committed at ``commit`` in ``repo``."""
    return f"{GITHUB_RAW}/{repo}/{commit}/{path}"


@dataclass(frozen=True)
class SourceFile:
    """One file a source reads.

    ``path`` is where the file sits in a mirror (relative to ``DETENTE_MIRROR``); ``url`` serves
    the same content from its origin. ``sha256`` is the digest of the bytes ``url`` serves; when
    the mirror keeps a gzip container of an uncompressed original (``path`` ends in ``.gz`` and
    ``url`` does not), the digest is taken over the decompressed bytes.
    """

    name: str
    path: str
    url: str
    sha256: str
    format: FileFormat
    encoding: str = "utf-8"
    r_object: str | None = None
    sheet: str | int | None = None
    header_lines: int = 1
    na_values: tuple[str, ...] = ("", "NA")
    newline: Literal["auto", "cr"] = "auto"

    @property
    def mirror_is_gzip_container(self) -> bool:
        return self.path.endswith(".gz") and not self.url.endswith(".gz")


@dataclass(frozen=True)
class Column:
    """A column of a declared table.

    ``raw`` is the column's name in the file when it differs from the canonical ``name``.
    ``missing`` lists the codes the producer uses for a missing value (COW's ``-9``); they
    become nulls. ``min``/``max``/``values`` are checked on every non-null cell.
    """

    name: str
    dtype: Literal["INTEGER", "BIGINT", "DOUBLE", "VARCHAR", "DATE", "BOOLEAN"]
    raw: str | None = None
    nullable: bool = True
    min: float | None = None
    max: float | None = None
    values: tuple[object, ...] | None = None
    missing: tuple[object, ...] = ()
    description: str = ""

    @property
    def raw_name(self) -> str:
        return self.raw or self.name


@dataclass(frozen=True)
class Table:
    """A canonical table a source yields into the store, read from one of its files.

    ``file`` names one of the source's files, or a frame that the source's ``prepare`` hook
    builds from several files (e.g. one long table melted from 134 wide ones); such a table's
    provenance digest covers every file of the source (:meth:`Source.digest`).
    ``coverage`` names the column (or first and last year columns) that the table's years are
    read from at ingest; the years found are recorded in provenance and checked against the
    source's declared coverage, and verbs read them from the store, never from code.
    """

    name: str
    file: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    coverage: tuple[str, ...] = ("year",)
    description: str = ""

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table {self.name!r} has no column {name!r}")


Prepare = Callable[[Mapping[str, pa.Table]], Mapping[str, pa.Table]]


@dataclass(frozen=True)
class Source:
    """One dataset as published: what it is, who made it, its terms, files and tables.

    ``coverage`` is the (first, last) year the data hold, asserted at ingest against the
    years actually read. ``prepare`` (optional) reshapes raw frames before the schema check,
    for files whose layout is not one row per record (wide tables); it must keep ``_row``.
    """

    id: str
    title: str
    producer: str
    version: str
    homepage: str
    citation: str
    bibtex: str
    license: str
    terms: str
    files: tuple[SourceFile, ...]
    tables: tuple[Table, ...]
    unit: Unit
    system: System
    coverage: tuple[int, int] | None
    missing_values: str = "Blank cells are missing."
    notes: str = ""
    redistributable: bool = False
    prepare: Prepare | None = field(default=None, compare=False)

    def file(self, name: str) -> SourceFile:
        for f in self.files:
            if f.name == name:
                return f
        raise KeyError(f"source {self.id!r} has no file {name!r}")

    def digest(self, table: Table) -> str:
        """sha256 recorded for ``table``: its file's, or one over every file for a prepared frame."""
        if any(f.name == table.file for f in self.files):
            return self.file(table.file).sha256
        import hashlib

        joined = "\n".join(f"{f.name} {f.sha256}" for f in self.files)
        return hashlib.sha256(joined.encode()).hexdigest()

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(f"source {self.id!r} has no table {name!r}")
