"""The exceptions detente raises.

Every error a user can meet derives from :class:`DetenteError`::

    DetenteError
    ├── SourceError                 a data source cannot be used
    │   ├── ChecksumMismatch        the bytes are not the ones the declaration names
    │   ├── DownloadError           the file could not be fetched
    │   └── SchemaViolation         a file does not match its declared schema
    ├── StoreError                  the store is missing a table, or locked
    │   └── NotLoadedError          a verb needs a source that was never pulled
    ├── UnitError                   a verb was given a panel of the wrong unit
    ├── ActorError                  a name or code does not identify an actor
    ├── ImportRejected              user-entered rows were refused (nothing written)
    └── ModelInputError             a model was given inputs it cannot use
"""

from __future__ import annotations

from dataclasses import dataclass, field


class DetenteError(Exception):
    """Base class for every error detente raises on purpose."""


class SourceError(DetenteError):
    """A declared data source cannot be used."""


class ChecksumMismatch(SourceError):
    """A file's sha256 differs from the one its source declares."""

    def __init__(self, file: str, expected: str, actual: str) -> None:
        self.file, self.expected, self.actual = file, expected, actual
        super().__init__(
            f"{file}: sha256 is {actual}, but the source declares {expected}. "
            "The file was refused and nothing was written."
        )


class DownloadError(SourceError):
    """A file could not be downloaded in full."""


@dataclass(frozen=True)
class Violation:
    """One cell that breaks a schema: the file, its 1-based row, the column and why."""

    file: str
    row: int | None
    column: str | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


@dataclass
class SchemaViolation(SourceError):
    """A file does not match its declared schema; the first violations are listed."""

    violations: list[Violation] = field(default_factory=list)
    total: int = 0

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = "\n  ".join(str(v) for v in self.violations)
        more = self.total - len(self.violations)
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"schema check failed; nothing was written:\n  {shown}{tail}"


class StoreError(DetenteError):
    """The store is missing something, or cannot be opened."""


class NotLoadedError(StoreError):
    """A verb needs data that has not been loaded into the store (a source not pulled, no
    events ingested); the message says which command loads it."""

    def __init__(self, source_id: str | None = None, *, message: str | None = None) -> None:
        self.source_id = source_id
        super().__init__(message or (
            f"source {source_id!r} is not in the store; run `detente data pull {source_id}` "
            "first"))


class UnitError(DetenteError):
    """A verb was given a panel whose unit of analysis it does not handle."""


class ActorError(DetenteError):
    """A name or code does not identify exactly one actor."""


@dataclass
class ImportRejected(DetenteError):
    """User-entered rows were refused; every problem is listed and nothing was written."""

    violations: list[Violation] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = "\n  ".join(str(v) for v in self.violations[:50])
        more = len(self.violations) - 50
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"import rejected; nothing was written:\n  {shown}{tail}"


class ModelInputError(DetenteError):
    """A model was given inputs it cannot use."""
