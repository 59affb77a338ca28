"""Dashboard pages as HTML, and the rule that every linked number points to a source entry
that exists on the sources page."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.interfaces.web import NAV, PAGES
from detente.measures import get_measure
from detente.store import Store


@pytest.fixture(scope="module")
def web(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


def _anchors(page: str) -> set[str]:
    return set(re.findall(r'id="(src-[^"]+)"', page))


def test_home_redirects_to_the_map(web: TestClient) -> None:
    response = web.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/map"


def test_navigation_lists_every_page_with_a_nav_item(web: TestClient) -> None:
    page = web.get("/map").text
    for item in NAV:
        assert f'href="{item.href}"' in page
    assert len(NAV) == sum(1 for p in PAGES if p.nav is not None)
    assert 'id="year"' in page and 'min="1816"' in page and 'max="2022"' in page


def test_map_fragment_has_the_figure_rows_and_sources(web: TestClient) -> None:
    body = web.get("/fragments/map", params={"year": 1990}).json()
    assert body["year"] == 1990 and body["rows"][0]["rank"] == 1
    values = body["figure"]["data"][1]
    assert values["geojson"] is None  # the page attaches the outlines it fetched once
    assert len(values["locations"]) == len(set(values["locations"]))  # GFR and Germany: one
    assert "German Federal Republic" in [r["name"] for r in body["rows"]]
    assert "German Democratic Republic" in body["unmapped"]  # no present-day outline
    assert body["sources"][0]["href"] == "/sources#src-cow_nmc-7.0"
    assert body["figure"]["layout"]["title"]["text"] == f"{get_measure('cinc').title}, 1990"
    assert body["measure"]["format"] == ".4f"


def test_country_page_shows_sections_and_links_numbers_to_sources(web: TestClient) -> None:
    page = web.get("/country/IND").text
    for heading in ("Hard power", "Instruments over time", "Top alliance partners",
                    "Militarized disputes", "Citations"):
        assert f"<h2>{heading}</h2>" in page
    figures = [json.loads(f) for f in re.findall(
        r'<script type="application/json" class="figure-data"[^>]*>(.*?)</script>', page, re.S)]
    titles = [f["layout"]["title"]["text"] for f in figures]
    assert "India: CINC, 1947–2022" in titles
    assert all(re.search(r"\d{4}", t) for t in titles)  # a year on every chart
    anchors = _anchors(web.get("/sources").text)
    linked = set(re.findall(r'href="/sources#(src-[^"]+)"', page))
    assert {"src-cow_nmc-7.0", "src-atop-5.1", "src-gml_mid-2.2.1"} <= linked <= anchors
    assert 'href="/dyad/750/770"' in page  # Pakistan, a partner and an opponent


def test_a_state_without_partners_or_disputes_gets_messages_not_errors(web: TestClient) -> None:
    response = web.get("/country/Zanzibar")
    assert response.status_code == 200
    assert "shares no ATOP obligation" in response.text
    assert "No Gibler-Miller-Little MID involves Zanzibar" in response.text


def test_dyad_page_and_dyad_finder(web: TestClient) -> None:
    page = web.get("/dyad/USA/JPN").text
    assert "ATOP obligations, United States of America and Japan" in page
    assert "defence USA \\u2192 JPN" in page and "<h2>Disputes over time</h2>" in page
    found = web.get("/dyad", params={"a": "India", "b": "PAK"}, follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == "/dyad/750/770"


def test_country_search(web: TestClient) -> None:
    one = web.get("/country", params={"q": "Zimbabwe"}, follow_redirects=False)
    assert one.status_code == 303 and one.headers["location"] == "/country/552"
    many = web.get("/country", params={"q": "guinea"}).text
    assert "Equatorial Guinea" in many and "Papua New Guinea" in many
    none = web.get("/country", params={"q": "Atlantis"}).text
    assert "No state matches" in none


def test_page_errors_are_html_pages(web: TestClient) -> None:
    response = web.get("/country/Atlantis")
    assert response.status_code == 404 and response.headers["content-type"].startswith(
        "text/html")
    assert "no state matches 'Atlantis'" in html.unescape(response.text)


def test_sources_page_anchors_every_source_version(web: TestClient) -> None:
    anchors = _anchors(web.get("/sources").text)
    assert {"src-natural_earth-5.1.2", "src-cow_states-2016", "src-countrycode-1.8.0"} <= anchors


def test_the_map_bundle_is_the_same_plotly_js_version_as_the_wheel(web: TestClient) -> None:
    """The map page loads plotly.js's geo partial bundle; it must match the wheel's plotly.js."""
    full = web.get("/static/vendor/plotly.min.js").content[:200].decode()
    wheel_version = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", full).group(1)  # type: ignore[union-attr]
    page = web.get("/map").text
    geo = re.search(r'src="(/static/vendor/plotly-geo-[^"]+)"', page).group(1)  # type: ignore[union-attr]
    head = web.get(geo).content[:200].decode()
    assert f"plotly.js (geo - minified) v{wheel_version}" in head
    assert "/static/vendor/plotly.min.js" not in page  # the full bundle is not loaded too


def test_assets_are_served_locally(web: TestClient) -> None:
    plotly = web.get("/static/vendor/plotly.min.js")
    assert plotly.status_code == 200 and len(plotly.content) > 1_000_000
    assert "immutable" in plotly.headers["cache-control"]
    for name in ("figures.js", "map.js", "detente.css", "geo-assets.js", "favicon.svg"):
        assert web.get(f"/static/{name}").status_code == 200
    page = web.get("/map").text
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from elsewhere
