"""The guided case pages: every case reachable from the navigation, its sentences with each
number linked to a source entry that exists, its figures, the made-up file labelled, and
links into the map, country and dyad pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from detente._settings import Settings
from detente.guides import CASES
from detente.interfaces.api import create_app
from detente.store import Store
from tests.interfaces.web.test_browser import TIMEOUT, only_local


@pytest.fixture(scope="module")
def web(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


def test_guides_index_lists_every_case_and_is_in_the_navigation(web: TestClient) -> None:
    page = web.get("/guides").text
    assert 'href="/guides"' in web.get("/map").text
    for case in CASES.values():
        assert f'href="/guides/{case.id}"' in page
        assert str(escape(case.seed_passage)) in page


@pytest.mark.parametrize("case_id", list(CASES))
def test_case_page_links_every_number_and_state(web: TestClient, case_id: str) -> None:
    case = CASES[case_id]
    response = web.get(f"/guides/{case_id}")
    assert response.status_code == 200
    page = response.text
    assert f"<h1>{escape(case.title)}</h1>" in page
    assert 'role="alert"' not in page  # every claim holds on the session store
    shows = page.split('id="shows"')[1].split("</section>")[0]
    linked = re.findall(r'<a href="/sources#(src-[^"]+)"', shows)
    assert linked  # the numbers in the sentences link to their sources
    anchors = set(re.findall(r'id="(src-[^"]+)"', web.get("/sources").text))
    assert set(re.findall(r'href="/sources#(src-[^"]+)"', page)) <= anchors
    assert re.search(r'href="/country/\d+"', page)
    if case.map:
        assert f'href="/map?measure={case.map[0]}&amp;year={case.map[1]}"' in page
    figures = [json.loads(f) for f in re.findall(
        r'<script type="application/json" class="figure-data"[^>]*>(.*?)</script>', page, re.S)]
    assert len(figures) >= 1 and all(f["data"] for f in figures)
    if case.user_entry is not None:
        assert "A made-up example file (not real data)" in page
        assert "MADE-UP EXAMPLE (not real data)" in page


def test_an_unknown_case_is_not_found(web: TestClient) -> None:
    assert web.get("/guides/no_such_case").status_code == 404


@pytest.mark.slow
def test_a_guided_page_in_the_browser(server: str, page: Any) -> None:
    page.goto(f"{server}/guides")
    with page.expect_navigation(timeout=TIMEOUT):
        page.locator('a[href="/guides/japan_sdf"]').click()
    page.wait_for_selector("body[data-figures-ready='true']", timeout=TIMEOUT)
    assert page.locator(".plot[data-rendered='true']").count() == 2
    assert "Japan" in page.locator("#shows").inner_text()
    with page.expect_navigation(timeout=TIMEOUT):
        page.locator('#explore a[href="/country/740"]').click()
    assert page.locator("h1").inner_text() == "Japan"
    only_local(page.requests, server)
