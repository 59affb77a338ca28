"""Generates the command line reference from the Typer app itself (Typer's own Markdown
generator) when a build starts, so the page cannot drift from the code. The output,
``reference/cli_generated.md``, is not kept in git."""

from __future__ import annotations

from pathlib import Path

import typer
from sphinx.application import Sphinx
from typer.cli import get_docs_for_click

from detente.interfaces.cli import app

OUTPUT = Path(__file__).parent.parent / "reference" / "cli_generated.md"


def cli_markdown() -> str:
    command = typer.main.get_command(app)
    ctx = typer.Context(command, info_name="detente")
    text = get_docs_for_click(obj=command, ctx=ctx, name="detente")
    lines = text.splitlines()[1:]  # the page has its own title
    return "\n".join(lines) + "\n"


def write_cli_reference(_app: Sphinx) -> None:
    text = cli_markdown()
    if not OUTPUT.exists() or OUTPUT.read_text() != text:
        OUTPUT.write_text(text)


def setup(app_: Sphinx) -> dict[str, object]:
    app_.connect("builder-inited", write_cli_reference)
    return {"parallel_read_safe": True}
