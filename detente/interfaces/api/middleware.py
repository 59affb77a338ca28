"""ASGI middleware: a bound on request bodies, and a cache of successful GET responses.

Every read endpoint is a pure function of the store's content, and the content changes only
through this server's write endpoints, which clear the cache. Cached answers are replayed
byte for byte without touching the router, the thread pool or the store.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detente.interfaces.api.problems import PROBLEM


class ResponseCache:
    """A thread-safe LRU of response bodies bounded by total size (``max_bytes = 0``: off)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[bytes, tuple[int, list[tuple[bytes, bytes]], bytes]] = \
            OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def get(self, key: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: bytes, status: int, headers: list[tuple[bytes, bytes]], body: bytes
            ) -> None:
        if len(body) > self.max_bytes // 8:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old[2])
            self._items[key] = (status, headers, body)
            self._size += len(body)
            while self._size > self.max_bytes and self._items:
                _, evicted = self._items.popitem(last=False)
                self._size -= len(evicted[2])

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


class CacheMiddleware:
    """Serve repeated ``GET`` requests under one of ``prefixes`` from a :class:`ResponseCache`.

    Only 200 answers are kept, and not those marked ``Cache-Control: no-store``.
    """

    def __init__(self, app: ASGIApp, cache: ResponseCache, prefixes: tuple[str, ...]) -> None:
        self.app, self.cache, self.prefixes = app, cache, prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or not self.cache.enabled
                or not scope["path"].startswith(self.prefixes)):
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: bytes, start: dict[str, Any], body: bytes) -> None:
        headers = list(start.get("headers", []))
        no_store = any(k.lower() == b"cache-control" and b"no-store" in v.lower()
                       for k, v in headers)
        if start.get("status") == 200 and not no_store:
            self.cache.put(key, 200, headers, body)


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 problem details.

    ``limits`` gives other bounds to the paths they name exactly (an event file upload may be
    larger than a JSON body).
    """

    def __init__(self, app: ASGIApp, max_bytes: int, limits: dict[str, int] | None = None
                 ) -> None:
        self.app, self.max_bytes, self.limits = app, max_bytes, dict(limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.max_bytes)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await self._refuse(send, limit)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise HTTPException(413, self._message(limit))
            return message

        await self.app(scope, counted, send)

    @staticmethod
    def _message(limit: int) -> str:
        return f"the request body is larger than the limit of {limit:,} bytes"

    async def _refuse(self, send: Send, limit: int) -> None:
        body = json.dumps({"type": "about:blank", "title": "Content Too Large", "status": 413,
                           "detail": self._message(limit)}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM.encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
