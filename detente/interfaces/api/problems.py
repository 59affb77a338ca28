"""Errors as RFC 9457 problem details: JSON with a title, status and a message that says
what was wrong and with which field, never a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from detente._errors import (
    ActorError,
    DetenteError,
    ImportRejected,
    ModelInputError,
    NotLoadedError,
    SourceError,
    StoreError,
    UnitError,
)
from detente.measures import MeasureError
from detente.profiles import ProfileError

PROBLEM = "application/problem+json"
log = logging.getLogger("detente.api")


def problem(status: int, title: str, detail: str, request: Request | None = None,
            **extra: Any) -> Response:
    """A problem-details response; an HTML error page for dashboard pages."""
    if request is not None and not request.url.path.startswith(("/api/", "/fragments/")):
        from detente.interfaces.web._render import page

        return page(request, "error.html", status_code=status, title=title, heading=title,
                    message=detail)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


_STATUS: tuple[tuple[type[DetenteError], int, str], ...] = (
    (NotLoadedError, 409, "Data not loaded"),
    (StoreError, 503, "Store unavailable"),
    (ActorError, 404, "Unknown actor"),
    (ImportRejected, 422, "Import rejected"),
    (ProfileError, 422, "No data for these years"),
    (MeasureError, 422, "Invalid years for this measure"),
    (UnitError, 422, "Wrong unit of analysis"),
    (ModelInputError, 422, "Invalid model input"),
    (SourceError, 404, "Source problem"),
)


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


async def _validation(request: Request, exc: RequestValidationError) -> Response:
    errors = [{"field": _field(tuple(e.get("loc", ()))), "message": e.get("msg", "invalid")}
              for e in exc.errors()]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return problem(422, "Invalid request", detail, request, errors=errors)


async def _http(request: Request, exc: HTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    response = problem(exc.status_code, _reason(exc.status_code), detail, request)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _detente(request: Request, exc: DetenteError) -> Response:
    extra: dict[str, Any] = {}
    if isinstance(exc, ImportRejected):  # every refused line: file, line, field, message
        extra["errors"] = [{"file": v.file, "line": v.row, "field": v.column,
                            "message": v.message, "value": v.value}
                           for v in exc.violations[:100]]
    for kind, status, title in _STATUS:
        if isinstance(exc, kind):
            return problem(status, title, str(exc), request, **extra)
    return problem(400, "Bad request", str(exc), request)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem(500, "Internal Server Error",
                   "The server failed to answer this request; the error was logged.", request)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def install(app: FastAPI) -> None:
    """Answer every error as problem details."""
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(DetenteError, _detente)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
