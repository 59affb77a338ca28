"""The country brief opened from a file in Chromium: every figure renders, nothing is fetched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from detente.reports import country_brief, render_html
from detente.store import Store


@pytest.fixture(scope="module")
def brief_html(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    out.write_text(render_html(country_brief(store, "IND", 2010)), encoding="utf-8")
    return out


def test_brief_renders_from_a_file_with_no_network(brief_html: Path, browser: Any) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(brief_html.as_uri())
        page.wait_for_selector("body[data-figures-ready='true']", timeout=30_000)
        assert page.locator("#fig-world-map .choroplethlocation").count() > 150
        assert page.locator(".plot .main-svg").count() >= 5
    finally:
        page.close()
    assert {r.split(":", 1)[0] for r in requests} <= {"file", "data"}, requests


