"""Query parameters several areas share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import Field

FromYear = Annotated[int | None, Query(alias="from", ge=1000, le=3000, examples=[1990],
                                       description="First year, inclusive.")]
ToYear = Annotated[int | None, Query(alias="to", ge=1000, le=3000, examples=[2000],
                                     description="Last year, inclusive.")]
ActorPath = Annotated[str, Path(min_length=1, max_length=100, examples=["IND"],
                                description="COW code, ISO3, COW abbreviation or name.")]


def span(first: int | None, last: int | None) -> tuple[int | None, int | None] | None:
    """``(first, last)`` (None: open end), or None when neither is given."""
    if first is None and last is None:
        return None
    return (first, last)

StateCode = Annotated[int, Field(ge=1, le=9999)]
"""A COW or Gleditsch-Ward state code."""
