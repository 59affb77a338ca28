"""Measures: hard and soft power, network centrality, relationship strength and similarity."""

from detente.measures import _hard_measures  # noqa: F401  (registers the hard-power measures)
from detente.measures._hard_power import NMC_COMPONENTS, cinc
from detente.measures._ranking import (
    MeasureError,
    components,
    measure_coverage,
    measure_sources,
    measure_table,
)
from detente.measures._registry import MEASURES, Measure, get_measure, register_measure

__all__ = [
    "MEASURES",
    "NMC_COMPONENTS",
    "Measure",
    "MeasureError",
    "cinc",
    "components",
    "get_measure",
    "measure_coverage",
    "measure_sources",
    "measure_table",
    "register_measure",
]
