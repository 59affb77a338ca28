"""The Axelrod-Furnas matrix is melted with its labels checked (made-up broken matrices)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from detente._errors import SchemaViolation
from detente.sources.landscape_furnas import LABELS, _melt
from detente.store import Store


def _wide(rows: dict[str, list[str | None]], header: list[str]) -> dict[str, pa.Table]:
    """A made-up matrix file as the reader returns it: label column "", one column per label."""
    labels = list(rows)
    cols = {"": pa.array(labels, pa.string())}
    for j, name in enumerate(header):
        cols[name] = pa.array([rows[r][j] for r in labels], pa.string())
    cols["_row"] = pa.array(range(2, len(labels) + 2), pa.int64())
    return {"propensities": pa.table(cols)}


def test_melt_keeps_off_diagonal_cells_and_maps_labels() -> None:
    raw = _wide({"US": [None, "2"], "Iraq": ["4", None]}, ["US", "Iraq"])
    long = _melt(raw)["propensities"].to_pylist()
    assert [(r["actor1"], r["actor2"], r["raw"], r["_row"]) for r in long] == [
        ("US", "Baghdad", "2", 2), ("Baghdad", "US", "4", 3)]


def test_melt_refuses_a_filled_diagonal_unknown_labels_and_reordered_rows() -> None:
    with pytest.raises(SchemaViolation, match="row 2, column 'US': the diagonal must be blank"):
        _melt(_wide({"US": ["3", "2"], "Rus": ["2", None]}, ["US", "Rus"]))
    with pytest.raises(SchemaViolation, match="column 'Kurds': is not a known actor label"):
        _melt(_wide({"US": [None, "2"], "Kurds": ["2", None]}, ["US", "Kurds"]))
    with pytest.raises(SchemaViolation, match="row label should be 'US'"):
        _melt(_wide({"Rus": ["2", None], "US": [None, "2"]}, ["US", "Rus"]))


def test_loaded_matrix_is_complete_and_symmetric(store: Store) -> None:
    rows = store.rows("SELECT a.actor1, a.actor2, a.raw, b.raw FROM furnas_propensities a "
                      "JOIN furnas_propensities b ON a.actor1 = b.actor2 AND a.actor2 = b.actor1")
    assert len(rows) == 110 and all(r[2] == r[3] for r in rows)
    assert {r[0] for r in rows} == set(LABELS.values())
