"""Engagements: every instrument of military diplomacy as rows of one table, the yearly
multiplex defence network built from them, and country profiles."""

from detente.engagements._dyad import dyad_engagements
from detente.engagements._graph import (
    NetworkView,
    layer_sources,
    layer_years,
    network_view,
    network_weights,
    network_years,
)
from detente.engagements._import import (
    TEMPLATE_COLUMNS,
    import_engagement_rows,
    import_engagements,
    read_engagement_csv,
    resolve_actor_id,
)
from detente.engagements._network import (
    DEFAULT_INSTRUMENTS,
    DEFAULT_WEIGHTS,
    combined_edges,
    defence_network,
    multiplex_edges,
    write_network,
)
from detente.engagements._profile import profile
from detente.engagements._query import (
    engagement_page,
    engagements,
    instrument_coverage,
    instrument_years,
)
from detente.engagements._taxonomy import INSTRUMENTS, Feed, Instrument, get_instrument
from detente.engagements._voting import agreement_matrices, un_agreement_table

__all__ = [
    "DEFAULT_INSTRUMENTS",
    "DEFAULT_WEIGHTS",
    "INSTRUMENTS",
    "TEMPLATE_COLUMNS",
    "Feed",
    "Instrument",
    "NetworkView",
    "agreement_matrices",
    "combined_edges",
    "defence_network",
    "dyad_engagements",
    "engagement_page",
    "engagements",
    "get_instrument",
    "import_engagement_rows",
    "import_engagements",
    "instrument_coverage",
    "instrument_years",
    "layer_sources",
    "layer_years",
    "multiplex_edges",
    "network_view",
    "network_weights",
    "network_years",
    "profile",
    "read_engagement_csv",
    "resolve_actor_id",
    "un_agreement_table",
    "write_network",
]
