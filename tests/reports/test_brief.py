"""The country brief: self-contained HTML that works from file:// offline, PDF and PNG."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.interfaces.cli import app
from detente.measures import measure_table
from detente.profiles import ProfileError
from detente.reports import country_brief, render_html, write_pngs
from detente.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def brief_html(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    result = runner.invoke(app, ["report", "country", "IND", "--year", "2010", "--out",
                                 str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "India in 2010" in result.output
    return out


def test_brief_inlines_everything(brief_html: Path, store: Store) -> None:
    text = brief_html.read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', text)  # nothing to fetch
    assert "PlotlyGeoAssets" in text and re.search(r'"type":\s*"FeatureCollection"', text)
    assert "<h1>India in 2010</h1>" in text
    cinc = measure_table(store, "cinc", (2010, 2010), states=[750]).to_pylist()[0]
    assert f">{cinc['value']:.4f}</a>" in text
    assert f">{cinc['rank']} of {cinc['ranked']}</a>" in text
    assert 'href="#src-cow_nmc-7.0"' in text and 'id="src-cow_nmc-7.0"' in text
    assert 'href="/' not in text  # no link that only works on the server


def test_pdf_is_printed_by_chromium(store_path: Path, tmp_path: Path,
                                    chromium_path: str) -> None:
    out = tmp_path / "brief.pdf"
    result = runner.invoke(app, ["report", "country", "Japan", "--year", "1960", "--format",
                                 "pdf", "--out", str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 3


def test_figures_export_as_png(store: Store, tmp_path: Path, chromium_path: str) -> None:
    brief = country_brief(store, "BRA", 2000)
    files = write_pngs(brief, tmp_path)
    assert {f.name for f in files} >= {"fig-world-map.png", "fig-cinc.png"}
    for f in files:
        head = f.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", head[16:24])
        assert width == 1000 and height >= 300


def test_a_year_the_state_did_not_exist_is_refused(store: Store, store_path: Path,
                                                    tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not a COW system member in 1990"):
        country_brief(store, "SSD", 1990)
    result = runner.invoke(app, ["report", "country", "SSD", "--year", "1990", "--out",
                                 str(tmp_path / "x.html"), "--store", str(store_path)])
    assert result.exit_code == 1 and "not a COW system member in 1990" in result.output
    assert not (tmp_path / "x.html").exists()


def test_render_html_needs_no_server(store: Store) -> None:
    text = render_html(country_brief(store, "ZAN", 1964))
    assert "shares no ATOP obligation" in text
    assert "<h1>Zanzibar in 1964</h1>" in text
