"""Request and response bodies of the bargaining endpoints (run, what-if, sensitivity,
pivotal actors).

An issue comes three ways, told apart by ``kind``: the EC car-emission example from the
store (``example``), actors given in the request (``given``), or states whose capability is
read from the store for a year (``states``), with positions and saliences from the analyst.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from detente.interfaces.api.runs._results import RunMeta, Strict
from detente.interfaces.api.schemas import SourceRef
from detente.measures import MEASURES

MAX_ACTORS = 100
"""Most actors on one issue (the model's benchmark size: 100 actors, 100 rounds < 1 s)."""
MAX_ROUNDS = 500
MAX_SCENARIOS = 8
MAX_DRAWS = 1000

MeasureName = StrEnum("MeasureName", {name: name for name in MEASURES})  # type: ignore[misc]
ActorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=60)]
StateName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=100)]
Position = Annotated[float, Field(ge=-1e9, le=1e9, description="On the issue's scale.")]
Capability = Annotated[float, Field(ge=0, le=1e12, description="Any non-negative scale; "
                                                               "only ratios matter.")]
Salience = Annotated[float, Field(ge=0, le=100, description="0-100.")]
Scale = tuple[Position, Position]
IssueName = Annotated[str, Field(max_length=200)]


class GivenActor(Strict):
    actor: ActorName
    capability: Capability
    position: Position
    salience: Salience


class StateActor(Strict):
    state: StateName = Field(description="COW code, ISO3, COW abbreviation or name.")
    position: Position
    salience: Salience


class ExampleIssue(Strict):
    """The EC car-emission standards example (Bueno de Mesquita 1994), from the store."""

    kind: Literal["example"]


class GivenIssue(Strict):
    """Actors given in the request (GET /bargaining/example returns the example this way)."""

    kind: Literal["given"]
    actors: list[GivenActor] = Field(min_length=2, max_length=MAX_ACTORS)
    scale: Scale | None = Field(None, description="[low, high]; default: the positions' range.")
    name: IssueName = ""


class StatesIssue(Strict):
    """States at the table: capability is a measure in a year, renormalised among them."""

    kind: Literal["states"]
    year: int = Field(ge=1816, le=2100)
    measure: MeasureName = Field(MeasureName("cinc"), description="A registered measure.")
    actors: list[StateActor] = Field(min_length=2, max_length=MAX_ACTORS)
    scale: Scale | None = None
    name: IssueName = ""


IssueSpec = Annotated[ExampleIssue | GivenIssue | StatesIssue, Field(discriminator="kind")]


class ModelParams(Strict):
    """Parameters of the expected-utility model (see ExpectedUtilityBargaining)."""

    q: float = Field(1.0, ge=0, le=1, description="Q: chance nothing changes without a "
                                                   "challenge (eq. 7).")
    t: float | None = Field(None, ge=0, le=1, description="T; null: the paper's cases.")
    risk: bool = Field(True, description="Estimate risk attitudes from security.")
    perspective: Literal["receiver", "own"] = "receiver"
    conflict: Literal["loser_moves", "no_move"] = "loser_moves"
    choice: Literal["enforceable", "least_move", "type_order"] = "enforceable"
    range_mode: Literal["issue", "current"] = "issue"
    median_ties: Literal["midpoint", "lower", "upper"] = "midpoint"
    max_rounds: int = Field(100, ge=0, le=MAX_ROUNDS)
    patience: int | None = Field(None, ge=1, le=MAX_ROUNDS, description="Also stop when "
                                 "both forecasts hold this many rounds.")
    tol: float = Field(1e-9, gt=0, le=1e-2, description="Relative tolerance for 'has not "
                                                        "moved'.")


EXAMPLE = {"issue": {"kind": "example"}}
GIVEN = {"issue": {"kind": "given", "name": "made-up", "actors": [
    {"actor": "A", "capability": 1, "position": 0, "salience": 90},
    {"actor": "B", "capability": 1, "position": 4, "salience": 50},
    {"actor": "C", "capability": 2, "position": 10, "salience": 60}]},
    "model": {"max_rounds": 10}}


class IssueRequest(Strict):
    issue: IssueSpec
    model: ModelParams = Field(default_factory=ModelParams)


class RunRequest(IssueRequest):
    offers: Literal["all", "last", "none"] = Field(
        "all", description="Offers of every round, of the last round only, or none.")

    model_config = {"json_schema_extra": {"examples": [EXAMPLE, GIVEN]}}


Group = Annotated[list[ActorName], Field(min_length=2, max_length=MAX_ACTORS)]


class ScenarioBody(Strict):
    """Changes to the issue: removals, new values, multipliers, then coalitions."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                           max_length=60)]
    remove: list[ActorName] = Field([], max_length=MAX_ACTORS)
    capability: dict[ActorName, Capability] = Field({}, max_length=MAX_ACTORS)
    capability_factor: dict[ActorName, Annotated[float, Field(gt=0, le=1000)]] = Field(
        {}, max_length=MAX_ACTORS, description="Multipliers, e.g. {\"UK\": 2}.")
    salience: dict[ActorName, Salience] = Field({}, max_length=MAX_ACTORS)
    position: dict[ActorName, Position] = Field({}, max_length=MAX_ACTORS)
    coalitions: list[Group] = Field([], max_length=10, description="Groups bargaining as "
                                    "one, with pooled capability.")


class WhatIfRequest(IssueRequest):
    scenarios: list[ScenarioBody] = Field(min_length=1, max_length=MAX_SCENARIOS)

    model_config = {"json_schema_extra": {"examples": [{
        "issue": {"kind": "example"},
        "scenarios": [{"name": "UK surge", "capability_factor": {"UK": 2}},
                      {"name": "bloc", "coalitions": [["France", "Italy"]]}]}]}}


class SensitivityRequest(IssueRequest):
    draws: int = Field(100, ge=1, le=MAX_DRAWS, description="Perturbed runs.")
    capability_noise: float = Field(0.1, ge=0, le=2, description="Log-normal sd.")
    salience_noise: float = Field(5.0, ge=0, le=50, description="Sd in salience points.")
    position_noise: float = Field(0.02, ge=0, le=1, description="Sd as a share of the scale.")
    seed: int = Field(0, ge=0, le=2**32 - 1)

    model_config = {"json_schema_extra": {"examples": [
        {"issue": {"kind": "example"}, "draws": 20, "seed": 1}]}}


class PivotalRequest(IssueRequest):
    factor: float = Field(2.0, gt=0, le=100, description="Capability multiplier of the "
                                                         "posture test.")

    model_config = {"json_schema_extra": {"examples": [EXAMPLE]}}


# -- answers ---------------------------------------------------------------------------------
class PositionRow(BaseModel):
    round: int = Field(description="0 holds the inputs.")
    actor: str
    position: float
    risk: float | None
    security: float | None
    accepted_type: str | None = Field(description="conflict, compromise or capitulation.")
    accepted_from: str | None
    next_position: float | None


class ForecastRow(BaseModel):
    round: int
    median: float | None = Field(description="Pairwise-vote median forecast.")
    mean: float | None = Field(description="Capability-and-salience weighted mean.")
    moves: int
    conflict_offers: int
    compromise_offers: int
    capitulation_offers: int


class OfferRow(BaseModel):
    round: int
    sender: str
    receiver: str
    type: str
    sender_eu: float | None
    receiver_eu: float | None
    receiver_position: float | None
    proposed_position: float | None
    accepted: bool


class RunTables(BaseModel):
    forecasts: list[ForecastRow]
    offers: list[OfferRow]


class RunResult(RunMeta):
    table: list[PositionRow] = Field(description="One row per round and actor.")
    tables: RunTables
    offers: Literal["all", "last", "none"] = Field(description="Which offers are listed.")


class RunForecasts(BaseModel):
    """A run's forecasts in its first and last round, and how it stopped."""

    median_initial: float | None
    mean_initial: float | None
    median_final: float | None
    mean_final: float | None
    rounds: int
    stopped: str = Field(description="no_moves, max_rounds or forecast_settled.")


class ComparisonRow(RunForecasts):
    scenario: str
    changes: str
    actors: int
    median_shift: float | None = Field(description="Final median minus the baseline's.")
    mean_shift: float | None


class ScenarioForecastRow(BaseModel):
    scenario: str
    round: int
    median: float | None
    mean: float | None


class WhatIfTables(BaseModel):
    forecasts: list[ScenarioForecastRow] = Field(description="Forecasts by round, per "
                                                            "scenario (baseline first).")


class WhatIfResult(RunMeta):
    table: list[ComparisonRow]
    tables: WhatIfTables


class DrawRow(RunForecasts):
    draw: int


class QuantileRow(BaseModel):
    forecast: str
    baseline: float | None
    q05: float | None
    q25: float | None
    q50: float | None
    q75: float | None
    q95: float | None
    std: float | None


class SensitivityTables(BaseModel):
    quantiles: list[QuantileRow]


class SensitivityResult(RunMeta):
    table: list[DrawRow]
    tables: SensitivityTables


class PivotalRow(BaseModel):
    rank: int
    actor: str
    position: float
    median_without: float | None = Field(description="Final median without the actor.")
    shift_without: float | None
    mean_shift_without: float | None
    median_posture: float | None = Field(description="Final median with its capability "
                                                     "multiplied by factor.")
    shift_posture: float | None


class PivotalResult(RunMeta):
    table: list[PivotalRow] = Field(description="Most pivotal first.")


class ExampleOut(BaseModel):
    issue: GivenIssue
    data_versions: dict[str, str]
    sources: list[SourceRef]
