"""422 refusals that name the field, for problems found after the schema has been checked
(an unknown state, a watchlist entry that contradicts itself, an experiment too large)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.exceptions import RequestValidationError

from detente._errors import ImportRejected, Violation


def invalid(field: str, message: str, *, where: str = "body") -> RequestValidationError:
    """A 422 refusal naming ``field`` (dotted: ``watch.0.side1``) of the body or query."""
    loc = (where, *(int(p) if p.isdigit() else p for p in field.split(".")))
    return RequestValidationError([{"loc": loc, "msg": message, "type": "value_error"}])


def rejected(exc: ImportRejected, field: Callable[[Violation], str]) -> RequestValidationError:
    """The violations of a refused document (a posted watchlist or plan) as one 422, each
    under the body field ``field(violation)`` names."""
    errors: list[dict[str, Any]] = []
    for v in exc.violations:
        loc = ("body", *(int(p) if p.isdigit() else p for p in field(v).split(".")))
        value = f" (value {v.value!r})" if v.value is not None else ""
        errors.append({"loc": loc, "msg": f"{v.message}{value}", "type": "value_error"})
    return RequestValidationError(errors)
