"""Attach a user's own state-year data (civil-military indicators, survey scores, ...) to panels."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from detente._errors import ActorError, ImportRejected, Violation
from detente.panels._panel import Panel


def read_user_state_years(panel: Panel, path: str | Path, *, actor: str = "actor",
                          year: str = "year") -> pa.Table:
    """Read a CSV of state-years: an ``actor`` column (COW code, ISO3 or name), a ``year``
    column and numeric value columns; return ``ccode, year, <values>``.

    Every problem (unknown actor, bad year, non-numeric value, a state-year given twice) is
    listed with file, row and column in one :class:`ImportRejected`; nothing is returned
    until the whole file is clean.
    """
    from detente.actors import resolve_actor

    path = Path(path)
    file = str(path)
    try:
        raw = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
            column_types={}, strings_can_be_null=True, null_values=["", "NA"]),
            read_options=pacsv.ReadOptions(autogenerate_column_names=False))
    except (OSError, pa.ArrowInvalid) as exc:
        raise ImportRejected([Violation(file, None, None, f"cannot be read as CSV: {exc}")]) from None
    problems = [Violation(file, 1, c, "column is missing") for c in (actor, year)
                if c not in raw.column_names]
    values = [c for c in raw.column_names if c not in (actor, year)]
    if not values:
        problems.append(Violation(file, 1, None, "no value columns besides actor and year"))
    if problems:
        raise ImportRejected(problems)
    names = raw.column(actor).cast(pa.string()).to_pylist()
    years = raw.column(year).cast(pa.string()).to_pylist()
    codes: list[int | None] = []
    resolved: dict[tuple[str, int], int] = {}
    seen: dict[tuple[int, int], int] = {}
    for row, (name, yr) in enumerate(zip(names, years, strict=True), start=2):
        code = None
        try:
            year_value = int(str(yr))
        except ValueError:
            problems.append(Violation(file, row, year, "is not a year", yr))
            codes.append(None)
            continue
        key = (str(name), year_value)
        if key not in resolved:  # one lookup per distinct actor and year, not per row
            try:
                resolved[key] = resolve_actor(panel.store, str(name), year=year_value).ccode
            except ActorError as exc:
                problems.append(Violation(file, row, actor, str(exc), name))
        code = resolved.get(key)
        if code is not None and (code, year_value) in seen:
            problems.append(Violation(file, row, actor, f"repeats the state-year of row "
                                      f"{seen[(code, year_value)]}", name))
        elif code is not None:
            seen[(code, year_value)] = row
        codes.append(code)
    columns: dict[str, pa.Array] = {}
    for col in values:
        try:
            columns[col] = raw.column(col).cast(pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            for row, cell in enumerate(raw.column(col).cast(pa.string()).to_pylist(), start=2):
                try:
                    float(cell) if cell is not None else None
                except ValueError:
                    problems.append(Violation(file, row, col, "is not a number", cell))
    if problems:
        raise ImportRejected(problems)
    return pa.table({"ccode": pa.array(codes, pa.int32()),
                     "year": pa.array([int(y) for y in years], pa.int32()), **columns})


def add_user_data(panel: Panel, path: str | Path, *, prefix: str = "user_") -> Panel:
    """Add the numeric columns of a user's state-year CSV, named ``{prefix}{column}``.

    Use it for indicators no open source covers here, such as civil-military relations
    scores (civilian control, military budget oversight) to read beside
    :func:`add_democracy`. The file needs ``actor`` (COW code, ISO3 or name) and ``year``
    columns; see :func:`read_user_state_years` for the checks. State-years the file does not
    mention are null; on dyad-years each column is suffixed 1 and 2.
    """
    from detente.panels._spine import attach_state_values

    table = read_user_state_years(panel, path)
    names = [c for c in table.column_names if c not in ("ccode", "year")]
    renamed = table.rename_columns(["ccode", "year", *[f"{prefix}{c}" for c in names]])
    return panel.with_columns(attach_state_values(panel, renamed,
                                                  [f"{prefix}{c}" for c in names]))
