"""``detente serve``: one server on 127.0.0.1 for the REST API and the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.interfaces.cli._common import console
from detente.store import Store

HostOption = Annotated[str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless "
                                         "the network is trusted).")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)]
ReadOnlyOption = Annotated[bool, typer.Option("--read-only", help="Open the store read-only "
                                              "(several servers may share it; no writes).")]
CacheOption = Annotated[int, typer.Option("--cache-mb", min=0, max=4096,
                                          help="Response cache size in MiB (0: off).")]


def run_server(store: Store | Path | None, *, host: str, port: int, read_only: bool = False,
               cache_mb: int = 64) -> None:
    """Serve the API and dashboard until interrupted; print the address first."""
    import uvicorn

    from detente._settings import get_settings
    from detente.interfaces.api import create_app

    settings = get_settings()
    if isinstance(store, Path):
        settings.store = store
        store = None
    app = create_app(settings, store=store, read_only=read_only, cache_mb=cache_mb)
    url = f"http://{host}:{port}/"
    console.print(f"detente is serving the dashboard at [bold]{url}[/] and the API at "
                  f"{url}api/v1 (OpenAPI: {url}openapi.json). Ctrl-C stops it.",
                  highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
