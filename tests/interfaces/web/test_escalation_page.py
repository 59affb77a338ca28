"""The escalation page as HTML: the form, a comparison calibrated from the real store (charts
with a year, units and a legend; spirals; calibration provenance linking to sources), and
bad input shown beside the form with the field named."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.store import Store

RUN = [("run", "1"), ("year", "2010"), ("states", "USA, CHN, JPN, RUS"),
       ("strategies", "tft"), ("strategies", "gtft"), ("noise", "0, 0.1"), ("rounds", "30"),
       ("replicates", "10"), ("seed", "4")]


@pytest.fixture(scope="module")
def web(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


def figures(page: str) -> dict[str, dict[str, Any]]:
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(
        r'<script type="application/json" class="figure-data" data-target="([^"]+)">'
        r'(.*?)</script>', page, re.S)}


def test_the_form_opens_with_defaults_and_runs_nothing(web: TestClient) -> None:
    page = web.get("/escalation")
    assert page.status_code == 200
    assert 'name="states" value="USA, CHN, JPN' in page.text
    assert 'value="tft" checked' in page.text and 'value="hardliner">' in page.text
    assert '<option value="Eastern Asia">' in page.text  # the regions countrycode knows
    assert not figures(page.text) and 'href="/escalation"' in page.text  # in the navigation


def test_a_comparison_shows_charts_spirals_and_provenance(web: TestClient) -> None:
    response = web.get("/escalation", params=RUN)
    assert response.status_code == 200, response.text
    page = response.text
    for heading in ("Cooperation and escalation against noise",
                    "Spirals and time to de-escalation", "Calibration and provenance"):
        assert f"<h2>{heading}</h2>" in page
    figs = figures(page)
    assert set(figs) == {"fig-cooperation", "fig-escalation", "fig-spirals"}
    coop = figs["fig-cooperation"]
    assert coop["layout"]["title"]["text"] == "Cooperation rate against noise, 4 states, 2010"
    assert coop["layout"]["yaxis"]["title"]["text"] == "cooperation rate (0-1)"
    assert coop["layout"]["xaxis"]["title"]["text"].startswith("misperception noise")
    assert [t["name"] for t in coop["data"]] == ["tft", "gtft"]
    assert coop["data"][0]["x"] == [0.0, 0.1] and "error_y" in coop["data"][0]
    assert figs["fig-escalation"]["layout"]["yaxis"]["title"]["text"] == (
        "escalation points per round")
    table = re.search(r'id="tbl-spirals">(.*?)</figure>', page, re.S).group(1)  # type: ignore[union-attr]
    assert table.count("<tr>") == 1 + 2 * 2  # header + strategies x noise levels
    assert "time to de-escalation (rounds)" in table
    calibration = re.search(r'id="calibration">(.*?)</section>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "<td>trust</td><td>measured</td>" in calibration
    assert "<td>channel</td><td>proxy</td>" in calibration
    assert 'href="/dyad/2/710"' in calibration  # each dyad links to its page
    sources = set(re.findall(r'href="/sources#(src-[^"]+)"', calibration))
    anchors = set(re.findall(r'id="(src-[^"]+)"', web.get("/sources").text))
    assert {"src-cow_nmc-7.0", "src-atop-5.1"} <= sources <= anchors


def test_the_page_shows_what_the_api_computes(web: TestClient) -> None:
    page = web.get("/escalation", params=RUN).text
    api = web.post("/api/v1/escalation/compare", json={
        "year": 2010, "states": ["USA", "CHN", "JPN", "RUS"], "strategies": ["tft", "gtft"],
        "noise": [0, 0.1], "rounds": 30, "replicates": 10, "seed": 4}).json()
    shown = figures(page)["fig-cooperation"]["data"]
    for trace in shown:
        expected = [r["cooperation_rate"] for r in api["data"] if r["strategy"] == trace["name"]]
        assert trace["y"] == expected


@pytest.mark.parametrize(("change", "text"), [
    ({"states": "USA, Atlantis"}, "states</strong>: no state matches &#39;Atlantis&#39;"),
    ({"noise": "0, lots"}, "noise.1</strong>: Input should be a valid number"),
    ({"replicates": "1000", "rounds": "1000"}, "replicates</strong>: 6 dyads x 1,000 rounds"),
    ({"strategies": None}, "strategies</strong>: List should have at least 1 item"),
])
def test_bad_input_is_shown_beside_the_form(web: TestClient, change: dict[str, Any],
                                            text: str) -> None:
    params = [(k, v) for k, v in RUN if k not in change]
    params += [(k, v) for k, v in change.items() if v is not None]
    response = web.get("/escalation", params=params)
    assert response.status_code == 422
    assert "The comparison was not run" in response.text and text in response.text
    assert 'name="states"' in response.text and not figures(response.text)
