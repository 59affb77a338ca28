"""Escalation and monitoring as a user meets them, in Chromium against real servers.

Run a strategy comparison on the escalation page and read its charts. Then, on a server over
a writable copy of the store: upload the real ICEWS sample through the API with the bearer
token, run the example watchlist through the API, open USA-China in 2018 and see the
temperature chart with the alert marked and the alert list, and follow the alert from the
monitor page to its dyad. Screenshots are kept in ``artifacts/browser``. No request may
leave 127.0.0.1.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.interfaces.web.conftest import ARTIFACTS, serving
from tests.interfaces.web.test_browser import TIMEOUT, only_local

TOKEN = "browser-s3cret"
EXAMPLES = Path(__file__).parents[3] / "examples"


def test_compare_strategies_on_the_escalation_page(server: str, page: Any) -> None:
    page.goto(f"{server}/escalation")
    assert page.locator("h1").inner_text() == "Escalation under misperception"
    page.fill("input[name=year]", "2010")
    page.fill("input[name=states]", "USA, CHN, JPN, RUS, UKG, FRN, IND, PAK, GMY, ITA")
    for key in ("tft", "gtft", "grit", "wsls"):
        page.check(f"input[name=strategies][value={key}]")
    page.uncheck("input[name=strategies][value=hardliner]")
    page.fill("input[name=noise]", "0, 0.05, 0.1")
    page.fill("input[name=rounds]", "50")
    page.fill("input[name=replicates]", "20")
    with page.expect_navigation(timeout=TIMEOUT):
        page.click("#run")
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    chart = page.locator("#fig-cooperation")
    assert chart.locator(".main-svg").count() > 0
    assert chart.locator(".gtitle").text_content() == (
        "Cooperation rate against noise, 10 states, 2010")
    assert chart.locator(".legendtext").all_text_contents() == ["tft", "gtft", "grit", "wsls"]
    assert chart.locator(".ytitle").text_content() == "cooperation rate (0-1)"
    assert chart.locator(".xtitle").text_content().startswith("misperception noise")
    assert page.locator("#fig-escalation .legendtext").count() == 4
    assert page.locator("#tbl-spirals tbody tr").count() == 4 * 3
    calibration = page.locator("#calibration")
    assert "measured" in calibration.locator("#tbl-calibration").inner_text()
    link = calibration.locator("a[href='/sources#src-cow_nmc-7.0']").first
    assert link.is_visible()
    assert "seed=0" in page.url and "strategies=grit" in page.url  # the result has an address
    page.screenshot(path=ARTIFACTS / "11-escalation-compare.png", full_page=True)

    page.fill("input[name=states]", "USA, Atlantis")
    with page.expect_navigation(timeout=TIMEOUT):
        page.click("#run")
    assert "no state matches 'Atlantis'" in page.locator("#errors").inner_text()
    page.goto(f"{server}/dyad/USA/CHN")  # the session store holds no events
    empty = page.locator("#temperature .empty").inner_text()
    assert "detente monitor ingest FILE ..." in empty
    only_local(page.requests, server)


@pytest.fixture(scope="module")
def monitored_server(store_path: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory
                     ) -> Iterator[str]:
    """A writable server (with a write token) on a copy of the session store, into which the
    ICEWS sample is uploaded and the example watchlist is run through the REST API."""
    folder = tmp_path_factory.mktemp("monitored-server")
    shutil.copy(store_path, folder / "store.duckdb")
    with serving(folder / "store.duckdb", folder / "server.log",
                 env={"DETENTE_API_TOKEN": TOKEN}) as base:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        upload = httpx.post(f"{base}/api/v1/monitor/events",
                            params={"filename": "events.2018.sample.tab"},
                            content=(mirror / "icews" / "events.2018.sample.tab").read_bytes(),
                            headers=auth, timeout=120)
        assert upload.status_code == 200, upload.text
        with open(EXAMPLES / "watchlist.toml", "rb") as f:
            watchlist = json.loads(json.dumps(tomllib.load(f), default=str))
        run = httpx.post(f"{base}/api/v1/monitor/watchlist/run", json=watchlist, headers=auth,
                         timeout=120)
        assert run.status_code == 200 and run.json()["new_count"] > 0, run.text
        yield base


def test_dyad_temperature_with_alerts_and_the_monitor_page(monitored_server: str,
                                                           page: Any) -> None:
    base = monitored_server
    page.goto(f"{base}/dyad/USA/CHN?from=2018&to=2018")
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    chart = page.locator("#fig-temperature")
    assert chart.locator(".gtitle").text_content() == (
        "Events between United States of America and China, by day, 2018-06-01 to "
        "2018-06-02 (both directions)")
    assert chart.locator(".legendtext").all_text_contents() == [
        "cooperative events", "conflictual events", "net cooperation", "alert"]
    assert chart.locator(".scatterlayer .trace").last.locator(".point").count() == 1
    assert chart.locator(".shapelayer path").count() == 1  # the alert's line
    rows = page.locator("#tbl-alerts tbody tr")
    assert rows.count() == 1
    assert "conflict 10 >= threshold 5" in rows.first.inner_text()
    assert "13 conflictual" in page.locator("#temperature .intro").inner_text()
    page.screenshot(path=ARTIFACTS / "12-dyad-temperature-alerts.png", full_page=True)

    page.goto(f"{base}/monitor")
    assert "events.2018.sample.tab" in page.locator("#tbl-files").inner_text()
    alert = page.locator("#tbl-recent-alerts a", has_text="USA – CHN").first
    page.screenshot(path=ARTIFACTS / "13-monitor.png", full_page=True)
    with page.expect_navigation(timeout=TIMEOUT):
        alert.click()
    assert page.url.endswith("/dyad/2/710?from=2018&to=2018")
    page.wait_for_selector("#fig-temperature[data-rendered='true']", timeout=TIMEOUT)
    only_local(page.requests, base)
