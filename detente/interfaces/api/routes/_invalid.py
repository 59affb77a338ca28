"""Refuse a parameter the way FastAPI's own validation does: 422 problem details naming it."""

from __future__ import annotations

from typing import NoReturn

from fastapi.exceptions import RequestValidationError


def invalid(field: str, message: str, where: str = "query") -> NoReturn:
    """Raise a 422 whose problem details name ``field`` (a query parameter by default)."""
    raise RequestValidationError([{"loc": (where, field), "msg": message, "type": "value_error"}])
