"""Build an :class:`Issue` from a file, from the store for chosen states, or the EC example.

Files are checked whole before anything is returned: every problem (a missing column, a cell
that is not a number, a capability below 0, a salience outside 0-100, a repeated actor, a
name that is not a state) becomes one :class:`~detente._errors.Violation` naming the file,
row and column, and :class:`~detente._errors.ImportRejected` lists them all.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from detente._errors import ActorError, DetenteError, ImportRejected, ModelInputError, Violation
from detente.models.bargaining._issue import Issue

if TYPE_CHECKING:
    from detente.store import Store

EXAMPLE_TABLE = "bdm_eu_actors"
_ALIASES = {"actor": ("actor", "name"), "capability": ("capability",),
            "position": ("position",), "salience": ("salience",)}


def read_issue(path: str | Path, *, store: Store | None = None, year: int | None = None,
               measure: str = "cinc", scale: tuple[float, float] | None = None,
               name: str | None = None) -> Issue:
    """Read actors from a CSV or JSON file.

    A CSV file has a header with ``actor`` (or ``name``), ``capability``, ``position`` and
    ``salience`` (any case, any order, other columns ignored); line endings may be LF, CRLF or
    a bare CR (old Mac files such as the EC example). A JSON file holds a list of such
    records, or an object ``{"actors": [...], "scale": [low, high], "name": "..."}``; its
    "rows" are the 1-based record numbers.

    When the file has no ``capability`` column, each actor must name a state (COW code, ISO3
    or name) and the capability is read from the store: ``measure`` in ``year``, renormalised
    among the actors (see :func:`issue_from_states`).

    Raises
    ------
    ImportRejected
        Listing every problem with file, row and column; nothing is returned.
    """
    path = Path(path)
    if not path.exists():
        raise ImportRejected([Violation(str(path), None, None, "file not found")])
    records, meta = _records(path)
    need_capability = bool(records) and not any("capability" in r for _, r in records)
    columns = [c for c in _ALIASES if not (c == "capability" and need_capability)]
    problems: list[Violation] = []
    values: dict[str, list[Any]] = {c: [] for c in columns}
    file = str(path)
    if not records:
        problems.append(Violation(file, None, None, "has no actors"))
    for row, record in records:
        for col in columns:
            raw = _column(record, col)
            value, message = _parse(col, raw)
            if message:
                problems.append(Violation(file, row, col, message, None if raw is None else str(raw)))
            values[col].append(value)
    seen: dict[str, int] = {}
    for row, actor in zip((r for r, _ in records), values.get("actor", []), strict=True):
        if actor in seen:
            problems.append(Violation(file, row, "actor", f"repeats row {seen[actor]}", actor))
        elif actor is not None:
            seen[actor] = row
    if need_capability and not problems:
        if store is None or year is None:
            problems.append(Violation(file, None, "capability", "column is missing; give it, or "
                                      "a store and a year to read capability from (--year)"))
        else:
            found, failures = _state_capabilities(store, values["actor"], year, measure)
            problems += [Violation(file, records[i][0], "actor", msg, values["actor"][i])
                         for i, msg in failures.items()]
            values["capability"] = found
    if problems:
        raise ImportRejected(problems)
    try:
        return Issue(tuple(values["actor"]), values["capability"], values["position"],
                     values["salience"], scale=scale or meta.get("scale"),
                     name=name if name is not None else str(meta.get("name") or path.stem),
                     data_versions=_versions(store, measure) if need_capability else {})
    except ModelInputError as exc:
        raise ImportRejected([Violation(file, None, None, str(exc))]) from None


def issue_from_states(store: Store, positions: Mapping[str | int, float],
                      saliences: Mapping[str | int, float], *, year: int,
                      measure: str = "cinc", scale: tuple[float, float] | None = None,
                      name: str = "") -> Issue:
    """An issue among states: capability from the store, positions and saliences from you.

    Each key names a state (COW code, ISO3, COW abbreviation or name; see
    :func:`detente.actors.resolve_actor`). Capability is the state's ``measure`` in ``year``
    recomputed among these states only (shares renormalised within the set):
    any registered measure (``detente measure list``: ``"cinc"``, ``"milex_share"``, ...).
    Renormalising within the set answers "how is capability
    distributed among the parties at the table"; the model only uses ratios.

    Raises
    ------
    ModelInputError
        A state that cannot be resolved or has no capability that year, or keys of
        ``positions`` and ``saliences`` that differ.
    """
    if set(positions) != set(saliences):
        raise ModelInputError("positions and saliences must name the same actors; differing: "
                              f"{sorted(map(str, set(positions) ^ set(saliences)))}")
    labels = [str(k) for k in positions]
    found, failures = _state_capabilities(store, labels, year, measure)
    if failures:
        raise ModelInputError("; ".join(f"{labels[i]}: {m}" for i, m in failures.items()))
    return Issue(tuple(labels), found, [float(positions[k]) for k in positions],
                 [float(saliences[k]) for k in positions], scale=scale, name=name,
                 data_versions=_versions(store, measure))


def example_issue(store: Store) -> Issue:
    """The EC car-emission-standards issue (Bueno de Mesquita 1994; Scholz et al. 2011).

    Ten EC members; position in years until standards apply (4-10), capability 0-1, salience
    0-100. Read from the store table ``bdm_eu_actors`` (``detente data pull
    bdm_eu_emissions``).
    """
    store.require(EXAMPLE_TABLE)
    import polars as pl

    frame = pl.from_arrow(store.arrow(f"SELECT * FROM {EXAMPLE_TABLE} ORDER BY source_row"))
    assert isinstance(frame, pl.DataFrame)
    return Issue.from_frame(frame, name="EC car-emission standards (years)",
                            data_versions=store.data_versions([EXAMPLE_TABLE]))


# -- helpers --------------------------------------------------------------------------------
def _records(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], dict[str, Any]]:
    file = str(path)
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportRejected([Violation(file, exc.lineno, None, f"is not JSON: {exc.msg}")]) from None
        meta: dict[str, Any] = {}
        if isinstance(data, dict):
            meta = {"name": data.get("name"), "scale": _scale(file, data.get("scale"))}
            data = data.get("actors")
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ImportRejected([Violation(file, None, None, "must hold a list of actor records "
                                            "or {\"actors\": [...]}")])
        return [(i + 1, {str(k).strip().lower(): v for k, v in r.items()})
                for i, r in enumerate(data)], meta
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(lines))
    rows = list(reader)
    if not rows:
        return [], {}
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in _ALIASES if c != "capability" and not set(_ALIASES[c]) & set(header)]
    if missing:
        raise ImportRejected([Violation(file, 1, c, f"column is missing (header has: "
                                        f"{', '.join(header)})") for c in missing])
    records = [(line, dict(zip(header, row, strict=False)))
               for line, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    return records, {}


def _scale(file: str, value: Any) -> tuple[float, float] | None:
    if value is None:
        return None
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int | float) for v in value)):
        return float(value[0]), float(value[1])
    raise ImportRejected([Violation(file, None, "scale", "must be [low, high]", str(value))])


def _column(record: dict[str, Any], column: str) -> Any:
    for alias in _ALIASES[column]:
        if alias in record:
            return record[alias]
    return None


def _parse(column: str, raw: Any) -> tuple[Any, str | None]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "is missing"
    if column == "actor":
        return str(raw).strip(), None
    if isinstance(raw, bool):
        return None, "is not a number"
    try:
        value = float(raw.strip() if isinstance(raw, str) else raw)
    except (TypeError, ValueError):
        return None, "is not a number"
    if not math.isfinite(value):
        return None, "is not a finite number"
    if column == "capability" and value < 0:
        return None, "is negative"
    if column == "salience" and not 0 <= value <= 100:
        return None, "is outside [0, 100]"
    return value, None


def _state_capabilities(store: Store, labels: Sequence[str], year: int, measure: str
                        ) -> tuple[list[float], dict[int, str]]:
    """Capability of each labelled state in ``year``; failures by index with a reason."""
    from detente.actors import resolve_actor
    from detente.measures import get_measure

    try:
        chosen = get_measure(measure)
    except DetenteError as exc:
        raise ModelInputError(str(exc)) from None
    failures: dict[int, str] = {}
    codes: dict[int, int] = {}
    for i, label in enumerate(labels):
        try:
            codes[i] = resolve_actor(store, label, year=year).ccode
        except ActorError as exc:
            failures[i] = f"does not name a state in {year}: {exc}"
    table = chosen.values(store, (year, year), sorted(set(codes.values())))
    by_code = dict(zip(table.column("ccode").to_pylist(), table.column("value").to_pylist(),
                       strict=True))
    values = []
    for i in range(len(labels)):
        value = by_code.get(codes[i]) if i in codes else None
        if i in codes and value is None:
            failures[i] = f"has no {measure} in {year} ({', '.join(chosen.tables)})"
        values.append(float(value) if value is not None else np.nan)
    return values, failures


def _versions(store: Store | None, measure: str = "cinc") -> dict[str, str]:
    from detente.measures import get_measure

    return store.data_versions(list(get_measure(measure).tables)) if store is not None else {}
