"""Addresses shared by the API, the dashboard and the reports, so every number can link to
the declaration of the source it came from."""

from __future__ import annotations

from detente.sources import get_source


def source_anchor(source_id: str, version: str | None = None) -> str:
    """The HTML id of a source's entry on the sources page: ``src-cow_nmc-7.0``."""
    version = version or get_source(source_id).version
    return f"src-{source_id}-{version}"


def source_href(source_id: str, version: str | None = None) -> str:
    """The dashboard address of a source's entry: ``/sources#src-cow_nmc-7.0``."""
    return f"/sources#{source_anchor(source_id, version)}"
