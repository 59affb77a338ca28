"""Impose a declared schema on a raw table, in DuckDB, naming every offending cell.

For each declared column the raw cell is cast to the declared type; the producer's
missing-value codes become nulls. A cell that does not cast, a fractional value in an integer
column, a null in a required column, a value outside its declared range or set, and a
duplicated key are all violations. The check is one vectorised query per table; the first
violations are reported with file, row and column, and the count of the rest.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from detente._errors import SchemaViolation, Violation
from detente.sources._declare import Column, Table

_SHOWN = 20


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _missing_expr(col: Column, raw: str, numeric_raw: bool, text_raw: bool) -> str:
    tests = [f"{raw} IS NULL"]
    numeric_codes = [c for c in col.missing if isinstance(c, int | float)]
    text_codes = [c for c in col.missing if isinstance(c, str)]
    if numeric_codes:
        as_double = f"TRY_CAST(trim({raw}) AS DOUBLE)" if text_raw else f"TRY_CAST({raw} AS DOUBLE)"
        tests.append(f"{as_double} IN ({', '.join(_lit(float(c)) for c in numeric_codes)})")
    if text_codes:
        tests.append(f"CAST({raw} AS VARCHAR) IN ({', '.join(_lit(c) for c in text_codes)})")
    return "(" + " OR ".join(tests) + ")"


def _cast_expr(col: Column, raw: str, numeric_raw: bool, text_raw: bool) -> str:
    source = f"trim({raw})" if text_raw and col.dtype != "VARCHAR" else raw
    if col.dtype in ("INTEGER", "BIGINT") and text_raw:
        # Accept "1950" and "1950.0" but not "1950.5": go through DOUBLE, check wholeness below.
        return f"CAST(TRY_CAST({source} AS DOUBLE) AS {col.dtype})"
    if col.dtype in ("INTEGER", "BIGINT"):
        return f"TRY_CAST(round({source}) AS {col.dtype})"
    if col.dtype == "DATE" and numeric_raw:
        return f"TRY_CAST(DATE '1970-01-01' + CAST({source} AS INTEGER) AS DATE)"
    return f"TRY_CAST({source} AS {col.dtype})"


def conform(raw: pa.Table, table: Table, file: str) -> pa.Table:
    """Return ``raw`` cast to ``table``'s schema, or raise :class:`SchemaViolation`.

    The result holds the declared columns in order, then ``source_row``.
    """
    names = set(raw.column_names)
    absent = [c for c in table.columns if c.raw_name not in names]
    if absent:
        found = ", ".join(n for n in raw.column_names if n != "_row")
        raise SchemaViolation(
            [Violation(file, None, c.raw_name, f"column is missing (file has: {found})")
             for c in absent],
            len(absent),
        )
    con = duckdb.connect()
    con.register("raw_input", raw)
    numeric = {f.name for f in raw.schema if pa.types.is_integer(f.type) or pa.types.is_floating(f.type)}
    text = {f.name for f in raw.schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)}
    selects: list[str] = []
    checks: list[str] = []
    for col in table.columns:
        raw_ref = _q(col.raw_name)
        is_num, is_text = col.raw_name in numeric, col.raw_name in text
        missing = _missing_expr(col, raw_ref, is_num, is_text)
        cast = _cast_expr(col, raw_ref, is_num, is_text)
        value = f"CASE WHEN {missing} THEN NULL ELSE {cast} END"
        selects.append(f"{value} AS {_q(col.name)}")
        label = _lit(col.name)
        shown = f"CAST({raw_ref} AS VARCHAR)"
        checks.append(
            f"SELECT _row, {label} AS col, 'is not a valid {col.dtype.lower()}' AS msg, {shown} AS val "
            f"FROM raw_input WHERE NOT {missing} AND {cast} IS NULL"
        )
        if col.dtype in ("INTEGER", "BIGINT"):
            as_double = f"TRY_CAST(trim({raw_ref}) AS DOUBLE)" if is_text else f"TRY_CAST({raw_ref} AS DOUBLE)"
            checks.append(
                f"SELECT _row, {label}, 'is not a whole number', {shown} FROM raw_input "
                f"WHERE NOT {missing} AND {as_double} IS NOT NULL AND {as_double} <> floor({as_double})"
            )
        if not col.nullable:
            checks.append(
                f"SELECT _row, {label}, 'is missing but the column is required', {shown} "
                f"FROM raw_input WHERE {missing}"
            )
        bounds = []
        if col.min is not None:
            bounds.append(f"({cast}) < {_lit(col.min)}")
        if col.max is not None:
            bounds.append(f"({cast}) > {_lit(col.max)}")
        if bounds:
            rule = f"is outside [{col.min}, {col.max}]"
            checks.append(
                f"SELECT _row, {label}, {_lit(rule)}, {shown} FROM raw_input "
                f"WHERE NOT {missing} AND ({' OR '.join(bounds)})"
            )
        if col.values is not None:
            allowed = ", ".join(_lit(v) for v in col.values)
            checks.append(
                f"SELECT _row, {label}, {_lit('is not one of ' + allowed)}, {shown} FROM raw_input "
                f"WHERE NOT {missing} AND ({cast}) NOT IN ({allowed})"
            )
    typed_sql = f"SELECT {', '.join(selects)}, _row AS source_row FROM raw_input"
    if table.key:
        keys = ", ".join(_q(k) for k in table.key)
        present = " AND ".join(f"{_q(k)} IS NOT NULL" for k in table.key if not table.column(k).nullable)
        checks.append(
            f"SELECT source_row, {_lit(','.join(table.key))}, 'duplicates the key of another row', "
            f"CAST(({keys}) AS VARCHAR) FROM (SELECT *, count(*) OVER (PARTITION BY {keys}) AS n "
            f"FROM ({typed_sql}) WHERE {present or 'true'}) WHERE n > 1"
        )
    union = " UNION ALL ".join(f"({c})" for c in checks)
    problems = con.sql(f"SELECT * FROM ({union}) ORDER BY 1, 2")
    total = problems.count("*").fetchall()[0][0]
    if total:
        shown_rows = problems.limit(_SHOWN).fetchall()
        violations = [Violation(file, int(r), c, m, v) for r, c, m, v in shown_rows]
        raise SchemaViolation(violations, int(total))
    result = con.sql(typed_sql).to_arrow_table()
    con.close()
    return result
