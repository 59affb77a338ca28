"""Errors placed at the request field they concern, answered like every other invalid request
(422 problem details listing ``field: message``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from fastapi.exceptions import RequestValidationError

from detente._errors import ActorError, ModelInputError

Loc = tuple[str | int, ...]


def reject(*problems: tuple[Loc, str]) -> NoReturn:
    """Refuse the request: one ``(location, message)`` per problem.

    A location starts with where the value came from (``"body"`` or ``"query"``), then the
    path to the field, e.g. ``("body", "inputs", "propensity", 2, 3)``.
    """
    raise RequestValidationError([{"loc": loc, "msg": msg, "type": "value_error"}
                                  for loc, msg in problems])


@contextmanager
def at_field(*loc: str | int) -> Iterator[None]:
    """Answer a model-input or actor error raised inside as a 422 at ``loc``."""
    try:
        yield
    except (ModelInputError, ActorError) as exc:
        reject((loc, str(exc)))


def states_query(items: Sequence[str]) -> list[int | str]:
    """States as the library takes them: COW codes as numbers, anything else as text."""
    return [int(s) if s.strip().isdigit() else s.strip() for s in items]
