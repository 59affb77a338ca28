"""The network page and the instrument sections of the country and dyad pages, as HTML: every
chart names its years and units, every linked number points at a source entry that exists,
and a state or pair without data gets a message."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.interfaces.web import NAV
from detente.store import Store


@pytest.fixture(scope="module")
def web(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def anchors(web: TestClient) -> set[str]:
    return set(re.findall(r'id="(src-[^"]+)"', web.get("/sources").text))


def _figures(page: str) -> list[dict[str, Any]]:
    return [json.loads(f) for f in re.findall(
        r'<script type="application/json" class="figure-data"[^>]*>(.*?)</script>', page, re.S)]


def _section(page: str, section_id: str) -> str:
    found = re.search(rf'<section class="panel" id="{section_id}">(.*?)</section>', page, re.S)
    assert found, section_id
    return found.group(1)


def test_network_page_is_in_the_navigation_with_a_slider_and_layers(web: TestClient) -> None:
    assert "/network" in [item.href for item in NAV]
    page = web.get("/network").text
    assert 'data-year="2010"' in page  # the last year all four default layers cover
    assert 'min="1815"' in page and 'max="2021"' in page
    for layer in ("alliance", "arms_transfer", "exercise", "peacekeeping"):
        assert f'value="{layer}" checked' in page
    assert 'value="igo_comembership">' in page  # offered, not chosen
    assert not re.search(r'(src|href)="(https?:)?//', page)
    none = web.get("/network", params={"instrument": "cyber_cooperation"}).text
    assert "None of the chosen instruments has data" in none
    bad = web.get("/network", params={"instrument": "telepathy"})
    assert bad.status_code == 422 and "unknown instrument" in bad.text


def test_network_fragment_draws_states_by_strength_and_links_sources(
        web: TestClient, anchors: set[str]) -> None:
    body = web.get("/fragments/network", params={
        "year": 1995, "instrument": ["alliance", "arms_transfer"]}).json()
    layout = body["figure"]["layout"]
    assert layout["title"]["text"] == "Defence network, 1995: alliance, arms transfer"
    states = [t for t in body["figure"]["data"] if t.get("customdata")]
    assert {t["name"] for t in states} >= {"Europe", "Asia", "Americas"}
    codes = [c for t in states for c, _ in t["customdata"]]
    assert len(codes) == len(set(codes)) == body["states"]
    ties = [t for t in body["figure"]["data"] if t["name"].startswith("ties:")]
    assert len(ties) == 3 and "combined weight" in ties[0]["name"]  # the legend's bands
    top = body["rows"][0]
    assert top["rank"] == 1 and top["strength"] >= body["rows"][1]["strength"]
    assert top["strength"] == pytest.approx(sum(x["strength"] for x in top["layers"]))
    hrefs = {top["href"], *(x["href"] for x in top["layers"])}
    assert {h.split("#")[1] for h in hrefs} <= anchors
    refused = web.get("/fragments/network", params={"year": 1700})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "year"


def test_country_page_shows_engagements_soft_power_and_centrality(web: TestClient,
                                                                   anchors: set[str]) -> None:
    page = web.get("/country/IND").text
    for heading in ("Engagements by instrument", "Soft power",
                    "Centrality in the defence network"):
        assert f"<h2>{heading}</h2>" in page
    titles = {f["layout"]["title"]["text"]: f for f in _figures(page)}
    engaged = titles["India: partners engaged per year, by instrument, 1947–2022"]
    panels = [a["text"] for a in engaged["layout"]["annotations"]]
    assert "<b>Joint exercise and training</b> (partners)" in panels
    names = {t["name"] for t in engaged["data"]}
    assert {"MME", "JME"} <= names  # each exercise source on its own
    assert "India: soft power and its pillars, 1947–2021" in titles
    band = titles["India: soft-power rank with its interval, 1947–2021"]
    assert band["layout"]["yaxis"]["autorange"] == "reversed"
    assert "India: centrality in the combined defence network, 1947–2021" in titles
    for section in ("engagements", "soft-power", "centrality"):
        linked = set(re.findall(r'href="/sources#(src-[^"]+)"', _section(page, section)))
        assert linked and linked <= anchors, section
    partners = _section(page, "engagements")
    assert 'href="/dyad/750/365"' in partners  # Russia, top arms supplier: to the dyad page
    assert re.search(r"Rank interval \(5th-95th pct\.\)</td><td class=\"num\"><a href=\"[^\"]+\">"
                     r"\d+–\d+</a>", _section(page, "soft-power"))


def test_a_state_without_engagements_gets_a_message(web: TestClient) -> None:
    page = web.get("/country/2", params={"from": 1816, "to": 1818})
    assert page.status_code == 200
    assert "No engagement of United States of America is recorded in 1816–1818" in page.text


def test_dyad_page_shows_ties_similarity_and_engagements(web: TestClient,
                                                          anchors: set[str]) -> None:
    page = web.get("/dyad/USA/JPN", params={"from": 1990, "to": 2010}).text
    for heading in ("Relationship strength", "Alliance-portfolio similarity",
                    "Engagements between them"):
        assert f"<h2>{heading}</h2>" in page
    titles = {f["layout"]["title"]["text"]: f for f in _figures(page)}
    ties = titles["Relationship strength, United States of America and Japan, 1990–2010"]
    assert {t["name"] for t in ties["data"]} >= {"tie strength", "arms transfers",
                                                 "UN voting agreement"}
    similarity = titles["Alliance-portfolio similarity, United States of America and Japan, "
                        "1990–2010"]
    assert [t["name"] for t in similarity["data"]] == [
        "S (unweighted)", "S (CINC-weighted)", "Cohen's kappa (weighted)", "Kendall's tau-b"]
    together = _section(page, "engagements")
    assert "<td>Arms transfer and defence sale</td>" in together and "USA → JPN" in together
    for section in ("ties", "similarity", "engagements"):
        linked = set(re.findall(r'href="/sources#(src-[^"]+)"', _section(page, section)))
        assert linked and linked <= anchors, section
    empty = web.get("/dyad/2/200", params={"from": 1816, "to": 1817}).text
    assert "No engagement between United States of America and United Kingdom" in empty


def test_the_map_offers_every_registered_measure(web: TestClient) -> None:
    page = web.get("/map", params={"measure": "soft_power", "year": 2010}).text
    for name in ("soft_power", "soft_hard_balance", "defence_centrality", "cinc"):
        assert f'<option value="{name}"' in page
    body = web.get("/fragments/map", params={"measure": "soft_power", "year": 2010}).json()
    assert body["measure"]["unit"] == "score 0-100 within the compared states"
    assert body["rows"][0]["rank"] == 1 and len(body["rows"]) > 150
