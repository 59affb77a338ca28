"""The monitor endpoints as a user meets them: upload the real ICEWS sample with the bearer
token (all or nothing; a malformed line named by file, line and field; quarantine), read the
temperature of a dyad, run the example watchlist and read the alert history, evaluate the
example plan; and the 401/403/409 answers for writes."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.monitor import evaluate_plan, read_plan, temperature
from detente.store import Store

API = "/api/v1/monitor"
AUTH = {"Authorization": "Bearer s3cret"}
EXAMPLES = Path(__file__).parents[3] / "examples"
ICEWS = "icews/events.2018.sample.tab"


def toml_as_json(name: str) -> dict[str, Any]:
    """An example TOML file as the JSON body the API takes (dates as ISO text)."""
    with open(EXAMPLES / name, "rb") as f:
        return json.loads(json.dumps(tomllib.load(f), default=str))


@pytest.fixture(scope="module")
def icews_bytes(mirror: Path) -> bytes:
    return (mirror / ICEWS).read_bytes()


@pytest.fixture(scope="module")
def events_client(store_path: Path, icews_bytes: bytes,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A writable copy of the session store into which the test uploads the ICEWS sample."""
    path = tmp_path_factory.mktemp("monitor-api") / "store.duckdb"
    shutil.copy(store_path, path)
    with Store(path) as db, TestClient(create_app(Settings(api_token="s3cret"), store=db),
                                       raise_server_exceptions=False) as client:
        response = client.post(f"{API}/events", params={"filename": "events.2018.sample.tab"},
                               content=icews_bytes, headers=AUTH)
        assert response.status_code == 200, response.text
        yield client


def _events(client: TestClient) -> int:
    return int(client.get(f"{API}/status").json()["events"])


def test_upload_ingests_keeps_the_file_and_says_what_it_did(
        events_client: TestClient, icews_bytes: bytes) -> None:
    status = events_client.get(f"{API}/status").json()
    (kept,) = status["files"]
    assert Path(kept["path"]).name == "events.2018.sample.tab"
    assert hashlib.sha256(Path(kept["path"]).read_bytes()).digest() == hashlib.sha256(
        icews_bytes).digest()  # every event's file and line stay citable
    assert kept["records"] == 3705 and kept["events_added"] + kept["duplicates"] == 3705
    assert status["events"] == kept["events_added"] > 0
    assert (status["first_date"], status["last_date"]) == ("2018-06-01", "2018-06-02")
    assert status["hint"] is None and status["data_versions"]["cameo"] == "1.1b3"


def test_the_same_bytes_under_another_name_are_not_ingested_twice(
        events_client: TestClient, icews_bytes: bytes) -> None:
    before = _events(events_client)
    again = events_client.post(f"{API}/events", params={"filename": "copy.tab"},
                               content=icews_bytes, headers=AUTH).json()
    assert again["status"] == "unchanged" and again["events_added"] == 0
    assert again["stored_as"].endswith("/events.2018.sample.tab")
    assert not (Path(again["stored_as"]).parent / "copy.tab").exists()
    assert _events(events_client) == before


def test_a_malformed_line_rejects_the_file_naming_file_line_and_field(
        events_client: TestClient, icews_bytes: bytes) -> None:
    before = _events(events_client)
    bad = icews_bytes.replace(b"\t2018-06-01\t", b"\t2018-13-01\t", 1)  # line 2: no month 13
    response = events_client.post(f"{API}/events", params={"filename": "bad.tab"},
                                  content=bad, headers=AUTH)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == [{"file": "bad.tab", "line": 2, "field": "Event Date",
                               "message": "is not a valid date (%Y-%m-%d)",
                               "value": "2018-13-01"}]
    assert "nothing was written" in body["detail"]
    assert _events(events_client) == before
    stored = Path(events_client.get(f"{API}/status").json()["files"][0]["path"])
    assert not list(stored.parents[1].glob("*/bad.tab"))  # a refused file is not kept

    kept = events_client.post(f"{API}/events", params={"filename": "bad.tab",
                                                       "quarantine": "true"},
                              content=bad, headers=AUTH).json()
    assert kept["quarantined"] == 1 and kept["events_read"] == 3704
    (line,) = kept["quarantined_lines"]
    assert line["line"] == 2 and line["text"].split("\t")[1] == "2018-13-01"
    assert line["problems"] == ["Event Date: is not a valid date (%Y-%m-%d) ('2018-13-01')"]


@pytest.mark.parametrize(("params", "content", "field"), [
    ({"filename": "../escape.tab"}, b"x", "filename"),
    ({"filename": "events.tab"}, b"", "file"),
    ({"filename": "events.tab", "format": "csv"}, b"x", "format"),
])
def test_bad_uploads_name_the_field(events_client: TestClient, params: dict[str, str],
                                    content: bytes, field: str) -> None:
    response = events_client.post(f"{API}/events", params=params, content=content,
                                  headers=AUTH)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_an_unknown_format_is_refused_with_the_file_named(events_client: TestClient) -> None:
    response = events_client.post(f"{API}/events", params={"filename": "notes.txt"},
                                  content=b"hello\tworld\n", headers=AUTH)
    assert response.status_code == 422
    assert response.json()["errors"][0]["file"] == "notes.txt"


def test_uploads_are_bounded(events_client: TestClient) -> None:
    from detente.interfaces.api.routes._writes import MAX_EVENT_FILE

    response = events_client.post(f"{API}/events", params={"filename": "big.tab"},
                                  content=b"x" * (MAX_EVENT_FILE + 1), headers=AUTH)
    assert response.status_code == 413 and "16,777,216 bytes" in response.json()["detail"]


@pytest.mark.parametrize(("token", "headers", "status"), [
    ("s3cret", {}, 401), ("s3cret", {"Authorization": "Bearer guess"}, 403),
    (None, {"Authorization": "Bearer anything"}, 403)])
def test_writes_need_the_token(store_path: Path, tmp_path: Path, icews_bytes: bytes,
                               token: str | None, headers: dict[str, str],
                               status: int) -> None:
    path = tmp_path / "w.duckdb"
    shutil.copy(store_path, path)
    with Store(path) as db, TestClient(create_app(Settings(api_token=token), store=db)) as c:
        upload = c.post(f"{API}/events", params={"filename": "e.tab"}, content=icews_bytes,
                        headers=headers)
        run = c.post(f"{API}/watchlist/run", json=toml_as_json("watchlist.toml"),
                     headers=headers)
        assert (upload.status_code, run.status_code) == (status, status)
        assert not db.has_table("events") and not db.has_table("alerts")
    assert not (tmp_path / "event_uploads").exists()


def test_a_read_only_server_refuses_uploads_with_409(client: TestClient,
                                                     icews_bytes: bytes) -> None:
    response = client.post(f"{API}/events", params={"filename": "e.tab"}, content=icews_bytes,
                           headers=AUTH)
    assert response.status_code == 409 and "read-only" in response.json()["detail"]


def test_without_events_reads_say_how_to_load_them(client: TestClient) -> None:
    status = client.get(f"{API}/status").json()
    assert status["events"] == 0 and "detente monitor ingest" in status["hint"]
    response = client.get(f"{API}/temperature", params={"a": "USA", "b": "CHN"})
    assert response.status_code == 409
    assert "`detente monitor ingest FILE ...`" in response.json()["detail"]
    assert client.get(f"{API}/alerts").json()["total"] == 0


def test_temperature_is_the_library_series(events_client: TestClient) -> None:
    body = events_client.get(f"{API}/temperature", params={
        "a": "USA", "b": "China", "freq": "day", "directed": "false"}).json()
    assert (body["side1"], body["side2"], body["count"]) == ("USA", "CHN", 2)
    store = events_client.app.state.store  # type: ignore[attr-defined]
    expected = temperature(store, "USA", "CHN", freq="day", directed=False)
    assert [p["conflict"] for p in body["data"]] == expected["conflict"].to_pylist() == [3, 10]
    assert [p["net_cooperation"] for p in body["data"]] == expected[
        "net_cooperation"].to_pylist()
    status = events_client.get(f"{API}/status").json()
    assert body["data_versions"]["event_stream"] == status["data_versions"]["event_stream"]
    assert "event_stream" not in {s["id"] for s in body["sources"]}
    group = events_client.get(f"{API}/temperature", params=[
        ("a", "USA"), ("a", "JPN"), ("b", "CHN"), ("freq", "day")]).json()
    assert group["side1"] == "USA+JPN"
    one_day = events_client.get(f"{API}/temperature", params={
        "a": "USA", "b": "CHN", "freq": "day", "from": "2018-06-02"}).json()
    assert [p["period"] for p in one_day["data"]] == ["2018-06-02"]


@pytest.mark.parametrize(("params", "field", "text"), [
    ({"a": "USA", "b": "Atlantis"}, "b", "no state matches 'Atlantis'"),
    ([("a", "USA"), ("b", "USA"), ("b", "CHN")], "b", "share states"),
    ({"a": "USA", "b": "CHN", "from": "2018-06-03", "to": "2018-06-01"}, "to", "before"),
    ({"a": "USA", "b": "CHN", "freq": "hour"}, "freq", "Input should be"),
    ({"a": "USA"}, "b", "Field required"),
])
def test_bad_temperature_queries_name_the_field(events_client: TestClient, params: Any,
                                                field: str, text: str) -> None:
    response = events_client.get(f"{API}/temperature", params=params)
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["field"] == field and text in error["message"]


def test_watchlist_run_records_alerts_once_and_the_history_filters(
        events_client: TestClient) -> None:
    watchlist = toml_as_json("watchlist.toml")
    dry = events_client.post(f"{API}/watchlist/run", json={**watchlist, "dry_run": True},
                             headers=AUTH).json()
    assert not dry["recorded"] and events_client.get(f"{API}/alerts").json()["total"] == 0
    first = events_client.post(f"{API}/watchlist/run", json=watchlist, headers=AUTH).json()
    assert first["recorded"] and first["new_count"] == dry["new_count"] > 0
    us_china = [a for a in first["new"] if a["watch"] == "us-china"]
    assert [(a["period"], a["detector"], a["value"]) for a in us_china] == [
        ("2018-06-02", "threshold", 10.0)]
    assert us_china[0]["dyad_href"] == "/dyad/2/710?from=2018&to=2018"
    again = events_client.post(f"{API}/watchlist/run", json=watchlist, headers=AUTH).json()
    assert again["new_count"] == 0 and again["flagged"] == first["flagged"]

    history = events_client.get(f"{API}/alerts").json()
    assert history["total"] == first["new_count"]
    periods = [a["period"] for a in history["data"]]
    assert periods == sorted(periods, reverse=True)  # latest first
    pair = events_client.get(f"{API}/alerts", params={"a": "China", "b": "USA"}).json()
    assert {a["watch"] for a in pair["data"]} == {"us-china"}
    assert all(a["raised_at"] for a in pair["data"])
    assert events_client.get(f"{API}/alerts", params={
        "a": "CHN", "b": "USA", "to": "2018-06-01"}).json()["total"] == 0
    only = events_client.get(f"{API}/alerts", params={"watch": "india-pakistan"}).json()
    assert {a["watch"] for a in only["data"]} <= {"india-pakistan"}
    paged = events_client.get(f"{API}/alerts", params={"limit": 1, "offset": 0}).json()
    assert paged["count"] == 1 and paged["total"] == history["total"]


@pytest.mark.parametrize(("entry", "field", "text"), [
    ({"name": "x", "side1": "USA", "side2": "CHN", "detectors": ["threshold"]},
     "watch.0.threshold", "is needed by the threshold detector"),
    ({"name": "x", "side1": "USA", "side2": "Atlantis"}, "watch.0.side2",
     "no state matches 'Atlantis'"),
    ({"name": "x", "side1": "USA", "side2": "CHN", "metric": "heat"}, "watch.0.metric",
     "Input should be"),
    ({"name": "x", "side1": "USA", "side2": "CHN", "window": 1}, "watch.0.window",
     "greater than or equal to 2"),
    ({"name": "x", "side1": "USA"}, "watch.0.side2", "Field required"),
])
def test_bad_watchlists_name_the_entry_and_key(events_client: TestClient,
                                               entry: dict[str, Any], field: str,
                                               text: str) -> None:
    response = events_client.post(f"{API}/watchlist/run", json={"watch": [entry]},
                                  headers=AUTH)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field] and text in errors[0]["message"]


def test_plan_evaluation_is_the_library_evaluation(events_client: TestClient) -> None:
    response = events_client.post(f"{API}/plans/evaluate", json=toml_as_json("plan.toml"))
    assert response.status_code == 200, response.text
    body = response.json()
    store = events_client.app.state.store  # type: ignore[attr-defined]
    expected = evaluate_plan(store, read_plan(EXAMPLES / "plan.toml"))
    assert [(o["objective"], o["status"], o["current"]) for o in body["objectives"]] == [
        (r["objective"], r["status"], r["current"]) for r in expected.objectives.to_pylist()]
    assert body["as_of"] == str(expected.as_of)
    assert [e["observed"] for e in body["engagements"]] == expected.engagements[
        "observed"].to_pylist()
    assert set(body["series"]) == {"bgd-vnm-cooperation", "india-pakistan-calm",
                                   "vietnam-capability"}
    assert body["data_versions"]["cow_nmc"] == "7.0"


@pytest.mark.parametrize(("change", "field", "text"), [
    (lambda p: p["objective"][0].update(indicator="warmth"), "objective.0.indicator",
     "is neither an event indicator"),
    (lambda p: p["objective"][1].update(side2="Atlantis"), "objective.1.side2",
     "no state matches 'Atlantis'"),
    (lambda p: p["engagement"][0].update(objectives=["nope"]), "engagement.0.objectives",
     "names no objective"),
    (lambda p: p["objective"][0].update(by="soon"), "objective.0.by", "valid date"),
    (lambda p: p["objective"][2].update(indicator="weather:cinc"), "objective.indicator",
     "unknown verb 'weather'"),
])
def test_bad_plans_name_the_field(events_client: TestClient, change: Any, field: str,
                                  text: str) -> None:
    plan = toml_as_json("plan.toml")
    change(plan)
    response = events_client.post(f"{API}/plans/evaluate", json=plan)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field] and text in errors[0]["message"]
