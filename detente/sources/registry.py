"""Every declared source, by id. Listings, citations and the CLI are built from here."""

from __future__ import annotations

from detente._errors import SourceError
from detente.sources import (
    atop,
    bdm_eu_emissions,
    cameo,
    cameo_actors,
    ccode_democracy,
    countrycode,
    cow_alliance,
    cow_contdir,
    cow_igo,
    cow_majors,
    cow_mid,
    cow_nmc,
    cow_states,
    cow_trade,
    fips_countries,
    gdelt_layouts,
    gml_mid,
    gw_states,
    jme,
    landscape_furnas,
    mme,
    natural_earth,
    plover,
    sipri_tiv,
    td_rivalries,
    un_pko,
    unga_idealpoints,
    unvotes,
    us_presence,
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
    sipri_tiv,
    un_pko,
    mme,
    jme,
    us_presence,
    unvotes,
    unga_idealpoints,
    cow_igo,
    cow_trade,
    bdm_eu_emissions,
    ccode_democracy,
    cow_contdir,
    td_rivalries,
    landscape_furnas,
    natural_earth,
    cameo,
    plover,
    cameo_actors,
    fips_countries,
    gdelt_layouts,
)

SOURCES: dict[str, Source] = {m.SOURCE.id: m.SOURCE for m in _MODULES}


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
