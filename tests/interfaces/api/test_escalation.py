"""The escalation endpoints on the real store: the ladder and strategies, experiments
calibrated from the data for a year (equal to the library's own result, reproducible with a
seed), and refusals that name the field, including requests too large to run synchronously."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from fastapi.testclient import TestClient

from detente.models.escalation import (
    ENGAGEMENT_STRATEGIES,
    MILITARY_DIPLOMACY,
    STRATEGIES,
    EscalationGame,
    calibrate,
    sweep,
)
from detente.store import Store

API = "/api/v1/escalation"
TEN = ["USA", "CHN", "JPN", "RUS", "UKG", "FRN", "IND", "PAK", "GMY", "ITA"]
TYPICAL = {"year": 2010, "states": TEN, "strategies": ["tft", "gtft", "grit", "wsls"],
           "noise": [0, 0.05, 0.1], "rounds": 50, "replicates": 20, "seed": 7}


def test_ladder_lists_every_rung_with_its_score() -> None:
    from detente.interfaces.api.routes.escalation import get_ladder

    ladder = get_ladder()
    assert [r.name for r in ladder.rungs] == MILITARY_DIPLOMACY.names
    assert ladder.engagement == "joint_exercise"
    strike = ladder.rungs[-1]
    assert (strike.category, strike.score) == ("violent escalation", 28.0)
    assert ladder.scale["posturing"] == 4.0


def test_strategies_carry_their_classifiers(client: TestClient) -> None:
    body = client.get(f"{API}/strategies").json()
    rows = {r["key"]: r for r in body["data"]}
    assert set(rows) == set(STRATEGIES) and body["count"] == len(STRATEGIES)
    assert {k for k, r in rows.items() if r["planner"]} == set(ENGAGEMENT_STRATEGIES)
    assert rows["gtft"]["stochastic"] and not rows["tft"]["stochastic"]
    assert rows["engage_hedge"]["memory_depth"] is None  # unbounded: reads accumulated trust
    assert rows["tft"]["reference"] == "Axelrod (1984)"


def test_compare_returns_the_library_sweep_with_provenance(client: TestClient,
                                                           store: Store) -> None:
    response = client.post(f"{API}/compare", json=TYPICAL)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == 12 and body["seed"] == 7
    network = calibrate(store, 2010, TEN)
    expected = sweep(network, {"strategies": TYPICAL["strategies"], "noise": TYPICAL["noise"]},
                     base=EscalationGame(rounds=50, replicates=20), seed=7)
    got = pl.DataFrame(body["data"]).select(expected.drop("task", "strategies").columns)
    assert got.equals(expected.drop("task", "strategies"))
    inputs = {i["input"]: i["kind"] for i in body["network"]["inputs"]}
    assert inputs == {"capability": "measured", "trust": "measured", "channel": "proxy",
                      "dyads": "selection"}
    assert body["network"]["dyads"] == 45 and body["network"]["year"] == 2010
    assert body["data_versions"]["cow_nmc"] == "7.0" and body["data_versions"]["atop"] == "5.1"
    hrefs = {s["id"]: s["href"] for s in body["sources"]}
    assert hrefs["cow_nmc"] == "/sources#src-cow_nmc-7.0"


def test_same_seed_same_tables_and_another_seed_differs(client: TestClient) -> None:
    first = client.post(f"{API}/compare", json=TYPICAL).json()
    again = client.post(f"{API}/compare", json=TYPICAL).json()
    other = client.post(f"{API}/compare", json={**TYPICAL, "seed": 8}).json()
    assert first["data"] == again["data"]
    assert first["data"] != other["data"]


def test_channels_are_a_grid_axis(client: TestClient) -> None:
    body = client.post(f"{API}/compare", json={
        "year": 2010, "states": ["USA", "CHN", "JPN"], "strategies": ["tft"],
        "noise": [0.1], "channels": [0, 1], "rounds": 20, "replicates": 5}).json()
    assert [(r["strategy"], r["noise"], r["channel"]) for r in body["data"]] == [
        ("tft", 0.1, 0.0), ("tft", 0.1, 1.0)]


def test_run_assigns_strategies_per_state_and_returns_every_table(client: TestClient) -> None:
    request = {"year": 2010, "states": ["USA", "CHN", "JPN"], "noise": 0.05,
               "strategies": {"USA": "grit", "*": "tft"}, "rounds": 30, "replicates": 10,
               "seed": 3}
    response = client.post(f"{API}/run", json=request)
    assert response.status_code == 200, response.text
    body = response.json()
    assert {s["state"]: s["strategy"] for s in body["states"]} == {
        "USA": "grit", "CHN": "tft", "JPN": "tft"}
    assert {s["strategy"] for s in body["strategies"]} == {"grit", "tft"}
    assert {(d["ccode1"], d["ccode2"]) for d in body["dyads"]} == {(2, 710), (2, 740),
                                                                    (710, 740)}
    assert len(body["rounds"]) == 30 * 2
    assert body["summary"]["dyad_rounds"] == 3 * 30 * 10
    assert body["params"]["strategies"] == {"USA": "grit", "*": "tft"}
    assert body["params"]["noise"] == 0.05 and body["seed"] == 3
    assert client.post(f"{API}/run", json=request).json() == body


def test_ties_keeps_the_defence_network_and_a_region_picks_its_members(
        client: TestClient) -> None:
    ties = client.post(f"{API}/run", json={"year": 2010, "dyads": "ties", "states": TEN,
                                           "rounds": 5, "replicates": 2}).json()
    assert 0 < ties["network"]["dyads"] < 45
    assert ties["network"]["inputs"][-1]["note"].startswith("defence network")
    region = client.post(f"{API}/run", json={"year": 2010, "region": "Eastern Asia",
                                             "rounds": 5, "replicates": 2}).json()
    assert {"CHN", "JPN", "ROK", "PRK", "MON"} <= set(region["network"]["states"])
    assert "USA" not in region["network"]["states"]


def test_a_made_up_network_reads_no_data(client: TestClient) -> None:
    body = client.post(f"{API}/run", json={"states": ["A", "B", "C"], "trust": 0.8,
                                           "channel": 1, "rounds": 10, "replicates": 3}).json()
    assert body["network"]["inputs"] == [{"input": "network", "kind": "made up", "note": (
        "made up: all pairs of 3 states, initial trust 0.8 both ways, channel 1 on every "
        "dyad, equal capabilities; nothing read from the store")}]
    assert body["data_versions"] == {} and body["sources"] == []
    assert {d["channel"] for d in body["dyads"]} == {1.0}


@pytest.mark.parametrize(("path", "request_body", "field", "text"), [
    ("compare", {"year": 2010, "states": ["USA", "Atlantis"]}, "states",
     "no state matches 'Atlantis'"),
    ("compare", {"year": 1700, "states": ["USA", "UKG"]}, "year", "outside COW system"),
    ("compare", {"year": 2010}, "states", "over the limit of 5,000 dyads"),
    ("compare", {**TYPICAL, "rounds": 1000, "replicates": 1000}, "replicates",
     "45 dyads x 1,000 rounds x 1,000 replicates x 12 run(s) = 540,000,000 dyad-rounds"),
    ("compare", {**TYPICAL, "strategies": ["tft", "nicest"]}, "strategies.1",
     "unknown strategy 'nicest'"),
    ("compare", {**TYPICAL, "noise": [0.1, 1.5]}, "noise.1", "less than or equal to 1"),
    ("compare", {**TYPICAL, "replicates": 0}, "replicates", "greater than or equal to 1"),
    ("compare", {"region": "Eastern Asia"}, "region", "a region needs a year"),
    ("compare", {"year": 2010, "region": "Eastern Asia", "states": ["USA", "CHN"]}, "region",
     "not both"),
    ("compare", {"year": 2010, "region": "Narnia"}, "region", "unknown region 'Narnia'"),
    ("compare", {"states": ["A"]}, "states", "at least 2 items"),
    ("compare", {**TYPICAL, "colour": "red"}, "colour", "Extra inputs are not permitted"),
    ("run", {"year": 2010, "states": ["USA", "CHN"], "engagement": "picnic"}, "engagement",
     "Input should be"),
    ("run", {"year": 2010, "states": ["USA", "CHN"], "engagement": "strike"}, "engagement",
     "'dialogue', 'hadr', 'joint_exercise' or 'arms_sale'"),
    ("run", {"year": 2010, "states": ["USA", "CHN"], "strategies": {"JPN": "tft"}},
     "strategies", "'JPN' is not a state of this network"),
    ("run", {"year": 2010, "states": ["USA", "CHN"], "strategies": "gtft(generosity=2)"},
     "strategies", "generosity"),
    ("run", {"states": ["A", "A"]}, "states", "unique"),
    ("run", {}, "states", "give a year"),
])
def test_bad_experiments_are_refused_naming_the_field(
        client: TestClient, path: str, request_body: dict[str, Any], field: str,
        text: str) -> None:
    response = client.post(f"{API}/{path}", json=request_body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field], errors
    assert text in errors[0]["message"]
