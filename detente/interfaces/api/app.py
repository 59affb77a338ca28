"""Assemble the application: the API under ``/api/v1``, the dashboard, errors, middleware."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI
from fastapi.routing import APIRoute

from detente._settings import Settings, get_settings
from detente.interfaces import web
from detente.interfaces.api import problems
from detente.interfaces.api.middleware import BodyLimitMiddleware, CacheMiddleware, ResponseCache
from detente.interfaces.api.routes import ROUTERS
from detente.interfaces.api.routes._writes import MAX_EVENT_FILE
from detente.interfaces.api.schemas import PROBLEM_RESPONSES
from detente.store import Store

API_PREFIX = "/api/v1"
WARM_MEASURES = ("soft_power", "defence_centrality")
"""Measures a server computes in the background at start-up (every country page shows them;
each takes a second or two cold)."""
MAX_BODY = 1 << 20
"""Largest request body accepted (1 MiB)."""


def _warm(view: Store, done: threading.Event) -> None:
    """Compute :data:`WARM_MEASURES` on a view of the store (its own cursor), close it, and
    set ``done``."""
    from detente.measures import precompute

    try:
        logging.getLogger("detente.api").info("warmed %s", precompute(view, WARM_MEASURES))
    except Exception:  # warming is an optimisation: a failure shows up when a page asks
        logging.getLogger("detente.api").exception("warming the measures failed")
    finally:
        view.close()
        done.set()


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: ``<tag>-<function name>`` (``measures-get_measure_values``)."""
    tag = str(route.tags[0]) if route.tags else "web"
    return f"{tag}-{route.name}"


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               read_only: bool = False, cache_mb: int = 64) -> FastAPI:
    """The detente application.

    ``store`` serves an already open store (the caller keeps ownership); otherwise the app
    opens ``settings.store`` at start-up (read-only when ``read_only``) and closes it at
    shutdown. ``cache_mb`` bounds the response cache (0 turns it off).
    """
    settings = settings or get_settings()
    cache = ResponseCache(cache_mb << 20)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        db = store if store is not None else Store(settings.store, read_only=read_only)
        app.state.store = db
        warming = None
        if owned and settings.warm:  # a server of its own: compute the slow measures now
            warming = threading.Thread(target=_warm, args=(db.for_thread(), app.state.warm),
                                       name="detente-warm", daemon=True)
            warming.start()
        else:
            app.state.warm.set()
        try:
            yield
        finally:
            if warming is not None:
                warming.join(timeout=30)
            if owned:
                db.close()

    app = FastAPI(title="detente", version=version("detente"), lifespan=lifespan,
                  description="Open decision support for military diplomacy and soft power: "
                  "sources, actors, panels, measures and profiles. Reads are open; writes "
                  "need a bearer token (DETENTE_API_TOKEN).",
                  generate_unique_id_function=operation_id, docs_url=None, redoc_url=None)
    app.state.settings, app.state.cache = settings, cache
    app.state.warm = threading.Event()  # set once the start-up measures are remembered
    if store is not None:  # usable before start-up too (tests, in-process clients)
        app.state.store = store
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX, responses=PROBLEM_RESPONSES)
    web.install(app)
    problems.install(app)
    # Reads and dashboard pages are pure functions of the store's content: cache them all.
    app.add_middleware(CacheMiddleware, cache=cache,
                       prefixes=(f"{API_PREFIX}/", "/fragments/", "/map", "/country/", "/dyad/",
                                 "/sources", "/guides"))
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY,
                       limits={f"{API_PREFIX}/monitor/events": MAX_EVENT_FILE})
    return app
