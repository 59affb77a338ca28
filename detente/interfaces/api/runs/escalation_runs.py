"""Escalation experiments asked for over HTTP, shared by the REST API and the dashboard: the
request schemas, the network an experiment plays on, and the bound on its size.

Requests run synchronously, so they are bounded: at most :data:`MAX_DYADS` dyads, and at most
:data:`MAX_DYAD_ROUNDS` dyad-rounds (dyads x rounds x replicates x runs) in one request. A
larger experiment is refused before it starts with a 422 naming the field to lower; the CLI
(``detente simulate compare``, with a process pool or Dask) runs experiments of any size.

Bad input is refused the same way: a pydantic error, or a
:class:`~fastapi.exceptions.RequestValidationError` built from the model's own message
(``"states: 'XYZ' ..."`` names the field), so every refusal is a 422 that names the field.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any, Literal

import polars as pl
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from detente._errors import ActorError, ModelInputError
from detente.actors import states_in_region
from detente.interfaces.api.refusals import invalid
from detente.models import Result
from detente.models.escalation import (
    DEFAULT_NOISE,
    ENGAGEMENT_STRATEGIES,
    MILITARY_DIPLOMACY,
    EscalationGame,
    Game,
    Network,
    calibrate,
    make_strategy,
    sweep,
)
from detente.store import Store

MAX_STATES = 200
"""States in one request (every system member of a year fits)."""
MAX_DYADS = 5_000
"""Dyads in one request (all pairs of 100 states; a year's defence network of every state)."""
MAX_DYAD_ROUNDS = 10_000_000
"""Dyad-rounds (dyads x rounds x replicates x runs) in one request: about a second of the
engine on one core."""

Engagement = StrEnum("Engagement", {  # type: ignore[misc]
    a.name: a.name for a in MILITARY_DIPLOMACY.actions if a.cooperative})
"""The rungs strategies may engage with: the cooperative ones."""


_FIELD = re.compile(r"^(?:EscalationGame\.|network\.)?([A-Za-z_]\w*)(?:\[[^\]]*\])?$")


@contextmanager
def model_errors() -> Iterator[None]:
    """Turn the model's input errors (``"field: message"``) into 422s naming the field."""
    try:
        yield
    except ModelInputError as exc:
        head, _, rest = str(exc).partition(": ")
        found = _FIELD.match(head)
        invalid(found.group(1) if found and rest else "request",
                      rest if found and rest else str(exc), where="body")


def _strategy(spec: str) -> str:
    try:
        make_strategy(spec, "strategy").validate(Game())
    except ModelInputError as exc:
        raise ValueError(str(exc).removeprefix("strategy: ")) from None
    return spec


StrategySpec = Annotated[str, StringConstraints(min_length=1, max_length=100),
                         AfterValidator(_strategy)]
StateName = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Level = Annotated[float, Field(ge=0, le=1)]


class ExperimentRequest(BaseModel):
    """The network, the perception model and the Monte Carlo design of an experiment."""

    model_config = ConfigDict(extra="forbid")

    year: int | None = Field(None, ge=1000, le=3000, examples=[2010], description=(
        "Calibrate the network from the store for this year (trust from measured tie "
        "strength, channels, CINC). Omit it for a made-up network of the labels in `states`."))
    states: list[StateName] | None = Field(
        None, min_length=2, max_length=MAX_STATES, examples=[["USA", "CHN", "JPN", "RUS"]],
        description="Names, ISO3 or COW codes (with `year`; default: every member that "
                    "year); without `year`, labels of a made-up network.")
    region: StateName | None = Field(None, examples=["Eastern Asia"], description=(
        "Instead of `states`: the members of a World Bank region, continent or UN "
        "(sub-)region in `year`."))
    dyads: Literal["all", "ties"] = Field("all", description=(
        "All pairs of the states, or `ties`: the year's defence network (pairs with an ATOP "
        "obligation that year or a MID in the ten years before)."))
    trust: Level = Field(0.5, description="Initial trust on every dyad (made-up network only).")
    channel: Level = Field(0.0, description="Channel strength on every dyad (made-up network "
                                            "only).")
    misperception: Literal["shift", "flip"] = Field("shift", description=(
        "A misread action is seen one escalation category up or down (`shift`), or flipped "
        "between cooperation and escalation (`flip`)."))
    dual_use_factor: float = Field(2.0, ge=0, le=10, description="Error multiplier for "
                                   "dual-use actions (exercises, arms sales, posturing).")
    channel_damping: Level = Field(0.5, description="Share of the error a full-strength "
                                   "channel removes.")
    engagement: Engagement | None = Field(None, description=(
        "The cooperative rung strategies engage with (default joint_exercise; dialogue is "
        "read more reliably, not being dual-use)."))
    reputation: Level = Field(0.0, description="Pull of a partner's reputation on each side's "
                              "trust (0: dyads are independent).")
    rounds: int = Field(50, ge=1, le=1000, description="Rounds per run.")
    replicates: int = Field(20, ge=1, le=1000, description="Monte Carlo replicates per run.")
    seed: int = Field(0, ge=0, le=2**63 - 1, description="Same seed, same tables.")

    def model_params(self) -> dict[str, Any]:
        """The :class:`EscalationGame` parameters this request sets (besides strategies and
        noise)."""
        return dict(misperception=self.misperception, dual_use_factor=self.dual_use_factor,
                    channel_damping=self.channel_damping, reputation=self.reputation,
                    engagement=self.engagement.value if self.engagement else None,
                    rounds=self.rounds, replicates=self.replicates)


class RunRequest(ExperimentRequest):
    """One experiment: a strategy assignment at one noise level."""

    strategies: (StateName
                 | Annotated[list[StateName], Field(min_length=1, max_length=MAX_STATES)]
                 | Annotated[dict[StateName, StateName], Field(min_length=1,
                                                               max_length=MAX_STATES)]
                 ) = Field("tft", examples=[{"USA": "grit", "*": "tft"}], description=(
                     "One strategy for every state (`tft`), a mixed population dealt out "
                     "evenly (`[\"tft\", \"gtft\"]`), or a strategy per state with `*` for the "
                     "rest. Parameters as `gtft(generosity=0.2)`."))
    noise: Level = Field(0.05, description="Base probability that an action is misread.")

    @field_validator("strategies")
    @classmethod
    def _known(cls, value: str | list[str] | dict[str, str]) -> str | list[str] | dict[str, str]:
        specs = ([value] if isinstance(value, str) else
                 value if isinstance(value, list) else list(value.values()))
        for spec in specs:
            _strategy(spec)
        return value


class CompareRequest(ExperimentRequest):
    """A sweep: every strategy played by every state, at every noise (and channel) level."""

    strategies: list[StrategySpec] = Field(
        list(ENGAGEMENT_STRATEGIES), min_length=1, max_length=10,
        examples=[["tft", "gtft", "grit", "wsls"]], description="Strategies to compare.")
    noise: list[Level] = Field(list(DEFAULT_NOISE), min_length=1, max_length=8,
                               examples=[[0.0, 0.05, 0.1]], description="Noise levels.")
    channels: list[Level] | None = Field(
        None, min_length=1, max_length=5, examples=[[0.0, 1.0]], description=(
            "Channel strengths to set on every dyad (what hotlines and regular dialogue "
            "buy); omit to keep the calibrated channels."))


def check_size(network: Network, rounds: int, replicates: int, runs: int) -> None:
    """Refuse an experiment over :data:`MAX_DYADS` dyads or :data:`MAX_DYAD_ROUNDS`."""
    if network.n_dyads > MAX_DYADS:
        invalid("states", f"{network.n_states} states give {network.n_dyads:,} dyads, "
                                f"over the limit of {MAX_DYADS:,} for one request; choose "
                                "fewer states or dyads='ties'", where="body")
    total = network.n_dyads * rounds * replicates * runs
    if total > MAX_DYAD_ROUNDS:
        invalid("replicates", (
            f"{network.n_dyads:,} dyads x {rounds:,} rounds x {replicates:,} replicates x "
            f"{runs:,} run(s) = {total:,} dyad-rounds, over the limit of {MAX_DYAD_ROUNDS:,} "
            "for one request; lower replicates, rounds, the number of states or of grid "
            "points, or run it with `detente simulate compare`"), where="body")


_networks: OrderedDict[tuple[Any, ...], Network] = OrderedDict()
_networks_lock = threading.Lock()


def _calibrated(store: Store, year: int, states: list[str | int] | None, dyads: str
                ) -> Network:
    """:func:`calibrate`, remembered for the last 16 requests on the same store content."""
    key = (str(store.path), tuple(sorted(store.loaded().items())), year,
           None if states is None else tuple(states), dyads)
    with _networks_lock:
        if key in _networks:
            _networks.move_to_end(key)
            return _networks[key]
    with model_errors():
        network = calibrate(store, year, states, dyads=dyads)  # type: ignore[arg-type]
    with _networks_lock:
        _networks[key] = network
        while len(_networks) > 16:
            _networks.popitem(last=False)
    return network


def network_for(store: Store, request: ExperimentRequest) -> Network:
    """The network ``request`` asks for: calibrated for its year, or made up."""
    if request.year is None:
        if request.region is not None:
            invalid("region", "a region needs a year: its members are read from the "
                                    "store for that year", where="body")
        if not request.states:
            invalid("states", "give a year (a network calibrated from the store) or at "
                                    "least two labels (a made-up network)", where="body")
        with model_errors():
            made = Network.complete(request.states, trust=request.trust,
                                    channel=request.channel)
        return replace(made, provenance={"network": (
            f"made up: all pairs of {made.n_states} states, initial trust {request.trust:g} "
            f"both ways, channel {request.channel:g} on every dyad, equal capabilities; "
            "nothing read from the store")})
    states: list[str | int] | None = list(request.states) if request.states else None
    if request.region is not None:
        if states is not None:
            invalid("region", "give states or a region, not both", where="body")
        try:
            codes = states_in_region(store, request.region, year=request.year)
        except ActorError as exc:
            invalid("region", str(exc), where="body")
        if len(codes) < 2:
            invalid("region", f"{request.region!r} has {len(codes)} member state(s) in "
                                    f"{request.year}; an experiment needs at least two", where="body")
        states = list(codes)
    if request.dyads == "all":
        store.require("cow_system")
        n = len(states) if states is not None else int(store.rows(
            "SELECT count(*) FROM cow_system WHERE year = ?", [request.year])[0][0])
        if n * (n - 1) // 2 > MAX_DYADS:
            invalid("states", f"{n} states give {n * (n - 1) // 2:,} pairs, over the "
                                    f"limit of {MAX_DYADS:,} dyads for one request; choose "
                                    "fewer states, a region, or dyads='ties'", where="body")
    return _calibrated(store, request.year, states, request.dyads)


def run_experiment(store: Store, request: RunRequest) -> tuple[Result, Network]:
    """Run one experiment within the size bound; the result and its network."""
    network = network_for(store, request)
    check_size(network, request.rounds, request.replicates, 1)
    with model_errors():
        model = EscalationGame(strategies=request.strategies, noise=request.noise,
                               **request.model_params())
        return model.run(network, seed=request.seed), network


def compare(store: Store, request: CompareRequest) -> tuple[pl.DataFrame, Network]:
    """Sweep strategies x noise (x channels) within the size bound; the table and network."""
    network = network_for(store, request)
    grid: dict[str, list[Any]] = {"strategies": list(request.strategies),
                                  "noise": list(request.noise)}
    if request.channels:
        grid["channel"] = list(request.channels)
    runs = len(request.strategies) * len(request.noise) * len(request.channels or [0])
    check_size(network, request.rounds, request.replicates, runs)
    with model_errors():
        table = sweep(network, grid, base=EscalationGame(**request.model_params()),
                      seed=request.seed)
    return table, network


_COUNT = re.compile(r"for (\d+) of (\d+) dyads")


def _kind(key: str, note: str) -> str:
    if key == "network":
        return "made up"
    if key == "capability":
        return "measured"
    if note.startswith(("your tie strength", "measured channels")):
        return "given by the user"
    if key == "trust" and note.startswith("measured"):
        found = _COUNT.search(note)
        if found and found.group(1) != found.group(2):
            return f"measured for {found.group(1)} of {found.group(2)} dyads, proxy for the rest"
        return "measured"
    if key in ("trust", "channel"):
        return "proxy"
    return "selection" if key == "dyads" else "as noted"


def calibration_inputs(network: Network) -> list[dict[str, str]]:
    """Each input of the network (capability, trust, channel, dyads), whether it is measured,
    a proxy, made up or given by the user, and the calibration's note on how it was made."""
    return [{"input": key, "kind": _kind(key, note), "note": note}
            for key, note in network.provenance.items()]
