"""Bad input gets problem details naming the field; sizes are bounded; ids are stable."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(("url", "params", "status", "text"), [
    ("/api/v1/measures/cinc", {"year": "soon"}, 422, "year:"),
    ("/api/v1/measures/cinc", {"limit": 10_001}, 422, "limit:"),
    ("/api/v1/measures/cinc", {"year": 2000, "from": 1990}, 422, "either year or from/to"),
    ("/api/v1/measures/cinc", {"year": 1700}, 422, "covers 1816-2022"),
    ("/api/v1/measures/weather", {}, 404, "unknown measure 'weather'; known measures:"),
    ("/api/v1/panels/state-years", {"add": "weather"}, 422, "add.0:"),
    ("/api/v1/panels/dyad-years", {"limit": 0}, 422, "limit:"),
    ("/api/v1/actors/Atlantis", {}, 404, "no state matches 'Atlantis'"),
    ("/api/v1/countries/IND", {"from": 1900, "to": 1910}, 422, "no year of COW system"),
    ("/api/v1/countries/IND", {"from": 2010, "to": 2000}, 422, "backwards"),
    ("/api/v1/dyads/IND/India", {}, 422, "two different states"),
    ("/api/v1/nowhere", {}, 404, "Not Found"),
    # The session store has no ingested events: a loadable precondition, not a server fault.
    ("/api/v1/panels/dyad-years", {"from": 2000, "to": 2000, "add": "event_tone"}, 409,
     "run `detente monitor ingest FILE ...` first"),
])
def test_errors_are_problem_details(client: TestClient, url: str, params: dict[str, object],
                                    status: int, text: str) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and text in body["detail"]
    assert "Traceback" not in response.text


def test_oversized_bodies_are_refused_with_413(client: TestClient) -> None:
    response = client.post("/api/v1/sources/pull", content=b"x" * (2 << 20),
                           headers={"Content-Type": "application/json",
                                    "Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM


def test_invalid_json_body_names_the_problem(client: TestClient) -> None:
    response = client.post("/api/v1/sources/pull", json={"sources": "atop", "force": "maybe"},
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"sources", "force"} <= fields


def test_operation_ids_are_stable_and_unique(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert {"measures-get_measure_values", "countries-get_country_profile",
            "dyads-get_dyad_profile", "sources-pull_sources", "panels-get_dyad_years",
            "actors-list_actors"} <= set(ids)
    assert not any(p.startswith(("/map", "/country", "/static")) for p in schema["paths"])


def test_repeated_reads_are_served_from_the_cache(client: TestClient) -> None:
    url = "/api/v1/measures/cinc?year=1950"
    first = client.get(url)
    hits = client.get("/api/v1/health").json()["cache_hits"]
    second = client.get(url)
    assert second.content == first.content
    assert client.get("/api/v1/health").json()["cache_hits"] == hits + 1
