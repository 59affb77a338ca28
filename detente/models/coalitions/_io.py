"""Landscape inputs as files a planner can open, edit and feed back: CSV and JSON.

**CSV** (one sheet, spreadsheet friendly)::

    actor,size,ccode,USA,RUS,CHN
    USA,0.14,2,,-1,-0.5
    RUS,0.04,365,-1,,0.5
    CHN,0.22,710,-0.5,0.5,

The first columns are ``actor`` and ``size``; ``ccode`` (COW code) is optional. Then one
column per actor, named as the rows name the actors, in the same order: row ``i``, column
``j`` holds ``p_ij``. The diagonal is blank (or 0). The matrix must be symmetric.

**JSON** keeps everything, provenance included::

    {"format": "detente.landscape_inputs", "version": 1, "year": 2000,
     "actors": [{"name": "USA", "size": 0.14, "ccode": 2}, ...],
     "propensity": [[0, -1, -0.5], ...],
     "data_versions": {...}, "provenance": {...}}

Reading is all or nothing: every problem is listed in one :class:`~detente._errors.ImportRejected`
with the file, the row (the CSV line, or the actor's position in the JSON list) and the
column or field, and no inputs are returned.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np

from detente._errors import ImportRejected, Violation
from detente.models.coalitions._inputs import LandscapeInputs, Problem, check_inputs

FORMAT = "detente.landscape_inputs"
VERSION = 1


def write_inputs(inputs: LandscapeInputs, path: str | Path) -> Path:
    """Write ``inputs`` to ``.csv`` (actors, sizes, codes, matrix) or ``.json`` (everything).

    Numbers are written at full precision, so reading the file back gives the same inputs.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise ValueError(f"{path}: write landscape inputs as .csv or .json")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".json":
        doc = {
            "format": FORMAT, "version": VERSION, "year": inputs.year,
            "actors": [{"name": a, "size": float(s),
                        **({"ccode": inputs.codes[i]} if inputs.codes is not None else {})}
                       for i, (a, s) in enumerate(zip(inputs.actors, inputs.sizes, strict=True))],
            "propensity": inputs.propensity.tolist(),
            "data_versions": dict(inputs.data_versions),
            "provenance": dict(inputs.provenance),
        }
        path.write_text(json.dumps(doc, indent=2))
        return path
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        extra = ["ccode"] if inputs.codes is not None else []
        writer.writerow(["actor", "size", *extra, *inputs.actors])
        for i, name in enumerate(inputs.actors):
            cells = ["" if i == j else repr(float(v)) for j, v in enumerate(inputs.propensity[i])]
            code = [str(inputs.codes[i])] if inputs.codes is not None else []
            writer.writerow([name, repr(float(inputs.sizes[i])), *code, *cells])
    return path


def read_inputs(path: str | Path) -> LandscapeInputs:
    """Read landscape inputs from a ``.csv`` or ``.json`` file (the formats above).

    Raises
    ------
    ImportRejected
        Listing every problem with file, row and column; nothing is returned.
    """
    path = Path(path)
    if not path.exists():
        raise ImportRejected([Violation(str(path), None, None, "file not found")])
    if path.suffix.lower() == ".json":
        return _read_json(path)
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    raise ImportRejected([Violation(str(path), None, None,
                                    "landscape inputs must be a .csv or .json file")])


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _read_csv(path: Path) -> LandscapeInputs:
    file = str(path)
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        records = [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]
    if not records:
        raise ImportRejected([Violation(file, None, None, "the file is empty")])
    problems: list[Violation] = []
    _, header = records[0]
    header = [h.strip() for h in header]
    lead = 3 if len(header) > 2 and header[2].lower() == "ccode" else 2
    if header[:2] != ["actor", "size"]:
        problems.append(Violation(file, 1, None, "the header must start with actor,size "
                                  "(then optionally ccode, then one column per actor)",
                                  ",".join(header[:3])))
        raise ImportRejected(problems)
    rows = records[1:]
    names = [r[0].strip() if r else "" for _, r in rows]
    columns = header[lead:]
    if columns != names:
        for j in range(max(len(columns), len(names))):
            want = names[j] if j < len(names) else None
            got = columns[j] if j < len(columns) else None
            if got != want:
                problems.append(Violation(
                    file, 1, got or f"(column {lead + j + 1})",
                    f"matrix column {j + 1} should name the actor of data row {j + 1} "
                    f"({want!r})" if want is not None else "has no matching data row"))
    n = len(names)
    sizes = np.full(n, np.nan)
    codes: list[int] | None = [] if lead == 3 else None
    prop = np.full((n, n), np.nan)
    for i, (line, row) in enumerate(rows):
        if len(row) != len(header):
            problems.append(Violation(file, line, None,
                                      f"has {len(row)} cells, the header has {len(header)}"))
            continue
        size = _number(row[1])
        if size is None:
            problems.append(Violation(file, line, "size", "is not a number", row[1]))
        else:
            sizes[i] = size
        if codes is not None:
            try:
                codes.append(int(row[2]))
            except ValueError:
                problems.append(Violation(file, line, "ccode", "is not a whole number", row[2]))
        for j, cell in enumerate(row[lead:]):
            text = cell.strip()
            if i == j and text == "":
                prop[i, j] = 0.0
                continue
            value = _number(text)
            if value is None:
                column = columns[j] if j < len(columns) else f"(column {lead + j + 1})"
                problems.append(Violation(file, line, column, "is not a number"
                                          if text else "is blank (only the diagonal may be)",
                                          text or None))
            else:
                prop[i, j] = value
    if not problems:
        lines = [line for line, _ in rows]
        problems += _located(file, check_inputs(names, sizes, prop, codes), lines, names)
    if problems:
        raise ImportRejected(problems)
    return LandscapeInputs(tuple(names), sizes, prop, codes=None if codes is None else tuple(codes),
                           provenance={"read_from": file})


def _located(file: str, problems: list[Problem], rows: list[int],
             names: list[str]) -> list[Violation]:
    """Problems found by :func:`check_inputs`, placed at their file row and column."""
    out = []
    for p in problems:
        row = rows[p.row] if p.row is not None and p.row < len(rows) else None
        column = names[p.column] if p.column is not None and p.column < len(names) else p.field
        out.append(Violation(file, row, column, p.message,
                             None if p.value is None else str(p.value)))
    return out


def _read_json(path: Path) -> LandscapeInputs:
    file = str(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ImportRejected([Violation(file, getattr(exc, "lineno", None), None,
                                        f"not valid JSON: {exc}")]) from None
    problems: list[Violation] = []
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRejected([Violation(file, None, "format",
                                        f"must be {FORMAT!r} (write the file with write_inputs)")])
    actors = doc.get("actors")
    matrix = doc.get("propensity")
    if not isinstance(actors, list) or not isinstance(matrix, list):
        raise ImportRejected([Violation(file, None, "actors/propensity",
                                        "both must be lists")])
    n = len(actors)
    names: list[str] = []
    sizes = np.full(n, np.nan)
    codes: list[int] | None = [] if actors and all(
        isinstance(a, dict) and "ccode" in a for a in actors) else None
    for i, actor in enumerate(actors):
        if not isinstance(actor, dict):
            problems.append(Violation(file, i + 1, "actors", "each actor must be an object"))
            names.append("")
            continue
        names.append(str(actor.get("name", "")))
        size = actor.get("size")
        if isinstance(size, int | float) and not isinstance(size, bool):
            sizes[i] = float(size)
        else:
            problems.append(Violation(file, i + 1, "size", "is not a number", repr(size)))
        if codes is not None:
            if isinstance(actor["ccode"], int):
                codes.append(actor["ccode"])
            else:
                problems.append(Violation(file, i + 1, "ccode", "is not a whole number",
                                          repr(actor["ccode"])))
    prop = np.full((n, n), np.nan)
    if len(matrix) != n:
        problems.append(Violation(file, None, "propensity",
                                  f"has {len(matrix)} rows for {n} actors"))
    for i, row in enumerate(matrix[:n]):
        if not isinstance(row, list) or len(row) != n:
            problems.append(Violation(file, i + 1, "propensity",
                                      f"row must list {n} numbers"))
            continue
        for j, value in enumerate(row):
            if i == j and value is None:
                prop[i, j] = 0.0
            elif isinstance(value, int | float) and not isinstance(value, bool):
                prop[i, j] = float(value)
            else:
                column = names[j] if j < len(names) else f"propensity[{i}][{j}]"
                problems.append(Violation(file, i + 1, column, "is not a number", repr(value)))
    if not problems:
        problems += _located(file, check_inputs(names, sizes, prop, codes),
                             list(range(1, n + 1)), names)
    if problems:
        raise ImportRejected(problems)
    provenance = {**(doc.get("provenance") or {}), "read_from": file}
    return LandscapeInputs(tuple(names), sizes, prop,
                           codes=None if codes is None else tuple(codes), year=doc.get("year"),
                           data_versions=doc.get("data_versions") or {}, provenance=provenance)
