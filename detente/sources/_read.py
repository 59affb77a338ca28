"""Read a raw file into an Arrow table of its columns as published, plus ``_row``.

``_row`` is the 1-based line of the record in a text file (the header is line 1), or the
1-based record number in a binary file (R, Stata, Excel). Errors quote it, and stored tables
keep it as ``source_row`` so a figure can be traced to the line it came from.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from detente._errors import SchemaViolation, Violation
from detente.sources._declare import SourceFile


def read_raw(path: Path, spec: SourceFile) -> pa.Table:
    """Read ``path`` as ``spec`` describes it; every column of a text file is read as text."""
    try:
        table = _READERS[spec.format](path, spec)
    except SchemaViolation:
        raise
    except Exception as exc:  # a file the parser cannot read at all
        raise SchemaViolation(
            [Violation(str(path), None, None, f"cannot be read as {spec.format}: {exc}")], 1
        ) from exc
    return table


def _with_row(table: pa.Table, first: int) -> pa.Table:
    rows = np.arange(first, first + table.num_rows, dtype=np.int64)
    return table.append_column("_row", pa.array(rows))


def _read_text(path: Path, spec: SourceFile, delimiter: str) -> pa.Table:
    data: bytes | None = None
    if spec.newline == "cr" or spec.encoding.lower() not in ("utf-8", "utf8", "utf-8-sig"):
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            import gzip

            raw = gzip.decompress(raw)
        text = raw.decode(spec.encoding)
        if spec.newline == "cr":
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        data = text.encode("utf-8")
    skip = spec.header_lines - 1
    read_options = pacsv.ReadOptions(skip_rows=skip, autogenerate_column_names=False)
    parse_options = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False)
    # Read every column as text; types are imposed by the schema check, which can then name
    # the exact cell that does not parse.
    header = _header(path, spec, delimiter, data)
    convert = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in header},
        null_values=list(spec.na_values),
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    source = pa.BufferReader(data) if data is not None else str(path)
    table = pacsv.read_csv(source, read_options, parse_options, convert)
    return _with_row(table, spec.header_lines + 1)


def _header(path: Path, spec: SourceFile, delimiter: str, data: bytes | None) -> list[str]:
    source = pa.BufferReader(data) if data is not None else str(path)
    opts = pacsv.ReadOptions(skip_rows=spec.header_lines - 1, block_size=1 << 16)
    reader = pacsv.open_csv(source, opts, pacsv.ParseOptions(delimiter=delimiter))
    return list(reader.schema.names)


def _read_csv(path: Path, spec: SourceFile) -> pa.Table:
    return _read_text(path, spec, ",")


def _read_tsv(path: Path, spec: SourceFile) -> pa.Table:
    return _read_text(path, spec, "\t")


def _from_pandas(frame: object) -> pa.Table:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    frame = frame.reset_index(drop=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return _with_row(table, 1)


def _read_rda(path: Path, spec: SourceFile) -> pa.Table:
    import pyreadr

    result = pyreadr.read_r(str(path))
    name = spec.r_object or next(iter(result))
    if name not in result:
        raise SchemaViolation(
            [Violation(str(path), None, None, f"has no R object {name!r} (has {list(result)})")],
            1,
        )
    return _from_pandas(result[name])


def _read_dta(path: Path, spec: SourceFile) -> pa.Table:
    import pandas as pd

    return _from_pandas(pd.read_stata(path, convert_categoricals=False))


def _read_xls(path: Path, spec: SourceFile) -> pa.Table:
    import pandas as pd

    frame = pd.read_excel(path, sheet_name=spec.sheet or 0, dtype=str)
    table = _from_pandas(frame)
    # Excel rows: the header is row 1, so the first record is row 2.
    rows = table.column("_row").to_numpy() + spec.header_lines
    return table.set_column(table.schema.get_field_index("_row"), "_row", pa.array(rows))


def _read_json(path: Path, spec: SourceFile) -> pa.Table:
    import json

    import pandas as pd

    records = json.loads(path.read_text(encoding=spec.encoding))
    if isinstance(records, dict):
        records = [{"key": k, **(v if isinstance(v, dict) else {"value": v})}
                   for k, v in records.items()]
    return _from_pandas(pd.DataFrame.from_records(records))


def _read_lines(path: Path, spec: SourceFile) -> pa.Table:
    text = path.read_bytes().decode(spec.encoding)
    lines = io.StringIO(text).read().splitlines()
    return _with_row(pa.table({"line": pa.array(lines, pa.string())}), 1)


_READERS = {
    "rda": _read_rda,
    "rds": _read_rda,
    "csv": _read_csv,
    "tsv": _read_tsv,
    "dta": _read_dta,
    "xls": _read_xls,
    "json": _read_json,
    "text": _read_lines,
}
