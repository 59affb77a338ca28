"""The coalition and bargaining pages as HTML: in the navigation, forms filled from the
registries and the store's coverage, every asset served locally."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.interfaces.web.pages.coalitions import covered_years
from detente.models.coalitions import BALANCE_COMPONENTS, DEFAULTS
from detente.store import Store


@pytest.fixture(scope="module")
def web(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), store=store), raise_server_exceptions=False) as c:
        yield c


def test_default_components_cover_gml_years(store: Store) -> None:
    assert covered_years(store, DEFAULTS, ["cow_nmc"]) == (1816, 2010)  # GML MID ends in 2010
    assert covered_years(store, BALANCE_COMPONENTS) == (1816, 2010)


def test_coalitions_page_offers_the_registries(web: TestClient) -> None:
    page = web.get("/coalitions").text
    assert '<a href="/coalitions" aria-current="page">Coalitions</a>' in page
    assert 'href="/bargaining"' in page
    assert 'name="year" value="2010" min="1816" max="2010"' in page
    assert 'name="from" value="1991"' in page  # the last 20 covered years
    assert 'name="w-contiguity" value="0.25"' in page and 'name="w-un_voting" value="0"' in page
    assert '<option value="soft_power">' in page and '<option value="middle_east">' in page
    layout = json.loads(re.search(r'id="house-layout">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert layout["xaxis"]["title"]["text"] == "Year"


def test_bargaining_page_and_its_scripts(web: TestClient) -> None:
    page = web.get("/bargaining").text
    assert '<a href="/bargaining" aria-current="page">Bargaining</a>' in page
    for script in ("runs.js", "bargaining.js"):
        assert f'src="/static/{script}"' in page
        assert web.get(f"/static/{script}").status_code == 200
    assert web.get("/static/runs.css").status_code == 200
    for url in ("/bargaining", "/coalitions"):
        assert not re.search(r'(src|href)="(https?:)?//', web.get(url).text)
