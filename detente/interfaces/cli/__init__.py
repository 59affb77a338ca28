"""The ``detente`` command line."""

from __future__ import annotations

import typer

from detente.interfaces.cli import (
    _bargain,
    _coalition,
    _data,
    _instruments,
    _measure,
    _monitor,
    _panel,
    _plan,
    _report,
    _simulate,
)
from detente.interfaces.cli._common import StoreOption, friendly, open_store
from detente.interfaces.cli._serve import (
    CacheOption,
    HostOption,
    PortOption,
    ReadOnlyOption,
    run_server,
)

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
app.add_typer(_report.app, name="report")
app.add_typer(_simulate.app, name="simulate")
app.add_typer(_monitor.app, name="monitor")
app.add_typer(_plan.app, name="plan")


@app.command()
@friendly
def up(store: StoreOption = None, host: HostOption = "127.0.0.1", port: PortOption = 8765,
       cache_mb: CacheOption = 64) -> None:
    """Set everything up and start: pull every source (from $DETENTE_MIRROR, else by
    download, with progress), then serve the API and dashboard on one address."""
    from detente.sources import SOURCES

    with open_store(store) as db:
        _data.show_pull(db, _data.pull_with_progress(db, list(SOURCES)))
        run_server(db, host=host, port=port, cache_mb=cache_mb)


@app.command()
@friendly
def serve(store: StoreOption = None, host: HostOption = "127.0.0.1", port: PortOption = 8765,
          read_only: ReadOnlyOption = False, cache_mb: CacheOption = 64) -> None:
    """Serve the REST API and the dashboard from the store (run `detente up` first)."""
    from detente._settings import get_settings

    path = store or get_settings().store
    with open_store(path, read_only=True) as db:  # fail early, with advice, if empty
        if not db.has_table("cow_system"):
            from detente._errors import StoreError

            raise StoreError(f"the store {path} holds no data; run `detente up` or "
                             "`detente data pull` first")
    run_server(path, host=host, port=port, read_only=read_only, cache_mb=cache_mb)


def main() -> None:
    app()


__all__ = ["app", "main"]
