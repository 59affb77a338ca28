"""Importing user-entered engagements through the API: a bearer token, all or nothing, every
refused cell listed, re-importing adds nothing, and reads see the new rows at once.

The rows are made up (labelled as such): they exercise validation, not facts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.store import Store

IMPORT = "/api/v1/engagements/import"
AUTH = {"Authorization": "Bearer s3cret"}
ROWS = [{"instrument": "attache", "actor1": "IND", "actor2": "FRA", "year": 2010,
         "magnitude": 2, "source": "made up"},
        {"instrument": "attache", "actor1": "India", "actor2": "JPN", "year": "2010",
         "source": "made up"},
        {"instrument": "attache", "actor1": "France", "actor2": "IND", "year": 2010,
         "source": "made up"},
        {"instrument": "hadr", "actor1": "750", "actor2": "NPL", "start_date": "2015-04-26",
         "magnitude": 1000, "source": "made up"}]


@pytest.fixture
def writable_full(store_path: Path, tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the session store (every source loaded)."""
    shutil.copy(store_path, tmp_path / "copy.duckdb")
    with Store(tmp_path / "copy.duckdb") as db:
        yield db


@pytest.fixture
def client_w(writable_full: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(api_token="s3cret"), store=writable_full)) as c:
        yield c


def _count(db: Store) -> int:
    return int(db.rows("SELECT count(*) FROM user_engagements")[0][0])


def test_no_token_is_401_and_a_wrong_one_403(client_w: TestClient, writable_full: Store
                                              ) -> None:
    response = client_w.post(IMPORT, json={"rows": ROWS})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    wrong = client_w.post(IMPORT, json={"rows": ROWS}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 403
    csv = client_w.post(f"{IMPORT}/csv", content="instrument,actor1,actor2\n",
                        headers={"Content-Type": "text/csv"})
    assert csv.status_code == 401
    assert _count(writable_full) == 0


def test_import_then_reimport_adds_nothing_and_reads_see_it(client_w: TestClient,
                                                            writable_full: Store) -> None:
    listing = {"actor": "IND", "instrument": "attache"}
    assert client_w.get("/api/v1/engagements", params=listing).json()["total"] == 0
    soft = {"year": 2010, "ccode": 750}
    before = client_w.get("/api/v1/measures/soft_power", params=soft).json()["data"][0]
    response = client_w.post(IMPORT, json={"label": "madeup.json", "rows": ROWS}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json() == {"received": 4, "imported": 4, "unchanged": 0}
    again = client_w.post(IMPORT, json={"label": "madeup.json", "rows": ROWS}, headers=AUTH)
    assert again.json() == {"received": 4, "imported": 0, "unchanged": 4}
    assert _count(writable_full) == 4
    # The cached answers from before the write are gone: the new rows show at once.
    page = client_w.get("/api/v1/engagements", params=listing).json()
    assert page["total"] == 3 and {r["actor2"] for r in page["data"]} == {"220", "740", "750"}
    assert all(r["source_id"] == "user:made up" and r["source_href"] is None
               for r in page["data"])
    after = client_w.get("/api/v1/measures/soft_power", params=soft).json()["data"][0]
    # Two states now report attachés, so the indicator varies and enters India's score.
    assert after["components"]["coverage"] > before["components"]["coverage"]
    prof = client_w.get("/api/v1/actors/IND/engagements").json()
    assert prof["instruments"]["hadr"]["series"][0]["year"] == 2015


def test_a_bad_batch_is_refused_whole_with_every_cell_named(client_w: TestClient,
                                                             writable_full: Store) -> None:
    bad = [*ROWS[:1],
           {"instrument": "telepathy", "actor1": "IND", "actor2": "FRA", "year": 2010},
           {"instrument": "hadr", "actor1": "IND", "actor2": "Atlantis", "year": 2010,
            "magnitude": -5},
           {"instrument": "port_visit", "actor1": "IND", "actor2": "VNM",
            "start_date": "2014-13-01"}]
    response = client_w.post(IMPORT, json={"rows": bad}, headers=AUTH)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    cells = {(c["line"], c["field"]) for c in response.json()["errors"]}
    assert cells == {(2, "instrument"), (3, "actor2"), (3, "magnitude"), (4, "start_date"),
                     (4, "year")}
    assert "nothing was written" in response.json()["detail"]
    assert _count(writable_full) == 0  # the good first row was not written either


def test_csv_body_rows_are_named_by_their_line(client_w: TestClient,
                                               writable_full: Store) -> None:
    text = ("instrument,actor1,actor2,start_date,end_date,year,magnitude,unit,source,detail\n"
            "port_visit,IND,VNM,2014-06-01,2014-06-04,,2,,made up,\n"
            "port_visit,IND,VNM,2014-06-04,2014-06-01,,2,,made up,\n")
    url = f"{IMPORT}/csv?label=visits.csv"
    refused = client_w.post(url, content=text, headers={**AUTH, "Content-Type": "text/csv"})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [{"file": "visits.csv", "line": 3, "field": "end_date",
                                         "message": "is before start_date",
                                         "value": "2014-06-01"}]
    good = text.splitlines()[:2]
    ok = client_w.post(url, content="\n".join(good) + "\n",
                       headers={**AUTH, "Content-Type": "text/csv"})
    assert ok.status_code == 200 and ok.json()["imported"] == 1
    stored = writable_full.rows("SELECT source_row, imported_from FROM user_engagements")
    assert stored == [(2, "visits.csv")]
    header = client_w.post(url, content="who,what\nIND,FRA\n",
                           headers={**AUTH, "Content-Type": "text/csv"})
    assert {c["field"] for c in header.json()["errors"]} == {"instrument", "actor1", "actor2"}


def test_a_read_only_server_refuses_imports_with_409(store: Store) -> None:
    with TestClient(create_app(Settings(api_token="s3cret"), store=store)) as c:
        response = c.post(IMPORT, json={"rows": ROWS}, headers=AUTH)
    assert response.status_code == 409 and "read-only" in response.json()["detail"]


def test_request_size_is_bounded(client_w: TestClient) -> None:
    tiny = {"instrument": "x", "actor1": "a", "actor2": "b"}
    too_many = client_w.post(IMPORT, json={"rows": [tiny] * 10_001}, headers=AUTH)
    assert too_many.status_code == 422 and too_many.json()["errors"][0]["field"] == "rows"
    large = client_w.post(f"{IMPORT}/csv", content="x" * (2 << 20),
                          headers={**AUTH, "Content-Type": "text/csv"})
    assert large.status_code == 413
