"""Dependencies as ``Annotated`` aliases: the store (one view per worker thread), the
settings, the response cache, and write authorisation by bearer token."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from detente._settings import Settings
from detente.interfaces.api.middleware import ResponseCache
from detente.store import Store


def get_store(request: Request) -> Iterator[Store]:
    """A view of the app's store (its own DuckDB cursor) for this request only.

    FastAPI may run a dependency and its endpoint on different worker threads, so the view is
    per request, not per thread: one request uses it at a time, and it is closed after the
    response. A cursor costs microseconds.
    """
    main: Store = request.app.state.store
    view = main.for_thread()
    try:
        yield view
    finally:
        view.close()


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_cache(request: Request) -> ResponseCache:
    cache: ResponseCache = request.app.state.cache
    return cache


_bearer = HTTPBearer(auto_error=False, description="DETENTE_API_TOKEN, for writes.")


def require_write(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Allow a write only with ``Authorization: Bearer $DETENTE_API_TOKEN``.

    401 without a token, 403 with a wrong one, and 403 for everyone when the server has no
    token configured (writes are off).
    """
    expected = get_settings(request).api_token
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "this endpoint writes to the store: send "
                                 "'Authorization: Bearer <DETENTE_API_TOKEN>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not expected:
        raise HTTPException(403, "writes are disabled: the server was started without "
                                 "DETENTE_API_TOKEN")
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(403, "the bearer token is not the server's DETENTE_API_TOKEN")


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CacheDep = Annotated[ResponseCache, Depends(get_cache)]
WriteAuth = Depends(require_write)
"""Add ``dependencies=[WriteAuth]`` to a route that changes the store."""
WRITE_LOCK = threading.Lock()
"""Held by every write, so writes run one at a time (a re-import then finds the rows the
previous one wrote, and a pull never meets an import)."""


def writable(store: Store, action: str = "write") -> None:
    """409 unless the server opened the store for writing; ``action`` names what was refused
    (``"import"``, ``"pull"``)."""
    if store.read_only:
        raise HTTPException(409, "the server opened the store read-only (detente serve "
                                 f"--read-only); restart it without --read-only to {action}")
