"""Schema checks name the file, row and column of every bad cell (made-up edge cases)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from detente._errors import SchemaViolation
from detente.sources._conform import conform
from detente.sources._declare import Column, Table

TABLE = Table(
    "t", "f",
    (
        Column("ccode", "INTEGER", nullable=False, min=1, max=999),
        Column("year", "INTEGER", nullable=False),
        Column("flag", "INTEGER", values=(0, 1)),
        Column("value", "DOUBLE", min=0, missing=(-9,)),
        Column("name", "VARCHAR", raw="Name"),
    ),
    key=("ccode", "year"),
)


def raw(**cols: list[object]) -> pa.Table:
    n = len(next(iter(cols.values())))
    return pa.table({**{k: pa.array(v, pa.string()) for k, v in cols.items()},
                     "_row": pa.array(range(2, n + 2), pa.int64())})


def good() -> dict[str, list[object]]:
    return {"ccode": ["2", "200"], "year": ["1950", "1950.0"], "flag": ["1", None],
            "value": ["3.5", "-9"], "Name": ["USA", "UK"]}


def test_good_table_is_typed_and_missing_codes_become_null() -> None:
    out = conform(raw(**good()), TABLE, "f.csv")
    assert out.column_names == ["ccode", "year", "flag", "value", "name", "source_row"]
    assert out.column("year").to_pylist() == [1950, 1950]
    assert out.column("value").to_pylist() == [3.5, None]
    assert out.column("source_row").to_pylist() == [2, 3]
    assert out.schema.field("ccode").type == pa.int32()


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("ccode", "abc", "is not a valid integer"),
        ("year", "1950.5", "is not a whole number"),
        ("ccode", None, "is missing but the column is required"),
        ("ccode", "1000", "is outside [1, 999]"),
        ("flag", "2", "is not one of 0, 1"),
        ("value", "-1", "is outside [0, None]"),
    ],
)
def test_each_bad_cell_is_named(column: str, bad: object, message: str) -> None:
    cols = good()
    cols[column] = [cols[column][0], bad]
    with pytest.raises(SchemaViolation) as err:
        conform(raw(**cols), TABLE, "f.csv")
    v = err.value.violations[0]
    assert (v.file, v.row, v.column) == ("f.csv", 3, column)
    assert message in v.message
    assert f"f.csv, row 3, column {column!r}" in str(err.value)


def test_duplicate_key_and_missing_column() -> None:
    cols = good()
    cols["ccode"] = ["2", "2"]
    with pytest.raises(SchemaViolation, match="duplicates the key"):
        conform(raw(**cols), TABLE, "f.csv")
    cols = good()
    del cols["Name"]
    with pytest.raises(SchemaViolation, match="column 'Name': column is missing"):
        conform(raw(**cols), TABLE, "f.csv")


def test_all_violations_are_counted() -> None:
    cols = good()
    cols["ccode"] = ["x", "y"]
    cols["flag"] = ["5", "6"]
    with pytest.raises(SchemaViolation) as err:
        conform(raw(**cols), TABLE, "f.csv")
    assert err.value.total == 4
