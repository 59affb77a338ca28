"""Measures: hard and soft power, network centrality, relationship strength and similarity."""

from detente.measures import _hard_measures  # noqa: F401  (registers the hard-power measures)
from detente.measures._hard_power import NMC_COMPONENTS, cinc
from detente.measures._registry import MEASURES, Measure, get_measure, rank_measure
from detente.measures._similarity import SIMILARITY_COLUMNS, alliance_similarity
from detente.measures._verbs import add_similarity

VERBS = {"similarity": add_similarity}
"""Measure verbs by the name the CLI and REST API use."""

__all__ = [
    "MEASURES",
    "NMC_COMPONENTS",
    "SIMILARITY_COLUMNS",
    "VERBS",
    "Measure",
    "add_similarity",
    "alliance_similarity",
    "cinc",
    "get_measure",
    "rank_measure",
]
