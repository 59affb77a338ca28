"""Writes need the configured bearer token: 401 without one, 403 with a wrong one or when
the server has none, 200 with it; and a read-only server refuses with 409."""

from __future__ import annotations

from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.store import Store

PULL = "/api/v1/sources/pull"


def _client(store: Store, token: str | None) -> TestClient:
    return TestClient(create_app(Settings(api_token=token), store=store))


def test_pull_without_a_token_is_401(writable: Store) -> None:
    with _client(writable, "s3cret") as client:
        response = client.post(PULL, json={"sources": ["cow_states"]})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"
    assert not writable.has_table("cow_system")


def test_pull_with_a_wrong_token_is_403(writable: Store) -> None:
    with _client(writable, "s3cret") as client:
        response = client.post(PULL, json={"sources": ["cow_states"]},
                               headers={"Authorization": "Bearer guess"})
    assert response.status_code == 403 and "not the server's" in response.json()["detail"]
    assert not writable.has_table("cow_system")


def test_writes_are_off_when_no_token_is_configured(writable: Store) -> None:
    with _client(writable, None) as client:
        response = client.post(PULL, json={}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "DETENTE_API_TOKEN" in response.json()["detail"]


def test_pull_with_the_token_loads_and_clears_the_cache(writable: Store) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with _client(writable, "s3cret") as client:
        before = client.get("/api/v1/sources").json()
        assert not next(s for s in before["data"] if s["id"] == "cow_states")["loaded"]
        response = client.post(PULL, json={"sources": ["cow_states", "cow_majors"]},
                               headers=auth)
        assert response.status_code == 200, response.text
        status = {r["source_id"]: r["status"] for r in response.json()["data"]}
        assert status == {"cow_states": "loaded", "cow_majors": "unchanged"}
        after = client.get("/api/v1/sources").json()  # not the cached answer from before
        loaded = next(s for s in after["data"] if s["id"] == "cow_states")["loaded"]
        assert {t["table"] for t in loaded} == {"cow_system", "cow_state_spells"}
    assert writable.has_table("cow_system")


def test_unknown_source_in_a_pull_is_refused_before_any_work(writable: Store) -> None:
    with _client(writable, "s3cret") as client:
        response = client.post(PULL, json={"sources": ["cow_states", "nope"]},
                               headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 404 and "unknown source 'nope'" in response.json()["detail"]
    assert not writable.has_table("cow_system")


def test_a_read_only_server_refuses_writes_with_409(store: Store) -> None:
    with _client(store, "s3cret") as client:
        response = client.post(PULL, json={"sources": ["cow_majors"]},
                               headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 409 and "read-only" in response.json()["detail"]
