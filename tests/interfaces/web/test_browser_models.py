"""The coalition and bargaining pages as a user meets them: Chromium against the real server.

Run the Syria landscape, the structural balance over time and a partner ranking with a
what-if; load the EC example, forecast it, compare a posture change, draw the sensitivity
and rank the pivotal actors. Screenshots go to ``artifacts/browser``; no request may leave
127.0.0.1.
"""

from __future__ import annotations

from typing import Any

from tests.interfaces.web.conftest import ARTIFACTS
from tests.interfaces.web.test_browser import only_local

TIMEOUT = 60_000


def run(page: Any, panel: str) -> None:
    """Submit a panel's form and wait until this run has finished."""
    page.evaluate("(id) => { delete document.getElementById(id).dataset.state; }", panel)
    page.click(f"#{panel} button[type=submit]")
    page.wait_for_selector(f"#{panel}[data-state=done], #{panel}[data-state=error]",
                           timeout=TIMEOUT)


def test_coalitions_page(server: str, page: Any) -> None:
    page.goto(f"{server}/coalitions")
    assert page.locator("nav a[aria-current=page]").inner_text() == "Coalitions"
    page.check("#landscape input[value=furnas]")
    assert page.locator("#landscape input[name=states]").is_hidden()
    run(page, "landscape")
    assert page.get_attribute("#landscape", "data-state") == "done"
    first = page.locator("#minima-table tbody tr").first
    cells = first.locator("td")
    assert page.locator("#minima-table tbody tr").count() == 1
    assert cells.nth(1).inner_text() == "-83,200" and cells.nth(2).inner_text() == "100%"
    assert cells.nth(5).inner_text() == "Turkey, ISIS, Nursa"
    assert cells.nth(1).locator("a").get_attribute("href") == \
        "/sources#src-landscape_furnas-2016-02-20"
    assert "1,024 configurations" in page.inner_text("#landscape-summary")
    page.wait_for_selector("#fig-frustration[data-rendered=true]", timeout=TIMEOUT)
    assert "Syria, February 2016" in page.locator("#fig-frustration .gtitle").text_content()
    assert page.locator("#fig-frustration .legend").count() == 1
    page.screenshot(path=ARTIFACTS / "10-coalitions-syria.png", full_page=True)

    page.check("#landscape input[value=states]")
    page.fill("#landscape input[name=states]", "USA, Atlantis, RUS")
    run(page, "landscape")
    assert "Atlantis" in page.inner_text("#landscape .run-error")
    page.screenshot(path=ARTIFACTS / "11-coalitions-bad-state.png", full_page=True)

    page.fill("#balance input[name=from]", "2001")
    page.fill("#balance input[name=to]", "2010")
    run(page, "balance")
    page.wait_for_selector("#fig-balance[data-rendered=true]", timeout=TIMEOUT)
    assert page.locator("#fig-balance .gtitle").text_content().endswith("2001–2010")
    assert page.locator("#fig-balance .xtitle").text_content() == "Year"
    rows = page.locator("#balance-rows tbody tr")
    assert rows.count() == 10 and rows.first.locator("td").first.inner_text() == "2001"
    assert "proven optimal" in page.inner_text("#balance-caption")

    run(page, "partners")
    assert page.locator("#partner-rows tbody tr").count() == 15
    assert "balance against RUS" in page.inner_text("#partners-summary")
    capability = page.locator("#partners-summary a").first  # CINC: linked to NMC
    assert capability.get_attribute("href") == "/sources#src-cow_nmc-7.0"
    first_candidate = page.locator("#partner-rows tbody tr").first.locator("td").nth(1)
    name = first_candidate.inner_text()
    page.locator("#partner-rows tbody tr").first.locator("button").click()
    page.wait_for_selector("#whatif:not([hidden])", timeout=TIMEOUT)
    assert f"+{name}" in page.inner_text("#whatif-rows")
    assert page.locator("#partners-sources a[href='/sources#src-cow_nmc-7.0']").count() == 1
    page.screenshot(path=ARTIFACTS / "12-coalitions-balance-partners.png", full_page=True)
    only_local(page.requests, server)


def test_bargaining_page(server: str, page: Any) -> None:
    page.goto(f"{server}/bargaining")
    page.wait_for_selector("#issue[data-state=done]", timeout=TIMEOUT)  # the example loads
    assert page.locator("#actors tbody tr").count() == 10
    run(page, "issue")
    summary = page.inner_text("#forecast-summary")
    assert "median forecast 8.602" in summary and "round 0: median 7, mean 7.39" in summary
    assert page.locator("#forecast-summary a").first.get_attribute("href") == \
        "/sources#src-bdm_eu_emissions-1994"
    page.wait_for_selector("#fig-positions[data-rendered=true]", timeout=TIMEOUT)
    assert page.locator("#fig-positions .gtitle").text_content().startswith(
        "EC car-emission standards (years): positions by round")
    assert page.locator("#fig-positions .ytitle").text_content() == "Position (years)"
    assert "forecast: median" in page.locator("#fig-positions .legend").text_content()
    page.screenshot(path=ARTIFACTS / "20-bargaining-forecast.png", full_page=True)

    page.select_option("#whatif select[name=cap_actor]", "UK")
    run(page, "whatif")
    comparison = page.locator("#comparison-rows tbody tr")
    assert comparison.count() == 2
    assert comparison.nth(1).locator("td").nth(3).inner_text() == "9.491"

    page.fill("#sensitivity input[name=draws]", "10")
    run(page, "sensitivity")
    page.wait_for_selector("#fig-sensitivity[data-rendered=true]", timeout=TIMEOUT)
    assert "over 10 draws (seed 1)" in page.locator("#fig-sensitivity .gtitle").text_content()
    assert page.locator("#quantile-rows tbody tr").count() == 4

    run(page, "pivotal")
    assert page.locator("#pivotal-rows tbody tr").first.locator("td").nth(1).inner_text() == "UK"
    page.screenshot(path=ARTIFACTS / "21-bargaining-whatif-sensitivity.png", full_page=True)

    salience = page.locator("#actors tbody tr").first.locator("input[name=salience]")
    salience.fill("150")
    assert "Edited" in page.inner_text("#issue-origin")
    run(page, "issue")
    assert "issue.given.actors.0.salience" in page.inner_text("#issue .run-error")
    assert salience.get_attribute("aria-invalid") == "true"
    salience.fill("80")
    run(page, "issue")
    assert "no dataset behind them" in page.inner_text("#forecast-sources")
    page.screenshot(path=ARTIFACTS / "22-bargaining-edited.png", full_page=True)
    only_local(page.requests, server)
