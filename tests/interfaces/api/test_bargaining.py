"""The bargaining endpoints as a client meets them, on the EC example and real capabilities:
runs, what-ifs, seeded sensitivity, pivotal actors; bad input answered at the field; the
work each request may do."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente.models.bargaining import (
    BargainingSensitivity,
    ExpectedUtilityBargaining,
    Scenario,
    compare_scenarios,
    example_issue,
    issue_from_states,
    pivotal_actors,
)
from detente.store import Store
from tests.interfaces.api._answers import answered, refused

URL = "/api/v1/bargaining"
EXAMPLE = {"kind": "example"}


def post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    return answered(client, f"{URL}/{path}", body)


def test_the_example_issue_is_served_to_edit(client: TestClient) -> None:
    body = client.get(f"{URL}/example").json()
    actors = body["issue"]["actors"]
    assert len(actors) == 10 and actors[0] == {"actor": "Netherlands", "capability": 0.08,
                                               "position": 4.0, "salience": 80.0}
    assert body["issue"]["scale"] == [4.0, 10.0] and "(years)" in body["issue"]["name"]
    assert body["sources"][0]["href"] == "/sources#src-bdm_eu_emissions-1994"


def test_run_on_the_ec_example_settles_where_the_library_does(client: TestClient,
                                                               store: Store) -> None:
    body = post(client, "run", {"issue": EXAMPLE})
    library = ExpectedUtilityBargaining().run(example_issue(store))
    forecasts = body["tables"]["forecasts"]
    assert forecasts[0]["median"] == 7.0
    assert forecasts[0]["mean"] == pytest.approx(500.3 / 67.7)  # computed by hand
    assert body["summary"]["median_final"] == pytest.approx(8.6022, abs=1e-4)
    assert [f["median"] for f in forecasts] == library.tables["forecasts"]["median"].to_list()
    assert len(body["table"]) == library.table.height == 10 * 101
    assert len(body["tables"]["offers"]) == library.tables["offers"].height
    assert body["offers"] == "all" and body["params"]["perspective"] == "receiver"
    assert body["data_versions"] == {"bdm_eu_emissions": "1994"}
    assert body["sources"][0]["id"] == "bdm_eu_emissions"


def test_offers_of_the_last_round_or_none(client: TestClient) -> None:
    last = post(client, "run", {"issue": EXAMPLE, "offers": "last"})
    rounds = {o["round"] for o in last["tables"]["offers"]}
    assert rounds == {last["summary"]["rounds"]}
    none = post(client, "run", {"issue": EXAMPLE, "offers": "none", "model": {"max_rounds": 3}})
    assert none["tables"]["offers"] == [] and none["summary"]["rounds"] == 3


def test_the_example_sent_back_as_given_actors_runs_the_same(client: TestClient) -> None:
    issue = client.get(f"{URL}/example").json()["issue"]
    given = post(client, "run", {"issue": issue, "offers": "none"})
    example = post(client, "run", {"issue": EXAMPLE, "offers": "none"})
    assert given["tables"]["forecasts"] == example["tables"]["forecasts"]
    assert given["data_versions"] == {} and given["sources"] == []


def test_states_issue_reads_capability_from_the_store(client: TestClient, store: Store) -> None:
    actors = [{"state": "USA", "position": 0, "salience": 60},
              {"state": "China", "position": 10, "salience": 80},
              {"state": "RUS", "position": 7, "salience": 70}]
    body = post(client, "run", {"issue": {"kind": "states", "year": 2012, "actors": actors,
                                          "name": "made-up stance"}, "offers": "none"})
    library = ExpectedUtilityBargaining().run(issue_from_states(
        store, {"USA": 0, "China": 10, "RUS": 7}, {"USA": 60, "China": 80, "RUS": 70},
        year=2012))
    assert body["summary"]["median_final"] == library.summary["median_final"]
    assert body["data_versions"] == {"cow_nmc": "7.0"}


def actors(*rows: tuple[str, float, float, float]) -> list[dict[str, Any]]:
    return [{"actor": a, "capability": c, "position": x, "salience": s} for a, c, x, s in rows]


@pytest.mark.parametrize(("body", "field", "text"), [
    ({"issue": {"kind": "given", "actors": actors(("A", 1, 0, 50), ("A", 1, 5, 50))}},
     "issue.actors.1.actor", "repeats"),
    ({"issue": {"kind": "given", "actors": actors(("A", -1, 0, 50), ("B", 1, 5, 50))}},
     "issue.given.actors.0.capability", "greater than or equal to 0"),
    ({"issue": {"kind": "given", "actors": actors(("A", 1, 0, 150), ("B", 1, 5, 50))}},
     "issue.given.actors.0.salience", "less than or equal to 100"),
    ({"issue": {"kind": "given", "actors": actors(("A", 1, 0, 50), ("B", 1, 12, 50)),
                "scale": [0, 10]}}, "issue", "outside the issue scale"),
    ({"issue": {"kind": "given", "actors": actors(("A", 0, 0, 50), ("B", 1, 5, 0))}},
     "issue", "no actor has both capability and salience"),
    ({"issue": {"kind": "given", "actors": actors(("A", 1, 0, 50))}},
     "issue.given.actors", "at least 2"),
    ({"issue": {"kind": "states", "year": 2012, "actors": [
        {"state": "USA", "position": 0, "salience": 5},
        {"state": "Atlantis", "position": 1, "salience": 5}]}}, "issue.actors", "Atlantis"),
    ({"issue": {"kind": "states", "year": 2012, "actors": [
        {"state": "USA", "position": 0, "salience": 5},
        {"state": "USA", "position": 1, "salience": 5}]}}, "issue.actors.1.state", "repeats"),
    ({"issue": {"kind": "treaty"}}, "issue", "tag"),
    ({"issue": EXAMPLE, "model": {"q": 2}}, "model.q", "less than or equal to 1"),
    ({"issue": EXAMPLE, "model": {"perspective": "mine"}}, "model.perspective", "Input should"),
    ({"issue": EXAMPLE, "model": {"max_rounds": 501}}, "model.max_rounds", "500"),
    ({"issue": EXAMPLE, "rounds": 5}, "rounds", "Extra inputs"),
])
def test_bad_issues_are_refused_at_the_field(client: TestClient, body: dict[str, Any],
                                             field: str, text: str) -> None:
    refused(client.post(f"{URL}/run", json=body), field, text)


def many(n: int) -> dict[str, Any]:
    """Made-up stances for ``n`` actors (a size bound, not a forecast)."""
    return {"kind": "given", "actors": actors(*((f"a{i}", 1 + i % 3, i % 11, 50 + i % 50)
                                                 for i in range(n)))}


def test_sizes_and_work_are_bounded(client: TestClient) -> None:
    refused(client.post(f"{URL}/run", json={"issue": many(101)}), "issue.given.actors",
            "at most 100")
    eight = [{"name": f"s{i}", "salience": {"a1": i}} for i in range(8)]
    refused(client.post(f"{URL}/whatif", json={"issue": many(100), "scenarios": eight}),
            "scenarios", "units of work")
    refused(client.post(f"{URL}/run", json={"issue": many(60)}), "offers", "'last'")
    body = post(client, "run", {"issue": many(60), "offers": "last", "model": {"max_rounds": 5}})
    assert len(body["tables"]["offers"]) <= 60 * 59
    refused(client.post(f"{URL}/sensitivity", json={"issue": EXAMPLE, "draws": 1000}),
            "draws", "4,000,000")
    refused(client.post(f"{URL}/pivotal", json={"issue": many(100)}), "issue.actors",
            "the pivotal test")


SCENARIOS = [{"name": "UK surge", "capability_factor": {"UK": 2}},
             {"name": "bloc", "coalitions": [["France", "Italy"]]},
             {"name": "resolve", "salience": {"Germany": 100}, "position": {"Greece": 9}}]


def test_whatif_compares_scenarios_like_the_library(client: TestClient, store: Store) -> None:
    body = post(client, "whatif", {"issue": EXAMPLE, "scenarios": SCENARIOS})
    library = compare_scenarios(example_issue(store), [
        Scenario("UK surge", capability_factor={"UK": 2}),
        Scenario("bloc", coalitions=(("France", "Italy"),)),
        Scenario("resolve", salience={"Germany": 100}, position={"Greece": 9})])
    assert [r["scenario"] for r in body["table"]] == ["baseline", "UK surge", "bloc", "resolve"]
    assert [r["median_final"] for r in body["table"]] == library.table["median_final"].to_list()
    assert body["table"][0]["median_shift"] == 0
    assert body["table"][2]["actors"] == 9 and "coalition France+Italy" in body["table"][2][
        "changes"]
    names = [f["scenario"] for f in body["tables"]["forecasts"]]
    assert names[0] == "baseline" and set(names) == {"baseline", "UK surge", "bloc", "resolve"}


@pytest.mark.parametrize(("scenarios", "field", "text"), [
    ([{"name": "x", "capability_factor": {"Narnia": 2}}], "scenarios.0", "'Narnia'"),
    ([{"name": "baseline", "salience": {"UK": 10}}], "scenarios.0.name", "baseline"),
    ([{"name": "x", "salience": {"UK": 10}}, {"name": "x", "salience": {"UK": 20}}],
     "scenarios", "unique"),
    ([{"name": "x", "coalitions": [["UK"]]}], "scenarios.0.coalitions.0", "at least 2"),
    ([], "scenarios", "at least 1"),
    ([{"name": f"s{i}", "salience": {"UK": i}} for i in range(9)], "scenarios", "at most 8"),
])
def test_bad_scenarios_are_refused_at_the_field(client: TestClient,
                                                scenarios: list[dict[str, Any]], field: str,
                                                text: str) -> None:
    refused(client.post(f"{URL}/whatif", json={"issue": EXAMPLE, "scenarios": scenarios}),
            field, text)


def test_sensitivity_is_reproducible_with_a_seed(client: TestClient, store: Store) -> None:
    request = {"issue": EXAMPLE, "draws": 12, "seed": 1, "model": {"max_rounds": 30}}
    first = post(client, "sensitivity", request)
    assert post(client, "sensitivity", request) == first
    assert first["seed"] == 1 and len(first["table"]) == 12
    library = BargainingSensitivity(
        draws=12, model_params=ExpectedUtilityBargaining(max_rounds=30).get_params()
    ).run(example_issue(store), seed=1)
    assert [d["median_final"] for d in first["table"]] == library.table["median_final"].to_list()
    quantiles = {q["forecast"]: q for q in first["tables"]["quantiles"]}
    assert quantiles["median_final"]["q05"] <= quantiles["median_final"]["q95"]
    other = post(client, "sensitivity", {**request, "seed": 2})
    assert other["table"] != first["table"]


def test_pivotal_actors_of_the_ec_example(client: TestClient, store: Store) -> None:
    body = post(client, "pivotal", {"issue": EXAMPLE})
    library = pivotal_actors(example_issue(store))
    assert [r["actor"] for r in body["table"]] == library["actor"].to_list()
    assert body["table"][0]["actor"] == "UK" and body["table"][0]["shift_without"] < -3
    assert body["params"]["factor"] == 2.0 and body["summary"]["factor"] == 2.0
