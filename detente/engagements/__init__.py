"""Engagements: every instrument of military diplomacy as rows of one table, the yearly
multiplex defence network built from them, and country profiles."""

from detente.engagements._import import TEMPLATE_COLUMNS, import_engagements, resolve_actor_id
from detente.engagements._network import (
    DEFAULT_INSTRUMENTS,
    DEFAULT_WEIGHTS,
    combined_edges,
    defence_network,
    multiplex_edges,
    write_network,
)
from detente.engagements._profile import profile
from detente.engagements._query import engagements, instrument_coverage, instrument_years
from detente.engagements._taxonomy import INSTRUMENTS, Feed, Instrument, get_instrument
from detente.engagements._voting import agreement_matrices, un_agreement_table

__all__ = [
    "DEFAULT_INSTRUMENTS",
    "DEFAULT_WEIGHTS",
    "INSTRUMENTS",
    "TEMPLATE_COLUMNS",
    "Feed",
    "Instrument",
    "agreement_matrices",
    "combined_edges",
    "defence_network",
    "engagements",
    "get_instrument",
    "import_engagements",
    "instrument_coverage",
    "instrument_years",
    "multiplex_edges",
    "profile",
    "resolve_actor_id",
    "un_agreement_table",
    "write_network",
]
