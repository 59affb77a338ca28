"""Reading issues: the EC file as published (CR line endings), JSON, states from the store."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from detente._errors import ImportRejected, ModelInputError
from detente.measures import cinc
from detente.models.bargaining import Issue, issue_from_states, read_issue
from detente.store import Store

EC_FILE = "bdm_eu_emissions_1994/ExampleActors.csv"


def test_reads_the_ec_file_as_published(mirror: Path, ec: Issue) -> None:
    """The mirror's bytes end lines with a bare CR; the reader and the store agree."""
    raw = (mirror / EC_FILE).read_bytes()
    assert b"\r" in raw and b"\n" not in raw
    issue = read_issue(mirror / EC_FILE)
    assert issue.actors == ec.actors
    np.testing.assert_array_equal(issue.capability, ec.capability)
    np.testing.assert_array_equal(issue.position, ec.position)
    np.testing.assert_array_equal(issue.salience, ec.salience)
    assert issue.scale == (4.0, 10.0) and issue.name == "ExampleActors"


def test_crlf_and_json_give_the_same_issue(mirror: Path, tmp_path: Path, ec: Issue) -> None:
    text = (mirror / EC_FILE).read_bytes().decode().replace("\r", "\r\n")
    (tmp_path / "ec.csv").write_text(text, newline="")
    assert read_issue(tmp_path / "ec.csv").actors == ec.actors
    (tmp_path / "ec.json").write_text(json.dumps(ec.to_dict()))
    again = read_issue(tmp_path / "ec.json")
    assert again.actors == ec.actors and again.scale == ec.scale
    np.testing.assert_array_equal(again.salience, ec.salience)


def test_every_bad_cell_is_named(tmp_path: Path) -> None:
    """Made-up file with one problem per row; all are reported, with row and column."""
    bad = tmp_path / "bad.csv"
    bad.write_text("Actor,Capability,Position,Salience\n"
                   "A,0.5,4,80\nB,-1,7,40\nC,0.2,seven,20\nA,0.1,5,101\nD,0.1,,30\n")
    with pytest.raises(ImportRejected) as caught:
        read_issue(bad)
    found = {(v.row, v.column): v.message for v in caught.value.violations}
    assert found == {(3, "capability"): "is negative", (4, "position"): "is not a number",
                     (5, "salience"): "is outside [0, 100]", (5, "actor"): "repeats row 2",
                     (6, "position"): "is missing"}
    assert f"{bad}, row 4, column 'position': is not a number (value 'seven')" in str(caught.value)


def test_missing_column_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("name,position\nA,1\nB,2\n")
    with pytest.raises(ImportRejected, match="row 1, column 'salience': column is missing"):
        read_issue(path)
    with pytest.raises(ImportRejected, match="file not found"):
        read_issue(tmp_path / "nope.csv")
    (tmp_path / "broken.json").write_text("[{\"actor\": ")
    with pytest.raises(ImportRejected, match="is not JSON"):
        read_issue(tmp_path / "broken.json")


def test_capability_from_cinc_for_named_states(store: Store, tmp_path: Path) -> None:
    """No capability column: each actor names a state, capability is CINC among them in 2012."""
    path = tmp_path / "p5.csv"
    path.write_text("name,position,salience\nUSA,8,90\nChina,2,80\nRUS,3,60\n"
                    "United Kingdom,7,50\nFRA,7,50\n")
    issue = read_issue(path, store=store, year=2012)
    expected = cinc(store, years=(2012, 2012), states=[2, 710, 365, 200, 220])
    by_code = dict(zip(expected["ccode"].to_pylist(), expected["cinc"].to_pylist(), strict=True))
    np.testing.assert_allclose(issue.capability,
                               [by_code[c] for c in (2, 710, 365, 200, 220)])
    assert issue.capability.sum() == pytest.approx(1.0, abs=1e-9)
    assert issue.data_versions == {"cow_nmc": "7.0"}
    with pytest.raises(ImportRejected, match="column 'capability': column is missing"):
        read_issue(path)


def test_unknown_state_is_named_with_its_row(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "atlantis.csv"
    path.write_text("name,position,salience\nUSA,8,90\nAtlantis,2,80\n")
    with pytest.raises(ImportRejected, match=r"row 3, column 'actor': does not name a state"):
        read_issue(path, store=store, year=2012)


def test_issue_from_states_with_another_measure(store: Store) -> None:
    issue = issue_from_states(store, {"USA": 8, "CHN": 2}, {"USA": 90, "CHN": 80}, year=2012,
                              measure="milex_share", name="spending")
    shares = cinc(store, years=(2012, 2012), states=[2, 710])["milex_share"].to_pylist()
    np.testing.assert_allclose(issue.capability, shares)
    with pytest.raises(ModelInputError, match="must name the same actors"):
        issue_from_states(store, {"USA": 8}, {"CHN": 80}, year=2012)
    with pytest.raises(ModelInputError, match="measure 'gdp'"):
        issue_from_states(store, {"USA": 8, "CHN": 2}, {"USA": 9, "CHN": 8}, year=2012,
                          measure="gdp")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"actors": ("A",)}, "at least two actors"),
    ({"actors": ("A", "A")}, "repeated: A"),
    ({"salience": (50, 120)}, r"salience is outside \[0, 100\] for B \(120\)"),
    ({"capability": (0, 0)}, "no actor has both capability and salience"),
    ({"scale": (0, 5)}, "position is outside the issue scale"),
    ({"position": (1, float("nan"))}, "position is not a finite number for B"),
])
def test_issue_validation(kwargs: dict[str, object], message: str) -> None:
    """Made-up two-actor issues, one flaw each."""
    base: dict[str, object] = {"actors": ("A", "B"), "capability": (1, 1),
                               "position": (1, 9), "salience": (50, 50)}
    with pytest.raises(ModelInputError, match=message):
        Issue(**{**base, **kwargs})  # type: ignore[arg-type]
