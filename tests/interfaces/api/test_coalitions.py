"""The coalition endpoints as a client meets them, on the real data: the Syria landscape,
store-built inputs, structural balance, partner ranking and what-if; bad input answered at
the field; bounds; seeds."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente.models.coalitions import (
    Landscape,
    StructuralBalance,
    build_inputs,
    rank_partners,
    signed_network,
)
from detente.store import Store
from tests.interfaces.api._answers import answered, refused

URL = "/api/v1/coalitions"
MIDDLE_EAST_15 = ["USA", "RUS", "CHN", "UKG", "FRN", "GMY", "JPN", "IND", "PAK", "IRN", "ISR",
                  "SAU", "TUR", "EGY", "SYR"]


def post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    return answered(client, f"{URL}/{path}", body)


def test_operation_ids_are_stable(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {"coalitions-get_options", "coalitions-post_inputs", "coalitions-post_landscape",
            "coalitions-get_balance", "coalitions-post_partners", "coalitions-post_whatif",
            "bargaining-get_example_issue", "bargaining-post_run", "bargaining-post_whatif",
            "bargaining-post_sensitivity", "bargaining-post_pivotal"} <= ids


def test_options_list_components_sizes_regions_and_bounds(client: TestClient) -> None:
    body = client.get(f"{URL}/options").json()
    names = {c["name"]: c for c in body["components"]}
    assert names["alliances"]["default"] and names["alliances"]["balance"]
    assert names["contiguity"]["weight"] == 0.25 and not names["contiguity"]["balance"]
    assert not names["un_voting"]["default"]
    assert body["sizes"][0] == "cinc" and "soft_power" in body["sizes"]
    assert body["regions"]["europe"] == [[200, 399]]
    assert body["max_exhaustive"] == 24 and body["max_actors"] == 250


def test_syria_landscape_from_the_furnas_inputs(client: TestClient) -> None:
    body = post(client, "landscape", {"inputs": {"kind": "furnas"}})
    assert body["summary"]["method"] == "exhaustive"
    assert body["summary"]["configurations"] == 1024 and body["complete"]
    (minimum,) = body["table"]
    assert minimum["energy"] == -83_200 and minimum["basin_size"] == 1024
    assert minimum["is_global"] and minimum["basin_share"] == 1.0
    assert set(minimum["camp_a"]) == {"US", "Russia", "Syria", "Saudi_Arabia", "Iran",
                                      "Hezbollah", "Iraqi_Kurds", "Baghdad"}
    assert set(minimum["camp_b"]) == {"Turkey", "ISIS", "Nursa"}
    frustration = {r["actor"]: r for r in body["tables"]["actors"]}
    assert len(frustration) == 11 and all(r["switch_gain"] >= 0 for r in frustration.values())
    assert body["sources"][0]["href"] == "/sources#src-landscape_furnas-2016-02-20"
    assert body["data_versions"] == {"landscape_furnas": "2016-02-20"}


def test_weak_syria_variant(client: TestClient) -> None:
    body = post(client, "landscape", {"inputs": {"kind": "furnas", "variant": "weak_syria"}})
    (minimum,) = body["table"]
    assert minimum["energy"] == -65_600
    assert {frozenset(minimum["camp_a"]), frozenset(minimum["camp_b"])} >= {
        frozenset({"ISIS", "Nursa"})}


def test_store_landscape_equals_the_library_run(client: TestClient, store: Store) -> None:
    body = post(client, "landscape", {"inputs": {"kind": "store", "year": 2000,
                                                 "states": MIDDLE_EAST_15}, "seed": 5})
    library = Landscape().run(build_inputs(store, 2000, MIDDLE_EAST_15), seed=5)
    assert [r["energy"] for r in body["table"]] == library.table["energy"].to_list()
    assert [r["camp_a"] for r in body["table"]] == library.table["camp_a"].to_list()
    assert body["summary"]["configurations"] == 2**14
    assert {"cow_nmc", "atop", "gml_mid", "td_rivalries", "cow_contdir"} <= set(
        body["data_versions"])
    assert {s["href"] for s in body["sources"]} >= {"/sources#src-cow_nmc-7.0",
                                                    "/sources#src-atop-5.1"}
    assert body["sources"][0]["id"] == "cow_nmc"  # the sizes' source leads
    ccodes = {r["actor"]: r["ccode"] for r in body["tables"]["actors"]}
    assert ccodes["USA"] == 2 and ccodes["SYR"] == 652
    assert len(body["tables"]["best_configurations"]) == 10


def test_region_beyond_the_exhaustive_limit_runs_the_seeded_heuristic(
        client: TestClient, store: Store) -> None:
    request = {"inputs": {"kind": "store", "year": 2000, "region": "europe"}, "starts": 256,
               "seed": 3}
    first = post(client, "landscape", request)
    assert first["summary"]["method"] == "heuristic" and first["summary"]["starts"] == 256
    assert first["summary"]["actors"] > 24
    assert all(200 <= r["ccode"] <= 399 for r in first["tables"]["actors"])
    assert post(client, "landscape", request)["table"] == first["table"]  # same seed
    assert first["seed"] == 3 and first["tables"]["best_configurations"] == []
    assert sum(r["hits"] for r in first["table"]) <= 256


def test_exported_inputs_edited_and_fed_back(client: TestClient) -> None:
    exported = post(client, "inputs", {"inputs": {"kind": "store", "year": 2000,
                                                  "states": ["USA", "RUS", "CHN", "IND"]}})
    given = exported["inputs"]
    assert given["kind"] == "given" and [a["name"] for a in given["actors"]] == [
        "USA", "RUS", "CHN", "IND"]
    assert exported["provenance"]["size"] == "cinc" and "cow_nmc" in exported["data_versions"]
    from_store = post(client, "landscape", {"inputs": {"kind": "store", "year": 2000,
                                                       "states": ["USA", "RUS", "CHN", "IND"]}})
    fed_back = post(client, "landscape", {"inputs": given})
    assert fed_back["table"] == from_store["table"]
    assert fed_back["data_versions"] == {} and fed_back["sources"] == []
    given["propensity"][0][1] = given["propensity"][1][0] = 5.0  # an analyst's edit
    edited = post(client, "landscape", {"inputs": given})
    assert any({"USA", "RUS"} <= set(camp) for m in edited["table"]
               for camp in (m["camp_a"], m["camp_b"]))


def test_size_from_a_registered_measure(client: TestClient) -> None:
    body = post(client, "inputs", {"inputs": {"kind": "store", "year": 2005, "size": "milex_share",
                                              "states": ["USA", "CHN", "IND"]}})
    assert body["provenance"]["size"] == "milex_share"
    sizes = [a["size"] for a in body["inputs"]["actors"]]
    assert sizes[0] > sizes[1] > sizes[2] > 0


GIVEN_ACTORS = [{"name": "A", "size": 1}, {"name": "B", "size": 2}, {"name": "C", "size": 1}]


@pytest.mark.parametrize(("inputs", "field", "text"), [
    ({"actors": [*GIVEN_ACTORS[:2], {"name": "A", "size": 1}],
      "propensity": [[0, 1, 1], [1, 0, 1], [1, 1, 0]]}, "inputs.actors.2.name", "repeats"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 2], [1, 0, 1], [1, 1, 0]]},
     "inputs.propensity.2.0", "symmetric"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, None], [1, 0, 1], [None, 1, 0]]},
     "inputs.propensity.0.2", "finite"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 1], [1, 0, 1], [1, 1, 3]]},
     "inputs.propensity.2.2", "diagonal"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 1], [1, 0], [1, 1, 0]]},
     "inputs.propensity.1", "3 values"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 1], [1, 0, 1]]}, "inputs.propensity",
     "2 rows for 3 actors"),
    ({"actors": [{"name": "A", "size": 1, "ccode": 2}, *GIVEN_ACTORS[1:]],
      "propensity": [[0, 1, 1], [1, 0, 1], [1, 1, 0]]}, "inputs.actors.1.ccode", "every actor"),
    ({"actors": [{"name": "A", "size": 0}, *GIVEN_ACTORS[1:]],
      "propensity": [[0, 1, 1], [1, 0, 1], [1, 1, 0]]}, "inputs.given.actors.0.size",
     "greater than 0"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 1], [1, 0, 1], [1, 1e7, 0]]},
     "inputs.given.propensity.2.1", "less than or equal"),
    ({"actors": GIVEN_ACTORS, "propensity": [[0, 1, 1], [1, 0, 1], [1, 1, 0]], "sizes": [1]},
     "inputs.given.sizes", "Extra inputs"),
])
def test_given_inputs_are_refused_at_the_field(client: TestClient, inputs: dict[str, Any],
                                               field: str, text: str) -> None:
    response = client.post(f"{URL}/landscape", json={"inputs": {"kind": "given", **inputs}})
    refused(response, field, text)


def test_an_actor_without_propensities_stays_out_of_the_camps(client: TestClient) -> None:
    """Made-up edge case: the first actor has no propensity toward anyone."""
    body = post(client, "landscape", {"inputs": {"kind": "given", "actors": GIVEN_ACTORS,
                                                 "propensity": [[0, 0, 0], [0, 0, -1],
                                                                [0, -1, 0]]}})
    assert body["summary"]["unaligned"] == ["A"]
    assert body["table"][0]["camp_a"] == ["B"] and body["table"][0]["camp_b"] == ["C"]
    assert body["tables"]["actors"][0]["camp"] is None


@pytest.mark.parametrize(("inputs", "extra", "field", "text"), [
    ({"year": 2000, "states": ["USA", "Atlantis"]}, {}, "inputs", "'Atlantis'"),
    ({"year": 2015, "states": ["USA", "RUS"]}, {}, "inputs", "does not cover 2015"),
    ({"year": 2000, "states": ["USA", "RUS"], "region": "europe"}, {}, "inputs.region",
     "not both"),
    ({"year": 2000, "components": {"weather": 1}}, {}, "inputs.store.components.weather.[key]",
     "Input should be"),
    ({"year": 2000, "size": "gdp"}, {}, "inputs.store.size", "Input should be"),
    ({"year": 2000, "region": "europe"}, {"method": "exhaustive"}, "method", "at most 24"),
    ({"year": 1700}, {}, "inputs.store.year", "greater than or equal to 1816"),
    ({"year": 2000}, {"starts": 5000}, "starts", "less than or equal to 4096"),
    ({"year": 2000, "states": ["USA"] * 251}, {}, "inputs.store.states", "at most 250"),
])
def test_store_inputs_and_bounds_are_refused_at_the_field(
        client: TestClient, inputs: dict[str, Any], extra: dict[str, Any], field: str,
        text: str) -> None:
    response = client.post(f"{URL}/landscape",
                           json={"inputs": {"kind": "store", **inputs}, **extra})
    refused(response, field, text)


def test_components_outside_coverage_can_be_skipped(client: TestClient) -> None:
    body = post(client, "landscape", {"inputs": {"kind": "store", "year": 2015,
                                                 "states": ["USA", "RUS", "CHN"],
                                                 "skip_uncovered": True}})
    skipped = {s["name"] for s in body["summary"]["inputs"]["skipped"]}
    assert {"disputes", "rivalries"} <= skipped


def test_oversized_matrix_body_is_refused_with_413(client: TestClient) -> None:
    n = 250
    body = {"inputs": {"kind": "given", "actors": [{"name": f"a{i}", "size": 1.5}
                                                   for i in range(n)],
                       "propensity": [[0.1234567890123456] * n for _ in range(n)]}}
    response = client.post(f"{URL}/landscape", json=body)
    assert response.status_code == 413 and "limit" in response.json()["detail"]


# -- structural balance ----------------------------------------------------------------------
def test_balance_for_a_year_equals_the_library(client: TestClient, store: Store) -> None:
    response = client.get(f"{URL}/balance", params={"from": 1950, "method": "exact",
                                                    "time_limit": 10})
    assert response.status_code == 200, response.text
    body = response.json()
    library = StructuralBalance(method="exact", time_limit=10).run(signed_network(store, 1950))
    (year,) = body["table"]
    assert year["frustration"] == library.table["frustration"][0]
    assert year["optimal"] and library.table["optimal"][0]  # 1950 solves in well under 1 s
    assert year["lower_bound"] <= year["frustration"] and year["method"] == "exact"
    blocs = body["tables"]["blocs"]
    assert {b["bloc"] for b in blocs} == {"A", "B", None}
    assert len(body["tables"]["frustrated_ties"]) == year["frustration"]
    assert {"atop", "gml_mid", "td_rivalries"} <= set(body["data_versions"])


def test_balance_over_years_is_reproducible_with_a_seed(client: TestClient) -> None:
    params = {"from": 2001, "to": 2004, "method": "heuristic", "starts": 64, "seed": 9}
    first = client.get(f"{URL}/balance", params=params).json()
    assert [r["year"] for r in first["table"]] == [2001, 2002, 2003, 2004]
    assert first["table"][0]["change"] is None and first["table"][1]["change"] is not None
    assert not any(r["optimal"] and r["lower_bound"] < r["frustration"] for r in first["table"])
    assert first["seed"] == 9
    assert client.get(f"{URL}/balance", params=params).json()["table"] == first["table"]


def test_balance_of_chosen_states_with_untied_first_state(client: TestClient) -> None:
    """1816 with alliances only: the first state has no tie (no bloc)."""
    body = client.get(f"{URL}/balance", params={"from": 1816, "components": ["alliances"],
                                                "method": "heuristic"}).json()
    assert body["tables"]["blocs"][0]["bloc"] is None
    small = client.get(f"{URL}/balance", params={"from": 2000, "states": ["USA", "CAN", "CUB"],
                                                 "method": "exact"}).json()
    assert small["table"][0]["states"] == 3


@pytest.mark.parametrize(("params", "field", "text"), [
    ({"from": 1900, "to": 2000}, "to", "at most 60"),
    ({"from": 2000, "to": 1990}, "to", "backwards"),
    ({"from": 1950, "to": 2000, "time_limit": 1}, "time_limit", "20 s"),
    ({"from": 1951, "to": 2000, "method": "heuristic", "starts": 1024}, "starts", "16,384"),
    ({"from": 2015}, "from", "does not cover 2015"),
    ({"from": 2000, "states": ["USA", "Atlantis"]}, "states", "'Atlantis'"),
    ({"from": 2000, "method": "best"}, "method", "Input should be"),
    ({"from": 2000, "colour": "red"}, "colour", "Extra inputs"),
])
def test_balance_bounds_and_bad_input(client: TestClient, params: dict[str, Any], field: str,
                                      text: str) -> None:
    refused(client.get(f"{URL}/balance", params=params), field, text)


# -- partners and what-if --------------------------------------------------------------------
COALITION = {"inputs": {"kind": "store", "year": 2000}, "lead": "USA", "members": ["GBR"],
             "rival": "Russia"}
PARTNERS = {**COALITION, "region": "europe"}


def test_partner_ranking_equals_the_library(client: TestClient, store: Store) -> None:
    body = post(client, "partners", {**PARTNERS, "limit": 5})
    inputs = build_inputs(store, 2000)
    europe = [a for a, c in zip(inputs.actors, inputs.codes or (), strict=True)
              if 200 <= c <= 399 and a not in ("UKG", "RUS")]
    library = rank_partners(inputs, "USA", ["UKG"], rival="RUS", candidates=europe)
    assert [r["actor"] for r in body["table"]] == library["actor"].head(5).to_list()
    assert body["table"][0]["score"] == pytest.approx(library["score"][0])
    assert not body["complete"] and body["summary"]["candidates"] == library.height
    assert body["summary"]["goal"] == "balance against RUS"
    (coalition,) = body["tables"]["coalition"]
    assert coalition["members"] == ["USA", "UKG"] and coalition["capability_ratio"] > 1


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"lead": "Atlantis"}, "lead", "'Atlantis'"),
    ({"members": ["GBR", "Narnia"]}, "members.1", "'Narnia'"),
    ({"rival": "GBR"}, "request", "cannot be"),
    ({"weights": {"capability": -1}}, "weights.capability", "greater than or equal"),
])
def test_partner_requests_are_refused_at_the_field(client: TestClient, change: dict[str, Any],
                                                   field: str, text: str) -> None:
    refused(client.post(f"{URL}/partners", json={**PARTNERS, **change}), field, text)


def test_whatif_adds_a_member(client: TestClient) -> None:
    body = post(client, "whatif", {**COALITION, "add": ["France"]})
    before, after, change = body["table"]
    assert after["members"] == ["USA", "UKG", "FRN"] and change["members"] == ["+FRN"]
    assert change["capability"] == pytest.approx(after["capability"] - before["capability"])
    assert change["capability"] > 0 and body["summary"]["added"] == ["FRN"]
    assert body["sources"] and body["model"] == "CoalitionWhatIf"


@pytest.mark.parametrize(("change", "field", "text"), [
    ({}, "add", "at least one"),
    ({"remove": ["FRN"]}, "request", "is not a member"),
    ({"add": ["GBR"]}, "request", "already a member"),
])
def test_whatif_refusals(client: TestClient, change: dict[str, Any], field: str,
                         text: str) -> None:
    refused(client.post(f"{URL}/whatif", json={**COALITION, **change}), field, text)
