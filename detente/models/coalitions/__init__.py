"""Coalitions: landscape theory, structural balance and partner ranking.

Plain functions take the inputs first (networkx style); the models (:class:`Landscape`, ...)
wrap them in the uniform ``run(inputs, *, seed)`` shape and return tidy tables.
"""

from detente.models.coalitions._energy import (
    canonical,
    couplings,
    energy,
    frustration,
    is_local_minimum,
    switch_gains,
)
from detente.models.coalitions._exhaustive import (
    MAX_EXHAUSTIVE,
    ExhaustiveLandscape,
    exhaustive_landscape,
)
from detente.models.coalitions._heuristic import HeuristicLandscape, descend, heuristic_landscape
from detente.models.coalitions._inputs import LandscapeInputs
from detente.models.coalitions._landscape import Landscape

__all__ = [
    "MAX_EXHAUSTIVE",
    "ExhaustiveLandscape",
    "HeuristicLandscape",
    "Landscape",
    "LandscapeInputs",
    "canonical",
    "couplings",
    "descend",
    "energy",
    "exhaustive_landscape",
    "frustration",
    "heuristic_landscape",
    "is_local_minimum",
    "switch_gains",
]
