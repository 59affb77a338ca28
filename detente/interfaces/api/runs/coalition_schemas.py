"""Request and response bodies of the coalition endpoints (landscape, balance, partners).

Landscape inputs come three ways, told apart by ``kind``: built from the store for a year
(``store``), given in the request (``given``: actors with sizes, and the propensity matrix),
or the Axelrod-Furnas Syria inputs (``furnas``). Sizes are bounded so that no energy can
overflow, and the number of actors so that a request stays synchronous.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from detente.interfaces.api.runs._results import RunMeta, Strict
from detente.interfaces.api.schemas import SourceRef
from detente.models.coalitions import COMPONENTS, MAX_EXHAUSTIVE, REGIONS, size_names

MAX_ACTORS = 250
"""Most actors in one landscape or partner request (every state of a year is under 200)."""
MAX_STARTS = 4096
"""Most random starts of the heuristic searches in one request."""
MAX_BALANCE_YEARS = 60
"""Most years in one structural-balance request."""
MAX_SOLVER_SECONDS = 20.0
"""Most seconds the exact balance solver may be given in one request (years x time limit)."""
MAX_SIZE = 1e9
MAX_PROPENSITY = 1e6

Region = StrEnum("Region", {name: name for name in REGIONS})  # type: ignore[misc]
ComponentName = StrEnum("ComponentName", {name: name for name in COMPONENTS})  # type: ignore[misc]
SizeName = StrEnum("SizeName", {name: name for name in size_names()})  # type: ignore[misc]

StateName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=100)]
"""A state as a COW code, ISO3 code, COW abbreviation or name."""
ActorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=100)]
Weight = Annotated[float, Field(ge=0, le=100)]
Seed = Annotated[int, Field(ge=0, le=2**32 - 1, description="Seed of the random starts.")]
Convention = Literal["ordered", "unordered"]
CONVENTION = ("Energy convention: ordered sums s_i s_j p_ij d_ij over i != j (Axelrod and "
              "Bennett; the Axelrod-Furnas files), unordered over i < j (half).")


class StoreInputs(Strict):
    """Inputs built from the store: sizes from a measure, propensities from components."""

    kind: Literal["store"]
    year: int = Field(ge=1816, le=2100, description="The year described.")
    states: list[StateName] | None = Field(
        None, min_length=2, max_length=MAX_ACTORS,
        description="COW codes, ISO3 codes, COW abbreviations or names; default: every "
                    "system member that year (or the members of `region`).")
    region: Region | None = Field(None, description="Every system member of a region "
                                  "(blocks of COW codes); instead of `states`.")
    size: SizeName = Field(SizeName("cinc"), description="Size measure: an NMC column or a "
                           "registered measure, over all system members that year.")
    components: dict[ComponentName, Weight] | None = Field(
        None, description="Propensity components and their weights (0 leaves one out); "
                          "default: alliances, disputes, rivalries and contiguity with their "
                          "documented weights. See GET /coalitions/options.")
    skip_uncovered: bool = Field(False, description="Leave out components whose data do "
                                 "not cover the year (else: an error).")


class GivenActor(Strict):
    name: ActorName
    size: float = Field(gt=0, le=MAX_SIZE, description="s_i > 0.")
    ccode: int | None = Field(None, ge=1, le=9999, description="COW code, if a state.")


Propensity = Annotated[float, Field(ge=-MAX_PROPENSITY, le=MAX_PROPENSITY)]


class GivenInputs(Strict):
    """Inputs given in the request, as ``POST /coalitions/inputs`` exports them."""

    kind: Literal["given"]
    actors: list[GivenActor] = Field(min_length=2, max_length=MAX_ACTORS)
    propensity: list[Annotated[list[Propensity | None], Field(max_length=MAX_ACTORS)]] = Field(
        max_length=MAX_ACTORS, description="Row i, column j holds p_ij; symmetric; the "
                                           "diagonal is 0 or null.")
    year: int | None = Field(None, ge=1, le=3000, description="The year described (a label).")


class FurnasInputs(Strict):
    """The Axelrod-Furnas Syria inputs (February 2016), as the study used them."""

    kind: Literal["furnas"]
    variant: Literal["standard", "weak_syria"] = "standard"


InputsSpec = Annotated[StoreInputs | GivenInputs | FurnasInputs, Field(discriminator="kind")]

FURNAS_EXAMPLE = {"kind": "furnas", "variant": "standard"}
STORE_EXAMPLE = {"kind": "store", "year": 2000,
                 "states": ["USA", "RUS", "CHN", "UKG", "FRN", "IND", "PAK"]}


# -- landscape -------------------------------------------------------------------------------
class LandscapeRequest(Strict):
    inputs: InputsSpec
    method: Literal["auto", "exhaustive", "heuristic"] = Field(
        "auto", description=f"exhaustive (every configuration, at most {MAX_EXHAUSTIVE} "
                            "actors), heuristic (seeded multi-start myopic switching), or "
                            "auto (exhaustive when it can).")
    convention: Convention = Field("ordered", description=CONVENTION)
    starts: int = Field(1024, ge=1, le=MAX_STARTS, description="Random starts (heuristic).")
    top: int = Field(10, ge=0, le=50, description="Lowest-energy configurations to list "
                                                  "(exhaustive).")
    max_minima: int = Field(20, ge=1, le=100, description="Local minima to return, lowest "
                                                          "energy first.")
    seed: Seed = 0

    model_config = {"json_schema_extra": {"examples": [
        {"inputs": FURNAS_EXAMPLE}, {"inputs": STORE_EXAMPLE, "seed": 1}]}}


class MinimumRow(BaseModel):
    rank: int
    energy: float
    basin_size: int | None = Field(description="Configurations whose descent ends here "
                                               "(exhaustive).")
    basin_share: float = Field(description="Share of all configurations (exhaustive) or of "
                                           "the random starts (heuristic) ending here.")
    hits: int | None = Field(description="Random starts ending here (heuristic).")
    is_global: bool | None = Field(description="The lowest energy (exhaustive only).")
    camp_a: list[str] = Field(description="The camp of the first actor with a propensity.")
    camp_b: list[str]
    size_a: float
    size_b: float


class FrustrationRow(BaseModel):
    rank: int = Field(description="The minimum this row describes.")
    actor: str
    ccode: int | None = None
    camp: str | None = Field(description="A or B; null for actors with no propensity.")
    size: float
    frustration: float = Field(description="F_i = sum_j s_j p_ij d_ij.")
    weighted_frustration: float = Field(description="s_i F_i.")
    switch_gain: float = Field(description="Energy change if this actor switched alone.")


class ConfigurationRow(BaseModel):
    position: int
    energy: float
    local_minimum: bool
    basin_of: int = Field(description="Rank of the minimum whose basin holds it.")
    camp_a: list[str]
    camp_b: list[str]


class LandscapeTables(BaseModel):
    actors: list[FrustrationRow] = Field(description="Per minimum shown and actor.")
    best_configurations: list[ConfigurationRow] = Field(description="Exhaustive runs only.")


class LandscapeResult(RunMeta):
    table: list[MinimumRow] = Field(description="Local minima, lowest energy first.")
    tables: LandscapeTables
    complete: bool = Field(description="False when more minima exist (summary.minima) than "
                                       "max_minima allowed in the answer.")


# -- exported inputs -------------------------------------------------------------------------
class InputsRequest(Strict):
    inputs: Annotated[StoreInputs | FurnasInputs, Field(discriminator="kind")]

    model_config = {"json_schema_extra": {"examples": [{"inputs": STORE_EXAMPLE}]}}


class InputsExport(BaseModel):
    inputs: GivenInputs = Field(description="Edit and send back as the `inputs` of a "
                                            "landscape or partner request.")
    data_versions: dict[str, str]
    provenance: dict[str, Any] = Field(description="How the inputs were built.")
    sources: list[SourceRef]


# -- structural balance ----------------------------------------------------------------------
class BalanceQuery(Strict):
    """Which years, states and signed ties; how hard to search."""

    first: int = Field(alias="from", ge=1816, le=2100, description="First year.")
    last: int | None = Field(None, alias="to", ge=1816, le=2100,
                             description="Last year (default: from).")
    states: list[StateName] | None = Field(None, max_length=MAX_ACTORS,
                                           description="Default: every system member.")
    components: list[ComponentName] | None = Field(
        None, max_length=len(COMPONENTS),
        description="Signed-tie components (default alliances, disputes, rivalries).")
    skip_uncovered: bool = False
    method: Literal["auto", "exact", "heuristic"] = Field(
        "auto", description="exact (binary program, HiGHS), heuristic (multi-start "
                            "switching), or auto (both; the better split, the exact bound).")
    starts: int = Field(256, ge=1, le=MAX_STARTS, description="Heuristic starts per year.")
    time_limit: float = Field(0.25, gt=0, le=10, description="Seconds for the exact solver "
                              "per year. Whether a proof finishes within it depends on the "
                              "machine; the heuristic with a seed is reproducible anywhere.")
    seed: Seed = 0


class BalanceYearRow(BaseModel):
    year: int
    states: int
    ties: int
    positive: int
    negative: int
    frustration: int = Field(description="Ties broken by the best two-bloc split found.")
    change: int | None = Field(description="Frustration minus the previous year's.")
    lower_bound: int = Field(description="Proven lower bound on the frustration index.")
    optimal: bool = Field(description="Whether frustration is proven to be the index.")
    balance_index: float = Field(description="1 - 2L/m.")
    bloc_a: int
    bloc_b: int
    method: str


class BlocRow(BaseModel):
    year: int
    actor: str
    ccode: int | None
    bloc: str | None = Field(description="A or B; null for a state without ties.")


class FrustratedTieRow(BaseModel):
    year: int
    actor1: str
    actor2: str
    sign: int
    kind: str


class BalanceTables(BaseModel):
    blocs: list[BlocRow]
    frustrated_ties: list[FrustratedTieRow]


class BalanceResult(RunMeta):
    table: list[BalanceYearRow] = Field(description="One row per year.")
    tables: BalanceTables


# -- partners and what-if --------------------------------------------------------------------
class CriterionWeights(Strict):
    capability: Weight = 1.0
    cohesion: Weight = 1.0
    friction: Weight = 1.0


PARTNERS_EXAMPLE = {"inputs": {"kind": "store", "year": 2000}, "lead": "USA",
                    "members": ["UKG"], "rival": "RUS", "region": "europe"}


class CoalitionBase(Strict):
    inputs: InputsSpec = Field(description="The analysed actors; default for the store: every "
                                           "system member of the year.")
    lead: StateName
    members: list[StateName] = Field([], max_length=MAX_ACTORS,
                                     description="Current members besides the lead.")
    rival: StateName | None = Field(None, description="The state to balance against.")
    convention: Convention = Field("ordered", description=CONVENTION)


class PartnersRequest(CoalitionBase):
    region: Region | None = Field(None, description="Court only states of this region.")
    candidates: list[StateName] | None = Field(None, max_length=MAX_ACTORS,
                                               description="Court only these states.")
    weights: CriterionWeights | None = None
    limit: int = Field(50, ge=1, le=MAX_ACTORS, description="Candidates to return, best first.")

    model_config = {"json_schema_extra": {"examples": [PARTNERS_EXAMPLE]}}


class PartnerRow(BaseModel):
    rank: int
    actor: str
    ccode: int | None = None
    score: float
    capability_added: float
    capability_after: float
    capability_ratio_after: float | None
    cohesion: float
    toward_rival: float | None
    hostile_members: int
    friction: float
    energy_change: float


class CoalitionProfile(BaseModel):
    """A coalition's capability, cohesion and energy (``coalition_profile``)."""

    members: list[str]
    capability: float
    capability_ratio: float | None = Field(description="Capability over the rival's.")
    cohesion: float | None
    weakest_link: float | None
    hostile_pairs: int
    toward_rival: float | None
    energy: float


class PartnerTables(BaseModel):
    coalition: list[CoalitionProfile] = Field(description="The coalition as it is.")


class PartnersResult(RunMeta):
    table: list[PartnerRow] = Field(description="Candidates, best first.")
    tables: PartnerTables
    complete: bool = Field(description="False when more candidates exist than `limit`.")


class WhatIfRequest(CoalitionBase):
    add: list[StateName] = Field([], max_length=MAX_ACTORS)
    remove: list[StateName] = Field([], max_length=MAX_ACTORS)

    model_config = {"json_schema_extra": {"examples": [
        {"inputs": {"kind": "store", "year": 2000}, "lead": "USA", "members": ["UKG"],
         "rival": "RUS", "add": ["FRN"]}]}}


class WhatIfRow(CoalitionProfile):
    """Before, after, and the change (``members`` then lists +NAME and -NAME)."""

    state: Literal["before", "after", "change"]


class WhatIfResult(RunMeta):
    table: list[WhatIfRow]


# -- options ---------------------------------------------------------------------------------
class ComponentPublic(BaseModel):
    name: str
    weight: float
    default: bool = Field(description="In the default landscape components.")
    balance: bool = Field(description="In the default signed network of structural balance.")
    tables: list[str]
    description: str


class CoalitionOptions(BaseModel):
    components: list[ComponentPublic]
    sizes: list[str]
    regions: dict[str, list[tuple[int, int]]] = Field(description="COW code blocks.")
    max_actors: int
    max_exhaustive: int
    max_starts: int
    max_balance_years: int
    max_solver_seconds: float
