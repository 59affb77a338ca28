"""Measures: hard and soft power, network centrality, relationship strength and similarity."""

from detente.measures._hard_power import NMC_COMPONENTS, cinc
from detente.measures._registry import (
    MEASURES,
    Measure,
    MeasureError,
    get_measure,
    measure_table,
    register_measure,
)

__all__ = ["MEASURES", "NMC_COMPONENTS", "Measure", "MeasureError", "cinc", "get_measure",
           "measure_table", "register_measure"]
