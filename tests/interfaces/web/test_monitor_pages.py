"""The monitor on the dashboard: the dyad page's temperature section (chart with alerts
marked, alert list) over the real ICEWS sample, the monitor page, and the message that names
the loading command when no events are ingested."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.monitor import ingest_events, run_watchlist, temperature
from detente.store import Store

WATCHLIST = Path(__file__).parents[3] / "examples" / "watchlist.toml"


@pytest.fixture(scope="module")
def monitored(store_path: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[TestClient]:
    """The session store with the ICEWS tab sample ingested and the example watchlist run."""
    path = tmp_path_factory.mktemp("monitor-web") / "store.duckdb"
    shutil.copy(store_path, path)
    with Store(path) as db:
        ingest_events(db, [mirror / "icews" / "events.2018.sample.tab"])
        run_watchlist(db, WATCHLIST)
    with Store(path, read_only=True) as db, TestClient(
            create_app(Settings(), store=db), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def empty(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


def section(page: str, name: str) -> str:
    found = re.search(rf'<section class="panel" id="{name}">(.*?)</section>', page, re.S)
    assert found, f"no section {name}"
    return found.group(1)


def figure(page: str, target: str) -> dict[str, Any]:
    found = re.search(rf'data-target="{target}">(.*?)</script>', page, re.S)
    assert found, f"no figure {target}"
    return dict(json.loads(found.group(1)))


def test_the_dyad_page_charts_the_temperature_and_marks_alerts(monitored: TestClient) -> None:
    page = monitored.get("/dyad/USA/CHN", params={"from": 2018, "to": 2018}).text
    temp = section(page, "temperature")
    fig = figure(temp, "fig-temperature")
    assert fig["layout"]["title"]["text"] == (
        "Events between United States of America and China, by day, 2018-06-01 to "
        "2018-06-02 (both directions)")
    traces = {t["name"]: t for t in fig["data"]}
    assert set(traces) == {"cooperative events", "conflictual events", "net cooperation",
                           "alert"}
    store = monitored.app.state.store  # type: ignore[attr-defined]
    series = temperature(store, "USA", "CHN", freq="day", directed=False)
    assert traces["conflictual events"]["y"] == series["conflict"].to_pylist() == [3, 10]
    assert traces["net cooperation"]["y"] == series["net_cooperation"].to_pylist()
    assert traces["alert"]["x"] == ["2018-06-02"]
    assert traces["alert"]["text"] == ["USA <-> CHN 2018-06-02: conflict 10 >= threshold 5"]
    assert fig["layout"]["shapes"][0]["x0"] == "2018-06-02"  # a line where the alert fell
    assert fig["layout"]["yaxis"]["title"]["text"] == "events (count)"
    assert fig["layout"]["yaxis2"]["title"]["text"] == "net cooperation (-1 to 1)"
    assert "50 events between them" in temp and "13 conflictual" in temp
    alerts = re.search(r'id="tbl-alerts">(.*?)</figure>', temp, re.S).group(1)  # type: ignore[union-attr]
    assert alerts.count("<tr>") == 2 and "<td>threshold</td>" in alerts
    assert 'href="/sources#src-cameo-1.1b3"' in temp


def test_a_pair_without_alerts_or_events_says_so(monitored: TestClient) -> None:
    quiet = section(monitored.get("/dyad/BGD/VNM").text, "temperature")
    assert "2 events between them" in quiet and "No alerts recorded for this pair" in quiet
    assert "detente monitor run examples/watchlist.toml" in quiet
    none = section(monitored.get("/dyad/ICE/NEP").text, "temperature")
    assert "No event between Iceland and Nepal among the" in none
    before = section(monitored.get("/dyad/IND/PAK", params={"from": 1990, "to": 2000}).text,
                     "temperature")
    assert "fall outside 1990–2000" in before


def test_without_events_the_section_names_the_command(empty: TestClient) -> None:
    response = empty.get("/dyad/USA/CHN")
    assert response.status_code == 200
    temp = html.unescape(section(response.text, "temperature"))
    assert "No news events are ingested in this store" in temp
    assert "`detente monitor ingest FILE ...`" in temp
    monitor = empty.get("/monitor")
    assert monitor.status_code == 200
    assert "No news events are ingested in this store" in html.unescape(monitor.text)
    assert "No alerts recorded yet" in monitor.text
    assert 'id="busiest"' not in monitor.text


def test_the_monitor_page_lists_alerts_with_links_to_their_dyads(monitored: TestClient) -> None:
    page = monitored.get("/monitor").text
    assert "events.2018.sample.tab" in section(page, "events")
    alerts = section(page, "alerts")
    assert '<a href="/dyad/2/710?from=2018&amp;to=2018">USA – CHN</a>' in alerts
    busiest = section(page, "busiest")
    assert re.search(r'href="/dyad/\d+/\d+\?from=2018&amp;to=2018"', busiest)
    assert "United States of America – China" in busiest
    assert 'href="/monitor"' in page  # in the navigation
