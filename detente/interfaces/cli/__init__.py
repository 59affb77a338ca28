"""The ``detente`` command line."""

from __future__ import annotations

import typer

from detente.interfaces.cli import _data, _monitor, _panel, _plan
from detente.interfaces.cli._common import StoreOption, friendly, open_store

app = typer.Typer(
    name="detente",
    help="Open decision support for military diplomacy and soft power.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(_data.app, name="data")
app.add_typer(_panel.app, name="panel")
app.add_typer(_monitor.app, name="monitor")
app.add_typer(_plan.app, name="plan")


@app.command()
@friendly
def up(store: StoreOption = None) -> None:
    """Set up the default data: pull every source (from $DETENTE_MIRROR, else by download)."""
    from detente.sources import SOURCES

    with open_store(store) as db:
        _data.show_pull(db, _data.pull_with_progress(db, list(SOURCES)))


def main() -> None:
    app()


__all__ = ["app", "main"]
