"""The ``detente`` command line."""

from __future__ import annotations

import typer

from detente.interfaces.cli import _bargain, _coalition, _data, _instruments, _measure, _panel
from detente.interfaces.cli._common import StoreOption, friendly, open_store

app = typer.Typer(
    name="detente",
    help="Open decision support for military diplomacy and soft power.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(_data.app, name="data")
app.add_typer(_panel.app, name="panel")
app.add_typer(_instruments.instruments_app, name="instruments")
app.add_typer(_instruments.engagements_app, name="engagements")
app.add_typer(_instruments.network_app, name="network")
app.command("profile")(_instruments.profile)  # takes an argument: a command, not a group
app.add_typer(_instruments.actors_app, name="actors")
app.add_typer(_measure.app, name="measure")
app.add_typer(_bargain.app, name="bargain")
app.add_typer(_coalition.app, name="coalition")


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
