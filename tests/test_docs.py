"""The user guide builds offline with warnings as errors, and its generated pages are complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from detente.sources import SOURCES

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    sources = (out / "reference" / "sources.html").read_text()
    for source_id in SOURCES:
        assert source_id in sources
    cli = (out / "reference" / "cli.html").read_text()
    for command in ("pull", "dyad-years", "rank"):
        assert command in cli
