"""Coalitions: landscape theory, structural balance and partner ranking.

Plain functions take their inputs first (networkx style) and the models (:class:`Landscape`,
:class:`StructuralBalance`, :class:`PartnerRanking`) wrap them in the uniform
``run(inputs, *, seed)`` shape with tidy result tables.

* Inputs: :class:`LandscapeInputs` (actors, sizes, symmetric propensities), read from CSV or
  JSON (:func:`read_inputs`), built from the store (:func:`build_inputs`, with weighted
  propensity :data:`COMPONENTS`), or the Axelrod-Furnas Syria inputs (:func:`furnas_inputs`).
* Landscape theory: :func:`energy`, :func:`frustration`, :func:`exhaustive_landscape` (every
  configuration, minima and basins), :func:`heuristic_landscape` (seeded multi-start).
* Structural balance: :func:`signed_network`, :func:`frustration_index`.
* Partners: :func:`rank_partners`, :func:`coalition_profile`, :func:`coalition_whatif`.
"""

from detente.models.coalitions._balance import (
    BALANCE_COMPONENTS,
    BalancePartition,
    SignedNetwork,
    frustration_index,
    signed_network,
)
from detente.models.coalitions._balance_years import (
    StructuralBalance,
    balance_result,
    signed_networks,
)
from detente.models.coalitions._build import (
    NMC_SIZES,
    build_inputs,
    furnas_inputs,
    size_names,
    state_sizes,
    states_in_year,
)
from detente.models.coalitions._components import (
    COMPONENTS,
    DEFAULTS,
    Component,
    combine_components,
    get_component,
    register_component,
    resolve_components,
)
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
from detente.models.coalitions._io import read_inputs, write_inputs
from detente.models.coalitions._landscape import Landscape
from detente.models.coalitions._partners import (
    REGIONS,
    CoalitionQuestion,
    PartnerRanking,
    coalition_profile,
    coalition_whatif,
    in_region,
    rank_partners,
    region_members,
)

__all__ = [
    "BALANCE_COMPONENTS",
    "COMPONENTS",
    "DEFAULTS",
    "MAX_EXHAUSTIVE",
    "NMC_SIZES",
    "REGIONS",
    "BalancePartition",
    "CoalitionQuestion",
    "Component",
    "ExhaustiveLandscape",
    "HeuristicLandscape",
    "Landscape",
    "LandscapeInputs",
    "PartnerRanking",
    "SignedNetwork",
    "StructuralBalance",
    "balance_result",
    "build_inputs",
    "canonical",
    "coalition_profile",
    "coalition_whatif",
    "combine_components",
    "couplings",
    "descend",
    "energy",
    "exhaustive_landscape",
    "frustration",
    "frustration_index",
    "furnas_inputs",
    "get_component",
    "heuristic_landscape",
    "in_region",
    "is_local_minimum",
    "rank_partners",
    "read_inputs",
    "region_members",
    "register_component",
    "resolve_components",
    "signed_network",
    "signed_networks",
    "size_names",
    "state_sizes",
    "states_in_year",
    "switch_gains",
    "write_inputs",
]
