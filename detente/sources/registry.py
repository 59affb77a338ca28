"""Every declared source, by id. Listings, citations and the CLI are built from here."""

from __future__ import annotations

from detente._errors import SourceError
from detente.sources import (
    atop,
    cameo,
    cameo_actors,
    countrycode,
    cow_alliance,
    cow_majors,
    cow_mid,
    cow_nmc,
    cow_states,
    fips_countries,
    gdelt_layouts,
    gml_mid,
    gw_states,
    plover,
)
from detente.sources._declare import Source

_MODULES = (
    cow_states,
    gw_states,
    cow_majors,
    cow_nmc,
    atop,
    cow_alliance,
    cow_mid,
    gml_mid,
    countrycode,
    cameo,
    plover,
    cameo_actors,
    fips_countries,
    gdelt_layouts,
)

SOURCES: dict[str, Source] = {m.SOURCE.id: m.SOURCE for m in _MODULES}

SPINE: tuple[str, ...] = (
    "cow_states", "gw_states", "cow_majors", "cow_nmc", "atop", "cow_alliance",
    "cow_mid", "gml_mid", "countrycode",
)
"""The sources every panel needs; ``detente data pull`` with no ids pulls all sources."""


def get_source(source_id: str) -> Source:
    """The declaration for ``source_id``; the error lists the ids that exist."""
    try:
        return SOURCES[source_id]
    except KeyError:
        known = ", ".join(sorted(SOURCES))
        raise SourceError(f"unknown source {source_id!r}; known sources: {known}") from None


def table_owner(table: str) -> Source:
    """The source that yields store table ``table``."""
    for source in SOURCES.values():
        if any(t.name == table for t in source.tables):
            return source
    raise SourceError(f"no source yields a table named {table!r}")


def cite(source_id: str) -> str:
    """BibTeX for ``source_id`` (as peacesciencer's ``ps_cite``)."""
    return get_source(source_id).bibtex


def versions() -> dict[str, str]:
    """Each source's version, exactly as its producer publishes it."""
    return {sid: s.version for sid, s in SOURCES.items()}
