"""Schemas every area shares: year spans, source references, problems, list envelopes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from detente.interfaces.links import source_href
from detente.sources import get_source

if TYPE_CHECKING:
    from detente.store import Store


class YearSpan(BaseModel):
    first: int = Field(description="First year, inclusive.")
    last: int = Field(description="Last year, inclusive.")


class SourceRef(BaseModel):
    """Where a number comes from: the source, its version, and its entry on /sources."""

    id: str
    version: str
    title: str
    citation: str
    href: str = Field(description="Dashboard address of the source's entry (/sources#...).")


class Problem(BaseModel):
    """RFC 9457 problem details (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


class ListMeta(BaseModel):
    count: int = Field(description="Rows in this answer.")
    total: int = Field(description="Rows matching the request, across all pages.")
    offset: int
    limit: int


def source_refs(versions: dict[str, str]) -> list[SourceRef]:
    """References for a ``data_versions`` mapping (source id -> version)."""
    refs = []
    for source_id, version in sorted(versions.items()):
        s = get_source(source_id)
        refs.append(SourceRef(id=source_id, version=version, title=s.title,
                              citation=s.citation, href=source_href(source_id, version)))
    return refs


def versions_for(store: Store, source_ids: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Loaded version of each of ``source_ids`` (declared version if not loaded)."""
    loaded = store.loaded()
    return {sid: loaded.get(sid, get_source(sid).version) for sid in source_ids}


def problem_response(description: str) -> dict[str, object]:
    return {"description": description, "content": {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}


WRITE_RESPONSES: dict[int | str, dict[str, object]] = {
    401: problem_response("No bearer token."),
    403: problem_response("Wrong token, or writes are disabled."),
    409: problem_response("The server opened the store read-only."),
}
"""The answers every write may give besides its own (``responses=`` of a write route)."""


PROBLEM_RESPONSES: dict[int | str, dict[str, object]] = {
    400: problem_response("The request cannot be answered as asked."),
    404: problem_response("Unknown actor, measure, source or address."),
    409: problem_response("The data this needs is not loaded yet; the detail names the command "
                          "that loads it."),
    413: problem_response("The request body is over the limit."),
    422: problem_response("A parameter is invalid; the field is named."),
    500: problem_response("The server failed; the error was logged."),
    503: problem_response("The store is unavailable (missing or locked by another process)."),
}
"""Every API route may answer these, as ``application/problem+json``."""
