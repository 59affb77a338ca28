"""The dashboard as a user meets it: Chromium against the real server on 127.0.0.1.

Open the map, move the year slider, click a country on the map, read its page, open a dyad.
Screenshots are kept in ``artifacts/browser``. No request may leave 127.0.0.1.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from detente.measures import get_measure
from tests.interfaces.web.conftest import ARTIFACTS

TIMEOUT = 30_000


def only_local(requests: list[str], base: str) -> None:
    hosts = {urlparse(url).netloc for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlparse(base).netloc}, f"requests left the server: {hosts}"


def centre_of(page: Any, iso3: str) -> tuple[float, float]:
    """Screen position of a country's outline in the map's data trace."""
    box = page.evaluate("""(iso3) => {
        const paths = [...document.querySelectorAll('#map .choroplethlocation')];
        const hit = paths.find((p) => p.__data__ && p.__data__.loc === iso3
                                      && p.__data__.z !== undefined && p.__data__.z > 0);
        const r = hit.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
    }""", iso3)
    return float(box[0]), float(box[1])


def test_map_slider_click_country_and_dyad(server: str, page: Any) -> None:
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-year='2022']", timeout=TIMEOUT)
    assert page.locator("#map-loading").is_hidden()
    cinc = get_measure("cinc")
    assert page.locator("#map .gtitle").text_content() == f"{cinc.title}, 2022"
    assert page.locator("#rank-table tbody tr").count() > 150
    assert page.locator("#map .colorbar").count() == 1  # a legend, with the unit
    assert "Singapore" in page.locator("#unmapped p").text_content()  # too small to draw
    assert cinc.unit in page.locator("#map .colorbar").text_content()
    page.screenshot(path=ARTIFACTS / "01-map-2022.png", full_page=True)

    page.locator("#year").fill("1950")
    page.wait_for_selector("#map[data-year='1950']", timeout=TIMEOUT)
    assert page.locator("#year-label").inner_text() == "1950"
    assert page.locator("#rank-year").inner_text() == "1950"
    first = page.locator("#rank-table tbody tr").first
    assert first.locator("td").nth(1).inner_text() == "United States of America"
    assert first.locator("a").last.get_attribute("href") == "/sources#src-cow_nmc-7.0"
    assert page.locator("#map .gtitle").text_content() == f"{cinc.title}, 1950"
    assert "year=1950" in page.url
    page.screenshot(path=ARTIFACTS / "02-map-1950.png", full_page=True)

    x, y = centre_of(page, "IND")
    with page.expect_navigation(timeout=TIMEOUT):
        page.mouse.click(x, y)
    assert page.url.endswith("/country/750?to=1950")
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    assert page.locator("h1").inner_text() == "India"
    assert "shown 1947–1950" in page.locator(".facts").inner_text()
    assert page.locator("#fig-cinc .main-svg").count() > 0
    assert page.locator("#disputes tbody tr").count() >= 1
    page.screenshot(path=ARTIFACTS / "03-country-india.png", full_page=True)

    link = page.locator("#disputes a[href^='/dyad/750/']").first
    with page.expect_navigation(timeout=TIMEOUT):
        link.click()
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    assert page.locator("h1").inner_text().startswith("India and ")
    assert page.locator("#fig-dyad-alliances .main-svg").count() > 0
    assert page.locator("#alliances .gtitle").text_content().startswith("ATOP obligations")
    page.screenshot(path=ARTIFACTS / "04-dyad.png", full_page=True)
    only_local(page.requests, server)


def test_sources_page_anchor_and_a_missing_country(server: str, page: Any) -> None:
    page.goto(f"{server}/sources#src-cow_nmc-7.0")
    assert page.locator("#src-cow_nmc-7\\.0 h2").inner_text().startswith(
        "National Material Capabilities")
    page.goto(f"{server}/country/Atlantis")
    assert "no state matches" in page.locator("[role=alert]").inner_text()
    page.goto(f"{server}/country/Zanzibar")
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    assert page.locator("#partners .empty").is_visible()
    page.screenshot(path=ARTIFACTS / "05-country-without-data.png", full_page=True)
    only_local(page.requests, server)


def loneliest_state(page: Any) -> tuple[int, float, float]:
    """The COW code and screen position of the drawn member state farthest from any other
    state (so a click cannot land on a neighbour)."""
    found = page.evaluate("""() => {
        const gd = document.getElementById('network');
        const layers = [...gd.querySelectorAll('.scatterlayer .trace')];
        const states = [];
        gd.data.forEach((trace, t) => (trace.customdata || []).forEach(([code, year], i) => {
            const r = layers[t].querySelectorAll('path.point')[i].getBoundingClientRect();
            states.push([code, r.x + r.width / 2, r.y + r.height / 2, year]);
        }));
        let best = null, gap = -1;
        for (const [code, x, y, year] of states) {
            if (year === null) continue;
            const near = Math.min(...states.filter((s) => s[0] !== code)
                                           .map((s) => Math.hypot(s[1] - x, s[2] - y)));
            if (near > gap) { gap = near; best = [code, x, y]; }
        }
        return best;
    }""")
    return int(found[0]), float(found[1]), float(found[2])


def test_network_slider_click_a_state_and_see_its_instruments(server: str, page: Any) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("#network[data-year='2010']", timeout=TIMEOUT)
    assert page.locator("#network-loading").is_hidden()
    title = page.locator("#network .gtitle").text_content()
    assert title.startswith("Defence network, 2010: alliance")
    assert page.locator("#network .legend").count() == 1  # regions and tie bands
    assert "ties: strongest 10%" in page.locator("#network .legend").text_content()
    assert page.locator("#rank-table tbody tr").count() == 25
    assert page.locator("#rank-table tbody tr").first.locator("a").nth(1).get_attribute(
        "href").startswith("/sources#src-")
    page.screenshot(path=ARTIFACTS / "06-network-2010.png", full_page=True)

    page.locator("#year").fill("1995")
    page.wait_for_selector("#network[data-year='1995']", timeout=TIMEOUT)
    assert page.locator("#year-label").inner_text() == "1995"
    assert page.locator("#network .gtitle").text_content().startswith("Defence network, 1995")
    assert page.locator("#rank-year").inner_text() == "1995" and "year=1995" in page.url
    page.screenshot(path=ARTIFACTS / "07-network-1995.png", full_page=True)

    code, x, y = loneliest_state(page)
    with page.expect_navigation(timeout=TIMEOUT):
        page.mouse.click(x, y)
    assert page.url.endswith(f"/country/{code}?to=1995")
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    assert page.locator("#engagements h2").inner_text() == "Engagements by instrument"
    assert "partners engaged per year" in page.locator("#engagements .gtitle").first.text_content()
    assert page.locator("#fig-engagements .main-svg").count() > 0
    assert page.locator("#centrality").is_visible()
    page.locator("#engagements").screenshot(path=ARTIFACTS / "08-country-instruments.png")
    only_local(page.requests, server)
