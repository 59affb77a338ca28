"""The user guide builds offline with warnings as errors, on the session store, and its
generated pages are complete: sources, CLI, API reference and the case studies with the
numbers computed from the store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from detente.guides import CASES, CaseResult
from detente.sources import SOURCES

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path, store_path: Path,
                                     case_results: dict[str, CaseResult]) -> None:
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "DETENTE_STORE": str(store_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    sources = (out / "reference" / "sources.html").read_text()
    for source_id in SOURCES:
        assert source_id in sources
    assert "<table" in sources and ".. rubric::" not in sources  # parsed, not shown as text
    cli = (out / "reference" / "cli.html").read_text()
    for command in ("pull", "dyad-years", "rank"):
        assert command in cli
    api = (out / "reference" / "api.html").read_text()
    for name in ("detente.guides.run_case", "detente.profiles.country_profile",
                 "detente.models.coalitions.rank_partners", "detente.reports.write_figure_pngs",
                 "detente.models.escalation.calibrate", "detente.monitor.run_watchlist"):
        assert f'id="{name}"' in api
    cases = (out / "guide" / "cases.html").read_text()
    assert (out / "_static" / "plotly.min.js").is_file()
    for case_id in CASES:
        assert f'id="case-{case_id}"' in cases
        for sentence in case_results[case_id].shows:
            for _, key in sentence.parts:
                if key is not None:
                    assert f"<strong>{case_results[case_id].numbers[key].text()}</strong>" in cases
