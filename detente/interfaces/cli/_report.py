"""``detente report``: country briefs as self-contained HTML or PDF, figures as PNG."""

from __future__ import annotations

import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner

app = typer.Typer(help="Reports: country briefs (HTML, PDF) and their figures (PNG).",
                  no_args_is_help=True)


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


@app.command()
@friendly
def country(
    state: Annotated[str, typer.Argument(help="COW code, ISO3, COW abbreviation or name.")],
    year: Annotated[int, typer.Option(help="The year the brief describes.")],
    out: Annotated[Path, typer.Option(help="File to write (.html or .pdf).")],
    fmt: Annotated[ReportFormat, typer.Option("--format", help="html: one self-contained "
                                              "file; pdf: printed by headless Chromium.")]
    = ReportFormat.html,
    since: Annotated[int | None, typer.Option(help="First year of the history shown.")] = None,
    png_dir: Annotated[Path | None, typer.Option("--png-dir", help="Also write every figure "
                                                  "as PNG into this folder.")] = None,
    store: StoreOption = None,
) -> None:
    """Write the country brief for STATE in YEAR (opens from a file with no network)."""
    from detente.reports import country_brief, render_html, write_pdf, write_pngs

    with open_store(store, read_only=True) as db, spinner("") as spin:
        spin.add_task(f"building the brief for {state} in {year}", total=None)
        brief = country_brief(db, state, year, since=since)
        html = render_html(brief)
        if fmt is ReportFormat.html:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                page = Path(tmp) / "brief.html"
                page.write_text(html, encoding="utf-8")
                write_pdf(page, out)
        pngs = write_pngs(brief, png_dir) if png_dir is not None else []
    console.print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): "
                  f"{brief.profile.actor.name} in {year}", highlight=False)
    if pngs:
        console.print(f"wrote {len(pngs)} figures as PNG to {png_dir}", highlight=False)
