"""Refuse a request at the field it got wrong, the way FastAPI's own validation does: a 422
problem details answer listing ``field: message`` for every problem.

Every route and run refuses through this module, whether the problem is a query parameter
(``invalid("weights", ...)``), a cell of a posted body (``reject((("body", "inputs",
"propensity", 2, 3), ...))``), a model's own input error raised inside ``at_field``, or the
violations of a refused document (``rejected``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal, NoReturn

from fastapi.exceptions import RequestValidationError

from detente._errors import ActorError, ImportRejected, ModelInputError, Violation

Loc = tuple[str | int, ...]
"""Where a value came from (``"body"``, ``"query"`` or ``"path"``), then the path to it."""

Where = Literal["body", "query", "path"]


def reject(*problems: tuple[Loc, str]) -> NoReturn:
    """Refuse the request: one ``(location, message)`` per problem."""
    raise RequestValidationError([{"loc": loc, "msg": msg, "type": "value_error"}
                                  for loc, msg in problems])


def field_loc(where: Where, field: str) -> Loc:
    """``("body", "watch", 0, "side1")`` for ``field_loc("body", "watch.0.side1")``."""
    return (where, *(int(p) if p.isdigit() else p for p in field.split(".")))


def invalid(field: str, message: str, *, where: Where = "query") -> NoReturn:
    """Refuse one field (dotted for a nested one: ``watch.0.side1``) of the query, path or
    body."""
    reject((field_loc(where, field), message))


def rejected(exc: ImportRejected, field: Callable[[Violation], str]) -> NoReturn:
    """Refuse a posted document (a watchlist, a plan) with every violation ``exc`` found,
    each under the body field ``field(violation)`` names."""
    reject(*((field_loc("body", field(v)),
              v.message + (f" (value {v.value!r})" if v.value is not None else ""))
             for v in exc.violations))


@contextmanager
def at_field(*loc: str | int) -> Iterator[None]:
    """Answer a model-input or actor error raised inside as a 422 at ``loc``."""
    try:
        yield
    except (ModelInputError, ActorError) as exc:
        reject((loc, str(exc)))
