"""Event file formats: recognise a file, read it into canonical raw columns, find bad lines.

Every reader returns :class:`RawEvents`: one text column per canonical field (see
:data:`CANONICAL`), the 1-based ``line`` each row came from, and the structural problems
found (a line with the wrong number of fields, a PLOVER record whose actors are not a list).
Types and codes are checked afterwards, for every format alike (:mod:`._validate`).

Files may be plain, gzip-compressed (``.gz``) or one-file ``.zip`` archives, as GDELT and
the ICEWS Dataverse publish them. Formats (``format=`` in :func:`detente.monitor.ingest_events`):

``icews``
    ICEWS coded-event files as Harvard Dataverse publishes them: tab-separated, a header
    (``Event ID``, ``Event Date``, ``Source Name`` ...), 20 fields, ``NA`` or blank for missing.
``icews_csv``
    The same records with snake-case names as the R package {icews} writes them (CSV).
``gdelt1``, ``gdelt2``
    GDELT 1.0 (57 fields, or 58 with SOURCEURL) and 2.0 (61 fields) event exports:
    tab-separated, no header. Field names come from the published header lists in the store
    (source ``gdelt_layouts``), so a reader never hard-codes a position.
``gdelt_subset``
    The reduced 9-field GDELT CSV of the data mirror (GlobalEventID, IsRootEvent, QuadClass,
    EventCode, EventRootCode, ActionGeo_Lat, ActionGeo_Long, country_code_alpha,
    source_country_code). It has no actors and no date: the date is the day of the daily
    file, given as ``date=`` or read from an 8-digit ``YYYYMMDD`` in the file name, and its
    events carry ``date_basis = 'published'``. EventCode was stored as an integer, so the
    leading zero is restored from EventRootCode (``10`` with root ``1`` is ``010``).
``plover``
    PLOVER-coded records, a JSON array (the OEDA gold-standard file) or JSON Lines.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import IO, Any, Literal

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from detente._errors import ImportRejected, Violation
from detente.store._store import Store

CANONICAL = (
    "producer_id", "date", "source_actor", "source_country", "target_actor", "target_country",
    "cameo_code", "root_code", "quad_class", "reported_goldstein", "location_country",
    "latitude", "longitude", "publisher", "plover_event", "plover_mode", "plover_context",
    "source_sectors", "target_sectors",
)
"""The canonical raw fields every reader fills (as text; null where the format has none)."""

FormatName = Literal["icews", "icews_csv", "gdelt1", "gdelt2", "gdelt_subset", "plover"]
FORMATS: tuple[str, ...] = ("icews", "icews_csv", "gdelt1", "gdelt2", "gdelt_subset", "plover")
ActorKind = Literal["name", "cameo"]
PlaceKind = Literal["name", "fips", "iso3"]
SectorKind = Literal["names", "codes"]


@dataclass(frozen=True)
class Layout:
    """How one format's fields map to the canonical ones, and how its codes are read."""

    name: str
    dataset: str
    fields: Mapping[str, str | tuple[str, ...]]
    date_format: str
    actor_kind: ActorKind
    place_kind: PlaceKind | None
    date_basis: Literal["event", "published"] = "event"
    sector_kind: SectorKind | None = None


_ICEWS_FIELDS = {
    "producer_id": "Event ID", "date": "Event Date", "source_actor": "Source Name",
    "source_country": "Source Country", "target_actor": "Target Name",
    "target_country": "Target Country", "cameo_code": "CAMEO Code",
    "reported_goldstein": "Intensity", "location_country": "Country", "latitude": "Latitude",
    "longitude": "Longitude", "publisher": "Publisher", "source_sectors": "Source Sectors",
    "target_sectors": "Target Sectors",
}
_GDELT_FIELDS = {
    "producer_id": "GLOBALEVENTID", "date": "SQLDATE", "source_actor": "Actor1Code",
    "source_country": "Actor1CountryCode", "target_actor": "Actor2Code",
    "target_country": "Actor2CountryCode", "cameo_code": "EventCode",
    "root_code": "EventRootCode", "quad_class": "QuadClass",
    "reported_goldstein": "GoldsteinScale", "location_country": "ActionGeo_CountryCode",
    "latitude": "ActionGeo_Lat", "longitude": "ActionGeo_Long", "publisher": "SOURCEURL",
    "source_sectors": ("Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code"),
    "target_sectors": ("Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code"),
}
_SUBSET_FIELDS = {
    "producer_id": "GlobalEventID", "cameo_code": "EventCode", "root_code": "EventRootCode",
    "quad_class": "QuadClass", "location_country": "country_code_alpha",
    "latitude": "ActionGeo_Lat", "longitude": "ActionGeo_Long",
    "publisher": "source_country_code", "date": "date",
}
_PLOVER_FIELDS = {
    "producer_id": "id", "date": "date", "source_actor": "source", "source_country": "source",
    "target_actor": "target", "target_country": "target", "plover_event": "event",
    "plover_mode": "mode", "plover_context": "context", "source_sectors": "source",
    "target_sectors": "target",
}

LAYOUTS: dict[str, Layout] = {
    "icews": Layout("icews", "icews", _ICEWS_FIELDS, "%Y-%m-%d", "name", "name",
                    sector_kind="names"),
    "icews_csv": Layout("icews_csv", "icews",
                        {k: v.lower().replace(" ", "_") for k, v in _ICEWS_FIELDS.items()}
                        | {"reported_goldstein": "intensity"}, "%Y-%m-%d", "name", "name",
                        sector_kind="names"),
    "gdelt1": Layout("gdelt1", "gdelt", _GDELT_FIELDS, "%Y%m%d", "cameo", "fips",
                     sector_kind="codes"),
    "gdelt2": Layout("gdelt2", "gdelt", _GDELT_FIELDS, "%Y%m%d", "cameo", "fips",
                     sector_kind="codes"),
    "gdelt_subset": Layout("gdelt_subset", "gdelt", _SUBSET_FIELDS, "%Y-%m-%d", "cameo", "iso3",
                           "published"),
    "plover": Layout("plover", "plover", _PLOVER_FIELDS, "%Y-%m-%d", "cameo", None,
                     sector_kind="codes"),
}


@dataclass
class RawEvents:
    """One file read into canonical raw columns, before type and code checks."""

    path: Path
    layout: Layout
    table: pa.Table
    records: int
    problems: list[Violation] = field(default_factory=list)
    bad_text: dict[int, str] = field(default_factory=dict)
    skipped: int = 0


# -- opening and recognising -------------------------------------------------------------------
def open_binary(path: Path) -> IO[bytes]:
    """The file's content: ``.gz`` decompressed, a one-member ``.zip`` (as GDELT and the ICEWS
    Dataverse publish them) opened at its member, anything else as it is."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise ImportRejected([Violation(str(path), None, None,
                                                f"holds {len(members)} files; give one event "
                                                "file per archive")])
            return io.BytesIO(archive.read(members[0]))
    return open(path, "rb")


def read_bytes(path: Path) -> bytes:
    """All of the file's content (see :func:`open_binary`)."""
    with open_binary(path) as fh:
        return fh.read()


def _head(path: Path, size: int = 1 << 16) -> str:
    with open_binary(path) as fh:
        chunk = fh.read(size)
    text = chunk.decode("utf-8", errors="replace").lstrip("\ufeff")
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def detect_format(path: Path) -> str:
    """Recognise an event file's format from its first line (see the module docstring)."""
    head = _head(path)
    if head.lstrip().startswith(("[", "{")):
        return "plover"
    if "\t" in head:
        fields = head.split("\t")
        if fields[0] == "Event ID":
            return "icews"
        if len(fields) in (57, 58):
            return "gdelt1"
        if len(fields) == 61:
            return "gdelt2"
        raise ImportRejected([Violation(
            str(path), 1, None, f"is a tab-separated line of {len(fields)} fields: not ICEWS "
            "(header 'Event ID ...'), GDELT 1.0 (57 or 58 fields) or GDELT 2.0 (61 fields)")])
    names = next(iter(_csv_names(head)), [])
    if {"GlobalEventID", "EventCode", "country_code_alpha"} <= set(names):
        return "gdelt_subset"
    if names[:2] == ["event_id", "event_date"]:
        return "icews_csv"
    raise ImportRejected([Violation(
        str(path), 1, None, "is not a recognised event format (ICEWS, GDELT 1.0/2.0, the "
        "9-column GDELT subset or PLOVER JSON); pass format= to say which", head[:80])])


def _csv_names(line: str) -> list[list[str]]:
    import csv

    return list(csv.reader([line]))


# -- tabular formats ---------------------------------------------------------------------------
def _gdelt_names(store: Store, layout: str, width: int) -> list[str]:
    table = f"{layout}_event_columns"
    store.require(table)
    names = [r[0] for r in store.rows(f"SELECT name FROM {table} ORDER BY position")]
    return names[:width]


def _read_table(path: Path, *, delimiter: str, names: list[str] | None, quoted: bool,
                null_values: list[str]) -> tuple[pa.Table, dict[int, tuple[int, str]], int]:
    """Read every field as text; return (rows with ``line``, bad lines, header lines).

    Each physical line is one record (no line breaks inside fields). A line with the wrong
    number of fields is set aside with its number and text; the reader runs single-threaded
    so that Arrow can number it.
    """
    bad: dict[int, tuple[int, str]] = {}

    def on_bad(row: Any) -> str:
        bad[int(row.number)] = (int(row.actual_columns), str(row.text))
        return "skip"

    header = 0 if names is not None else 1
    read = pacsv.ReadOptions(use_threads=False, column_names=names,
                             autogenerate_column_names=False, block_size=1 << 24)
    parse = pacsv.ParseOptions(delimiter=delimiter, quote_char='"' if quoted else False,
                               newlines_in_values=False, ignore_empty_lines=False,
                               invalid_row_handler=on_bad)
    if names is not None:
        probe = names
    elif delimiter == ",":
        probe = _csv_names(_head(path))[0]
    else:
        probe = _head(path).split(delimiter)
    convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in probe},
                                   null_values=null_values, strings_can_be_null=True,
                                   quoted_strings_can_be_null=True)
    with open_binary(path) as fh:
        table = pacsv.read_csv(fh, read, parse, convert)
    # Every physical line after the header is a row or a bad line, so the rows' line numbers
    # are the ones not set aside.
    total = table.num_rows + len(bad)
    lines = np.arange(header + 1, header + 1 + total, dtype=np.int64)
    if bad:
        lines = np.setdiff1d(lines, np.fromiter(bad, dtype=np.int64), assume_unique=True)
    return table.append_column("line", pa.array(lines)), bad, header


def _canonical(table: pa.Table, layout: Layout) -> pa.Table:
    columns: dict[str, pa.Array | pa.ChunkedArray] = {}
    for name in CANONICAL:
        raw = layout.fields.get(name)
        if isinstance(raw, tuple):  # several fields (GDELT's three actor type codes)
            present = [pc.fill_null(table.column(r), "") for r in raw if r in table.column_names]
            if present:  # ("MIL", "", "") -> "MIL"; all blank -> null
                joined = pc.utf8_trim(pc.binary_join_element_wise(*present, ","), ",")
                columns[name] = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()),
                                           joined)
            else:
                columns[name] = pa.nulls(table.num_rows, pa.string())
        elif raw is not None and raw in table.column_names:
            columns[name] = table.column(raw)
        else:
            columns[name] = pa.nulls(table.num_rows, pa.string())
    columns["line"] = table.column("line")
    return pa.table(columns)


def _width_problems(path: Path, bad: dict[int, tuple[int, str]], expected: int
                    ) -> tuple[list[Violation], dict[int, str]]:
    problems = [Violation(str(path), line, None,
                          f"has {got} fields; the format has {expected}")
                for line, (got, _) in sorted(bad.items())]
    return problems, {line: text for line, (_, text) in bad.items()}


def read_tabular(store: Store, path: Path, fmt: str) -> RawEvents:
    """Read an ICEWS or GDELT file (any but ``gdelt_subset``)."""
    layout = LAYOUTS[fmt]
    if fmt in ("gdelt1", "gdelt2"):
        width = len(_head(path).split("\t"))
        if fmt == "gdelt1" and width not in (57, 58):
            width = 58
        names = _gdelt_names(store, fmt, width if fmt == "gdelt1" else 61)
        table, bad, _ = _read_table(path, delimiter="\t", names=names, quoted=False,
                                    null_values=[""])
        expected = len(names)
    else:
        tab = fmt == "icews"
        table, bad, _ = _read_table(path, delimiter="\t" if tab else ",", names=None,
                                    quoted=not tab, null_values=["", "NA"])
        expected = table.num_columns - 1
        missing = [v for v in layout.fields.values()
                   if isinstance(v, str) and v not in table.column_names]
        if missing:
            raise ImportRejected([Violation(str(path), 1, m, "field is missing from the header")
                                  for m in missing])
    problems, text = _width_problems(path, bad, expected)
    return RawEvents(path, layout, _canonical(table, layout), table.num_rows + len(bad),
                     problems, text)


_DAY = re.compile(r"(?<!\d)((?:19|20)\d{6})(?!\d)")


def subset_date(path: Path, given: Date | str | None) -> Date:
    """The day of a 9-field GDELT subset file: ``given``, else ``YYYYMMDD`` in its name."""
    if given is not None:
        return given if isinstance(given, Date) else Date.fromisoformat(str(given))
    found = _DAY.search(path.name)
    if found:
        text = found.group(1)
        try:
            return Date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    raise ImportRejected([Violation(
        str(path), None, None, "the 9-column GDELT subset has no date field and the file name "
        "holds no YYYYMMDD day; give the day the file covers (date=..., --date)")])


def read_subset(path: Path, day: Date) -> RawEvents:
    """Read the 9-field GDELT subset; restore the leading zero of EventCode."""
    layout = LAYOUTS["gdelt_subset"]
    table, bad, _ = _read_table(path, delimiter=",", names=None, quoted=True,
                                null_values=[""])
    expected = table.num_columns - 1
    con = duckdb.connect()
    con.register("t", table)
    fixed = con.sql(f"""
        SELECT * REPLACE (
            CASE WHEN EventRootCode IS NULL OR EventCode IS NULL THEN EventCode
                 WHEN starts_with(EventCode, lpad(EventRootCode, 2, '0')) THEN EventCode
                 ELSE '0' || EventCode END AS EventCode,
            lpad(EventRootCode, 2, '0') AS EventRootCode),
            '{day.isoformat()}' AS date
        FROM t""").to_arrow_table()
    con.close()
    problems, text = _width_problems(path, bad, expected)
    return RawEvents(path, layout, _canonical(fixed, layout), table.num_rows + len(bad),
                     problems, text)


# -- PLOVER ------------------------------------------------------------------------------------
def _records(path: Path) -> list[tuple[int, Any]]:
    """(line, record) for a JSON array or JSON Lines file; the line is where a record starts."""
    text = read_bytes(path).decode("utf-8").lstrip("\ufeff")
    if not text.lstrip().startswith("["):
        records: list[tuple[int, Any]] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    records.append((number, _BadJson(str(exc), line)))
        return records
    decoder = json.JSONDecoder()
    body: list[Any] = []
    offsets: list[int] = []
    pos = text.index("[") + 1
    try:
        while True:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text) or text[pos] == "]":
                break
            offsets.append(pos)
            record, pos = decoder.raw_decode(text, pos)
            body.append(record)
    except json.JSONDecodeError as exc:
        raise ImportRejected([Violation(str(path), exc.lineno, None,
                                        f"is not valid JSON: {exc.msg}")]) from None
    # Line of each record: newlines before its first character, plus one.
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    newlines = np.flatnonzero(chars == 10)
    lines = np.searchsorted(newlines, np.asarray(offsets, dtype=np.int64)) + 1
    return list(zip(lines.tolist(), body, strict=True))


@dataclass
class _BadJson:
    message: str
    text: str


def _actors(value: Any) -> list[dict[str, Any]] | None:
    """A PLOVER actor list; None when the value is not one."""
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        return None
    return value


def _actor_fields(actor: dict[str, Any] | None) -> tuple[str | None, str | None, str | None]:
    """(actor label, country code, sector) of a PLOVER actor object."""
    if actor is None:
        return None, None, None
    code = actor.get("code")
    code = str(code).strip() or None if code is not None else None
    sector = str(actor.get("sector") or "").strip() or None
    label = (code or "") + (sector or "")
    return label or (actor.get("actorText") or None), code, sector


def read_plover(path: Path) -> RawEvents:
    """Read PLOVER records; one event per (source, target) pair.

    Compound actors expand as PETRARCH does: every source with every target. A record with
    several sources and no target (``"target": ""``, marked SRC/TAR in the gold standard's
    markup) is reciprocal: one event for each ordered pair of its sources. DOCUMENT records
    describe the file and are skipped (counted in ``skipped``).
    """
    layout = LAYOUTS["plover"]
    rows: dict[str, list[Any]] = {name: [] for name in (*CANONICAL, "line")}
    problems: list[Violation] = []
    bad_text: dict[int, str] = {}
    skipped = 0
    records = _records(path)
    for line, record in records:
        if isinstance(record, _BadJson):
            problems.append(Violation(str(path), line, None, f"is not valid JSON: {record.message}"))
            bad_text[line] = record.text
            continue
        if not isinstance(record, dict):
            problems.append(Violation(str(path), line, None, "is not a JSON object"))
            bad_text[line] = json.dumps(record)
            continue
        if record.get("event") == "DOCUMENT":
            skipped += 1
            continue
        sources, targets = _actors(record.get("source")), _actors(record.get("target"))
        for name, value in (("source", sources), ("target", targets)):
            if value is None:
                problems.append(Violation(str(path), line, name,
                                          "is not a list of actors (objects with 'code')",
                                          json.dumps(record.get(name))))
        if sources is None or targets is None:
            bad_text[line] = json.dumps(record)
            continue
        pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]]
        if not targets and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(a, b) for a in (sources or [None]) for b in (targets or [None])]
        context = record.get("context")
        if isinstance(context, list):
            context = ", ".join(map(str, context))
        for src, tgt in pairs:
            s_label, s_code, s_sector = _actor_fields(src)
            t_label, t_code, t_sector = _actor_fields(tgt)
            values = {"producer_id": record.get("id"), "date": record.get("date"),
                      "source_actor": s_label, "source_country": s_code,
                      "target_actor": t_label, "target_country": t_code,
                      "source_sectors": s_sector, "target_sectors": t_sector,
                      "plover_event": record.get("event"), "plover_mode": record.get("mode"),
                      "plover_context": context, "line": line}
            for name in rows:
                value = values.get(name)
                rows[name].append(value if value in (None, "") or name == "line" else str(value))
    columns = {n: pa.array([v if v != "" else None for v in rows[n]], pa.string())
               for n in CANONICAL}
    columns["line"] = pa.array(rows["line"], pa.int64())
    return RawEvents(path, layout, pa.table(columns), len(records), problems, bad_text, skipped)


def read_events(store: Store, path: Path, fmt: str, *, day: Date | str | None = None
                ) -> RawEvents:
    """Read ``path`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in LAYOUTS:
        raise ImportRejected([Violation(str(path), None, None,
                                        f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")])
    if fmt == "plover":
        return read_plover(path)
    if fmt == "gdelt_subset":
        return read_subset(path, subset_date(path, day))
    return read_tabular(store, path, fmt)
