"""Measures: hard and soft power, network centrality, relationship strength and similarity."""

from detente.measures import (
    _engagement_measures,  # noqa: F401  (registers soft power, ...)
    _hard_measures,  # noqa: F401  (registers the hard-power measures)
)
from detente.measures._centrality import network_centrality
from detente.measures._composite import (
    CompositeResult,
    CompositeWeights,
    Indicator,
    WeightsError,
    composite,
)
from detente.measures._engagement_measures import soft_hard_balance
from detente.measures._hard_power import NMC_COMPONENTS, cinc
from detente.measures._pair import pair_similarity
from detente.measures._ranking import (
    MeasureError,
    components,
    measure_coverage,
    measure_sources,
    measure_table,
    precompute,
)
from detente.measures._registry import MEASURES, Measure, get_measure, register_measure
from detente.measures._similarity import SIMILARITY_COLUMNS, alliance_similarity
from detente.measures._soft_power import soft_power
from detente.measures._tie_strength import DEFAULT_TIE_WEIGHTS, add_tie_strength, tie_strength
from detente.measures._verbs import add_network_centrality, add_similarity, add_soft_power

VERBS = {"similarity": add_similarity, "soft_power": add_soft_power,
         "network_centrality": add_network_centrality, "tie_strength": add_tie_strength}
"""Measure verbs by the name the CLI and REST API use."""

__all__ = [
    "DEFAULT_TIE_WEIGHTS",
    "MEASURES",
    "NMC_COMPONENTS",
    "SIMILARITY_COLUMNS",
    "VERBS",
    "CompositeResult",
    "CompositeWeights",
    "Indicator",
    "Measure",
    "MeasureError",
    "WeightsError",
    "add_network_centrality",
    "add_similarity",
    "add_soft_power",
    "add_tie_strength",
    "alliance_similarity",
    "cinc",
    "components",
    "composite",
    "get_measure",
    "network_centrality",
    "measure_coverage",
    "pair_similarity",
    "measure_sources",
    "measure_table",
    "precompute",
    "register_measure",
    "soft_hard_balance",
    "soft_power",
    "tie_strength",
]
