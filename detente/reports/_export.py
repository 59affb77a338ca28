"""PDF and PNG output, both drawn by the system's headless Chromium, offline.

PDF: Playwright opens the self-contained HTML from ``file://``, waits until every figure has
rendered, and prints it. PNG: kaleido renders each figure with the plotly.js of the plotly
package and MathJax off, so nothing is fetched.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from detente._errors import DetenteError
from detente.reports._brief import CountryBrief

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class ExportError(DetenteError):
    """A PDF or PNG could not be produced (no Chromium, or it failed)."""


def chromium_path() -> str:
    """The system Chromium (Debian's ``chromium``); :class:`ExportError` with advice if none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise ExportError("PDF and PNG output need Chromium: install it with "
                      "`apt-get install -y chromium` (Debian) and try again")


def write_pdf(html: Path, pdf: Path, *, timeout_ms: int = 60_000) -> Path:
    """Print the HTML file ``html`` to ``pdf`` (A4) once its figures have rendered.

    Runs in its own thread, so it also works where an event loop is already running (a
    server, a notebook, another Playwright session).
    """
    from concurrent.futures import ThreadPoolExecutor

    pdf.parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, html, pdf, timeout_ms).result()


def _print(html: Path, pdf: Path, timeout_ms: int) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(html.resolve().as_uri())
            page.wait_for_selector("body[data-figures-ready='true']", timeout=timeout_ms)
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), format="A4", print_background=True,
                     margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
        finally:
            browser.close()
    return pdf


class PlotlyFigure(Protocol):
    """Anything with an ``id`` and a plotly ``figure`` dict (a dashboard figure view, a
    case-study figure)."""

    @property
    def id(self) -> str: ...

    @property
    def figure(self) -> dict[str, Any]: ...


def write_pngs(brief: CountryBrief, folder: Path, *, width: int = 1000, height: int = 520
               ) -> list[Path]:
    """Every figure of ``brief`` as ``folder/<figure id>.png``."""
    figures = [brief.world_map, *(f for s in brief.sections for f in s.figures)]
    return write_figure_pngs(figures, folder, width=width, height=height)


def write_figure_pngs(figures: Sequence[PlotlyFigure], folder: Path, *, width: int = 1000,
                      height: int = 520) -> list[Path]:
    """Each figure as ``folder/<figure id>.png``, drawn by kaleido in one Chromium session."""
    import kaleido

    from detente.interfaces.web._assets import STATIC

    chromium_path()
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [{"fig": f.figure, "path": str(folder / f"{f.id}.png"),
             "opts": {"format": "png", "width": width,
                      "height": f.figure["layout"].get("height", height)}} for f in figures]
    # MathJax off and the empty base-map topology loaded: kaleido then fetches nothing.
    pages = kaleido.PageGenerator(mathjax=False, others=[str(STATIC / "geo-assets.js")])
    kaleido.write_fig_from_object_sync(jobs, kopts={"page_generator": pages})
    return [Path(j["path"]) for j in jobs]
