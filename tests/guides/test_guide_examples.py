"""The worked examples of the user guide run, and print what the pages say they print.

Every ``pycon`` block of a page in ``docs/guide/`` is a doctest; the blocks of one page run
in order in one namespace, on the session store (``Store(read_only=True)`` opens the store
named by ``DETENTE_STORE``).
"""

from __future__ import annotations

import doctest
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide"
BLOCK = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)
PAGES = sorted(p.name for p in GUIDE.glob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))


def examples(page: Path) -> str:
    """The page's pycon blocks, one after the other (blank lines end expected output)."""
    return "\n".join(BLOCK.findall(page.read_text(encoding="utf-8")))


@pytest.fixture
def on_session_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DETENTE_STORE", str(store_path))
    yield


def test_the_guide_has_worked_examples() -> None:
    assert {"observe.md", "measure.md", "coalitions.md", "bargaining.md", "escalation.md",
            "monitor.md"} <= set(PAGES)


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_guide_examples_run(name: str, on_session_store: None) -> None:
    page = GUIDE / name
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples(page), {}, name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0, name
    assert result.failed == 0, f"{result.failed} example(s) of {name} failed"
