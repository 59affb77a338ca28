"""Escalation under misperception: the action ladder, the strategies, and small experiments.

Experiments compute and write nothing, so they are open; they are bounded in size (see
:mod:`detente.interfaces.api.runs.escalation_runs`) and answer within about a second.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.runs.escalation_runs import (
    MAX_DYAD_ROUNDS,
    MAX_DYADS,
    CompareRequest,
    RunRequest,
    calibration_inputs,
    compare,
    run_experiment,
)
from detente.interfaces.api.schemas import SourceRef, source_refs
from detente.models.escalation import (
    CATEGORY_SCORES,
    ENGAGEMENT_STRATEGIES,
    MILITARY_DIPLOMACY,
    Network,
    strategy_table,
)

router = APIRouter(prefix="/escalation", tags=["escalation"])

_BOUND = (f"Bounded: at most {MAX_DYADS:,} dyads and {MAX_DYAD_ROUNDS:,} dyad-rounds (dyads x "
          "rounds x replicates x runs) per request; a larger one is refused with 422 naming "
          "the field to lower.")


class Rung(BaseModel):
    rung: int
    name: str
    label: str
    category: str = Field(description="Rivera et al. (2024) category.")
    score: float = Field(description="Escalation points of the category.")
    cooperative: bool = Field(description="Score <= 0: counts as cooperation.")
    dual_use: bool = Field(description="Misread more often (the error rate is multiplied).")
    gain: float = Field(description="Stage-game payoff to the actor (illustrative).")
    effect: float = Field(description="Stage-game payoff to the partner (illustrative).")
    note: str


class LadderPublic(BaseModel):
    scale: dict[str, float] = Field(description="Points per category (Rivera et al. 2024).")
    engagement: str = Field(description="The rung cooperative strategies engage with.")
    citation: str
    rungs: list[Rung]


class StrategyPublic(BaseModel):
    key: str = Field(description="What to pass in `strategies`.")
    name: str
    rule: str
    memory_depth: int | None = Field(description="Rounds of history the rule reads; null: "
                                                 "unbounded (it reads trust built over every "
                                                 "round).")
    stochastic: bool
    uses_trust: bool
    reference: str
    planner: bool = Field(description="One of the engagement strategies a planner compares "
                                      "(the default of a comparison).")


class StrategiesPublic(BaseModel):
    count: int
    data: list[StrategyPublic]


class CalibrationInput(BaseModel):
    input: str = Field(description="capability, trust, channel, dyads (or network).")
    kind: str = Field(description="measured, proxy, made up, given by the user, selection.")
    note: str = Field(description="How the input was made, from what and with which weights.")


class NetworkPublic(BaseModel):
    year: int | None
    states: list[str]
    codes: list[int] | None = Field(description="COW codes (calibrated networks).")
    dyads: int
    inputs: list[CalibrationInput]


class Outcome(BaseModel):
    """Outcomes of the dyad sides that play one strategy (see ``detente.models.escalation``)."""

    strategy: str
    sides: int
    cooperation_rate: float | None = Field(description="Share of side-rounds on a cooperative "
                                                       "rung (0-1).")
    cooperation_rate_se: float | None
    mutual_cooperation: float | None = Field(description="Share of dyad-rounds in which both "
                                                         "cooperated (0-1).")
    mutual_cooperation_se: float | None
    mean_escalation: float | None = Field(description="Escalation points per side-round "
                                                      "(Rivera et al. 2024 scale).")
    mean_escalation_se: float | None
    payoff_per_round: float | None
    spirals_per_100_rounds: float | None = Field(description="Spirals per dyad per 100 rounds.")
    spiral_length: float | None = Field(description="Mean spiral length (rounds).")
    time_to_deescalation: float | None = Field(description="Mean rounds from a spiral's first "
                                                           "hostile round to mutual "
                                                           "cooperation (resolved spirals).")
    unresolved_share: float | None
    final_trust: float | None


class ComparedOutcome(Outcome):
    noise: float
    channel: float | None = Field(description="Channel strength set on every dyad (null: the "
                                              "calibrated channels).")


class Provenance(BaseModel):
    params: dict[str, Any]
    seed: int
    data_versions: dict[str, str]
    sources: list[SourceRef]
    network: NetworkPublic


class RunResponse(Provenance):
    model: str
    summary: dict[str, Any] = Field(description="Totals over every dyad side.")
    strategies: list[Outcome]
    dyads: list[dict[str, Any]] = Field(description="One row per dyad, means over replicates.")
    states: list[dict[str, Any]] = Field(description="One row per state.")
    rounds: list[dict[str, Any]] = Field(description="Cooperation and escalation per round "
                                                     "and strategy.")


class CompareResponse(Provenance):
    count: int
    data: list[ComparedOutcome]


def _provenance(network: Network, params: dict[str, Any], seed: int) -> dict[str, Any]:
    """How a result was made: parameters, seed, data versions with their sources, and the
    network with what each of its inputs was calibrated from."""
    versions = dict(network.data_versions)
    return dict(params=params, seed=seed, data_versions=versions, sources=source_refs(versions),
                network=NetworkPublic(
                    year=network.year, states=list(network.states), dyads=network.n_dyads,
                    codes=None if network.codes is None else [int(c) for c in network.codes],
                    inputs=[CalibrationInput(**row) for row in calibration_inputs(network)]))


@router.get("/ladder", response_model=LadderPublic)
def get_ladder() -> LadderPublic:
    """The action ladder: each rung's escalation score, category, payoffs and dual-use flag."""
    rows = MILITARY_DIPLOMACY.to_polars().to_dicts()
    return LadderPublic(scale=CATEGORY_SCORES,
                        engagement=MILITARY_DIPLOMACY.names[MILITARY_DIPLOMACY.cooperate],
                        citation="Rivera et al. (2024), Escalation Risks from Language Models "
                                 "in Military and Diplomatic Decision-Making, FAccT '24",
                        rungs=[Rung(**r) for r in rows])


@router.get("/strategies", response_model=StrategiesPublic)
def list_strategies() -> StrategiesPublic:
    """Every strategy with its classifier (memory, stochastic, reads trust) and reference."""
    data = [StrategyPublic(**{**row, "memory_depth": None if math.isinf(row["memory_depth"])
                              else int(row["memory_depth"])},
                           planner=row["key"] in ENGAGEMENT_STRATEGIES)
            for row in strategy_table()]
    return StrategiesPublic(count=len(data), data=data)


@router.post("/run", response_model=RunResponse, description=(
    "Run one Monte Carlo experiment on a network calibrated from the store for a year (or a "
    "made-up one) and return the outcome tables per strategy, dyad, state and round, with "
    "the parameters, seed, calibration provenance and data versions. " + _BOUND))
def run(body: RunRequest, store: StoreDep) -> RunResponse:
    result, network = run_experiment(store, body)
    out = result.to_dict()
    return RunResponse(**_provenance(network, out["params"], body.seed), model=out["model"],
                       summary={k: v for k, v in out["summary"].items() if k != "provenance"},
                       strategies=[Outcome(**r) for r in out["table"]],
                       dyads=out["tables"]["dyads"], states=out["tables"]["states"],
                       rounds=out["tables"]["rounds"])


@router.post("/compare", response_model=CompareResponse, description=(
    "Compare strategies across noise levels (and channel strengths): each strategy is played "
    "by every state, one run per grid point, each seeded from `seed` by its place in the "
    "grid. " + _BOUND))
def compare_strategies(body: CompareRequest, store: StoreDep) -> CompareResponse:
    table, network = compare(store, body)
    data = [ComparedOutcome(**{"channel": None, **row}) for row in
            table.drop("task", "strategies").to_dicts()]
    return CompareResponse(**_provenance(network, body.model_dump(mode="json", exclude={"seed"}),
                                         body.seed), count=len(data), data=data)
