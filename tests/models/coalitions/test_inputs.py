"""Landscape inputs: validation, edits, and CSV/JSON files that round-trip and refuse bad cells."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from detente._errors import ImportRejected, ModelInputError
from detente.models.coalitions import (
    Landscape,
    LandscapeInputs,
    read_inputs,
    write_inputs,
)


def test_validation_lists_every_problem() -> None:
    with pytest.raises(ModelInputError) as caught:
        LandscapeInputs(("A", "A", "C"), np.array([1.0, -2.0, np.nan]),
                        np.array([[1, 1, 2], [1, 0, 0], [0, 0, 0]]))
    text = str(caught.value)
    assert "repeats the name of actor 1" in text
    assert "row A, size: must be a finite number > 0 (value -2.0)" in text
    assert "the diagonal must be 0" in text
    assert "must be symmetric: A->C is 2 but C->A is 0" in text
    with pytest.raises(ModelInputError, match="at least 2 actors"):
        LandscapeInputs(("A",), np.ones(1), np.zeros((1, 1)))


def test_symmetrized_edits_and_subsets() -> None:
    asym = np.array([[0, 1, 3], [1, 0, 0], [1, 0, 0]])
    with pytest.raises(ModelInputError, match="symmetrized"):
        LandscapeInputs(("A", "B", "C"), np.ones(3), asym)
    inputs = LandscapeInputs.symmetrized(("A", "B", "C"), np.ones(3), asym)
    assert inputs.propensity[0, 2] == inputs.propensity[2, 0] == 2.0
    assert inputs.provenance["symmetrized"] is True
    edited = inputs.with_propensity("a", "C", -1).with_size("B", 5)
    assert edited.propensity[0, 2] == edited.propensity[2, 0] == -1.0
    assert edited.sizes.tolist() == [1, 5, 1]
    assert edited.provenance["edits"] == ["p(A, C) = -1", "s(B) = 5"]
    assert inputs.propensity[0, 2] == 2.0                      # the original is unchanged
    sub = edited.subset(["C", "A"])
    assert sub.actors == ("C", "A") and sub.propensity[0, 1] == -1.0
    with pytest.raises(ModelInputError, match="'Z' is not one of the actors"):
        inputs.index("Z")
    with pytest.raises(ValueError, match="read-only"):
        inputs.sizes[0] = 3


def test_csv_and_json_round_trip_and_feed_back(syria: LandscapeInputs, tmp_path: Path) -> None:
    edited = syria.with_propensity("US", "Turkey", 0)
    for name in ("syria.csv", "syria.json"):
        path = write_inputs(edited, tmp_path / name)
        back = read_inputs(path)
        assert back.actors == edited.actors
        assert np.array_equal(back.sizes, edited.sizes)
        assert np.array_equal(back.propensity, edited.propensity)
    again = read_inputs(tmp_path / "syria.json")
    assert again.data_versions == {"landscape_furnas": "2016-02-20"}
    assert again.provenance["edits"] == ["p(US, Turkey) = 0"]
    # the edited landscape differs from the published one, and runs from the file as is
    result = Landscape().run(read_inputs(tmp_path / "syria.csv"), seed=0)
    assert result.table["energy"].to_list() != [-83200]
    assert result.table["energy"].to_list() == Landscape().run(edited, seed=0).table[
        "energy"].to_list()


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_bad_csv_names_file_row_and_column(tmp_path: Path) -> None:
    # made-up, deliberately broken: a non-number, a blank off the diagonal, a bad size
    path = _write(tmp_path / "bad.csv", "actor,size,A,B,C\n"
                  "A,1,,x,1\n"
                  "B,zero,1,,\n"
                  "C,2,1,1,\n")
    with pytest.raises(ImportRejected) as caught:
        read_inputs(path)
    text = str(caught.value)
    assert f"{path}, row 2, column 'B': is not a number (value 'x')" in text
    assert f"{path}, row 3, column 'size': is not a number (value 'zero')" in text
    assert f"{path}, row 3, column 'C': is blank (only the diagonal may be)" in text


def test_csv_header_and_symmetry_problems(tmp_path: Path) -> None:
    header = _write(tmp_path / "header.csv", "name,size,A\nA,1,\n")
    with pytest.raises(ImportRejected, match="must start with actor,size"):
        read_inputs(header)
    order = _write(tmp_path / "order.csv", "actor,size,B,A\nA,1,,1\nB,1,1,\n")
    with pytest.raises(ImportRejected, match="row 1, column 'B': matrix column 1 should name"):
        read_inputs(order)
    asym = _write(tmp_path / "asym.csv", "actor,size,ccode,A,B\nA,1,2,,1\nB,-1,20,3,\n")
    with pytest.raises(ImportRejected) as caught:
        read_inputs(asym)
    text = str(caught.value)
    assert "row 3, column 'size': must be a finite number > 0" in text
    assert "row 3, column 'A': propensities must be symmetric: A->B is 1 but B->A is 3" in text


def test_bad_json_is_refused_whole(tmp_path: Path) -> None:
    broken = _write(tmp_path / "broken.json", "{not json")
    with pytest.raises(ImportRejected, match="not valid JSON"):
        read_inputs(broken)
    wrong = _write(tmp_path / "wrong.json", '{"format": "other"}')
    with pytest.raises(ImportRejected, match="format"):
        read_inputs(wrong)
    cells = _write(tmp_path / "cells.json", '{"format": "detente.landscape_inputs", '
                   '"actors": [{"name": "A", "size": 1}, {"name": "B", "size": "big"}], '
                   '"propensity": [[null, 1], [true, null]]}')
    with pytest.raises(ImportRejected) as caught:
        read_inputs(cells)
    text = str(caught.value)
    assert "row 2, column 'size': is not a number" in text
    assert "row 2, column 'A': is not a number (value 'True')" in text
    with pytest.raises(ImportRejected, match="file not found"):
        read_inputs(tmp_path / "missing.csv")
    with pytest.raises(ImportRejected, match=".csv or .json"):
        read_inputs(_write(tmp_path / "inputs.txt", "x"))
