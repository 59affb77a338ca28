"""Sources and citations over the real store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from detente.sources import SOURCES


def test_list_sources_reports_what_the_store_holds(client: TestClient) -> None:
    body = client.get("/api/v1/sources").json()
    assert body["count"] == len(SOURCES) == len(body["data"])
    nmc = next(s for s in body["data"] if s["id"] == "cow_nmc")
    assert nmc["version"] == "7.0" and nmc["coverage"] == {"first": 1816, "last": 2022}
    assert nmc["href"] == "/sources#src-cow_nmc-7.0"
    assert nmc["loaded"][0]["table"] == "cow_nmc" and nmc["loaded"][0]["rows"] == 17121


def test_source_detail_has_files_tables_and_bibtex(client: TestClient) -> None:
    body = client.get("/api/v1/sources/natural_earth").json()
    assert body["files"][0]["path"] == "natural_earth_world_atlas/countries-110m.json"
    assert body["tables"][0]["name"] == "country_shapes"
    assert body["bibtex"].startswith("@misc{naturalearth2022admin0")
    assert body["loaded"][0]["rows"] == 174


def test_bibtex_for_one_and_for_several(client: TestClient) -> None:
    one = client.get("/api/v1/sources/atop/bibtex")
    assert one.status_code == 200 and one.headers["content-type"].startswith("text/plain")
    assert "@article{leedsetal2002atop" in one.text
    several = client.get("/api/v1/sources/citations", params={"ids": ["atop", "cow_nmc"]})
    assert "@article{leedsetal2002atop" in several.text and "singer1987rcwd" in several.text
    every = client.get("/api/v1/sources/citations").text
    assert every.count("\n@") + 1 >= len(SOURCES)


def test_unknown_source_is_a_404_problem_naming_the_known_ones(client: TestClient) -> None:
    response = client.get("/api/v1/sources/atopp")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "known sources: atop" in response.json()["detail"]
