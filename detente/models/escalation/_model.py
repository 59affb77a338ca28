"""``EscalationGame``: the engine behind the common model shape (params, ``run``, ``Result``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models._base import Model, ModelTags, Result, register
from detente.models.escalation import _outcomes
from detente.models.escalation._engine import simulate
from detente.models.escalation._game import Game
from detente.models.escalation._network import Network
from detente.models.escalation._perception import Perception
from detente.models.escalation._strategies import Strategy, StrategySpec, make_strategy
from detente.models.escalation._trust import TrustDynamics

StrategiesParam = StrategySpec | Sequence[StrategySpec] | Mapping[Any, StrategySpec]
_MAX_RECORDED = 5_000_000


def assign_strategies(spec: StrategiesParam, network: Network, rng: np.random.Generator
                      ) -> tuple[tuple[Strategy, ...], np.ndarray]:
    """Distinct strategies and, per state, the index of the one it plays.

    ``spec`` is one strategy for every state; a list for a mixed population (states are
    dealt the listed strategies in turn after a seeded shuffle, so each gets an equal share,
    give one twice to double its share); or a mapping from state label (or COW code) to
    strategy, where the key ``"*"`` covers states not listed.
    """
    if isinstance(spec, Mapping):
        chosen = _per_state(spec, network)
        pool = list(chosen)
    elif isinstance(spec, str | Strategy):
        chosen = [make_strategy(spec, "strategies")] * network.n_states
        pool = chosen[:1]
    elif isinstance(spec, Sequence) and len(spec) > 0:
        pool = [make_strategy(s, f"strategies[{i}]") for i, s in enumerate(spec)]
        order = rng.permutation(network.n_states)
        chosen = [pool[0]] * network.n_states
        for rank, state in enumerate(order):
            chosen[state] = pool[rank % len(pool)]
    else:
        raise ModelInputError("strategies: give a strategy, a non-empty list of strategies, or "
                              "a mapping from state to strategy")
    used = set(chosen)  # a list longer than the number of states may leave some out
    distinct = tuple(s for s in dict.fromkeys(pool) if s in used)
    index = {s: i for i, s in enumerate(distinct)}
    return distinct, np.array([index[s] for s in chosen], dtype=np.int64)


def _per_state(spec: Mapping[Any, StrategySpec], network: Network) -> list[Strategy]:
    lookup: dict[str, int] = {label: i for i, label in enumerate(network.states)}
    if network.codes is not None:
        lookup.update({str(int(c)): i for i, c in enumerate(network.codes)})
    chosen: list[Strategy | None] = [None] * network.n_states
    default = make_strategy(spec["*"], "strategies['*']") if "*" in spec else None
    for key, value in spec.items():
        if key == "*":
            continue
        if str(key) not in lookup:
            raise ModelInputError(f"strategies: {key!r} is not a state of this network "
                                  f"({', '.join(network.states[:10])}...)")
        chosen[lookup[str(key)]] = make_strategy(value, f"strategies[{key!r}]")
    missing = [network.states[i] for i, s in enumerate(chosen) if s is None]
    if missing and default is None:
        raise ModelInputError(f"strategies: no strategy for {', '.join(missing[:10])}"
                              f"{' ...' if len(missing) > 10 else ''}; list them or add a "
                              "'*' entry")
    return [s if s is not None else default for s in chosen]  # type: ignore[misc]


def _check_int(value: Any, name: str, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise ModelInputError(f"{name}: must be an integer >= {low}, got {value!r}")


@register
class EscalationGame(Model):
    """Repeated military-diplomatic interaction under misperception, on a network of states.

    Each round every state chooses, toward each partner, a rung of the action ladder
    (:data:`~detente.models.escalation.MILITARY_DIPLOMACY`: dialogue ... strike, scored on
    Rivera et al. 2024's escalation scale). What the partner perceives is that action
    passed through noise, larger for dual-use actions and smaller where the pair has
    communication channels; trust per dyad side follows perceptions; strategies decide from
    their own last action, the partner's perceived last action and trust. See
    :mod:`detente.models.escalation` for the method and references.

    ``run(inputs)`` takes a :class:`~detente.models.escalation.Network` (or a number of
    states, for an all-pairs network with trust 0.5 and no channels).

    Parameters
    ----------
    strategies
        One strategy for all states (``"tft"``), a list for a mixed population, or a
        mapping state -> strategy (``{"USA": "grit", "*": "tft"}``). Keys or instances;
        parameters as ``"gtft(generosity=0.2)"``.
    noise, misperception, dual_use_factor, channel_damping, hostile_bias
        The perception model (:class:`~detente.models.escalation.Perception`).
    trust_gain, trust_loss
        Trust update rates (:class:`~detente.models.escalation.TrustDynamics`).
    rounds, replicates
        Rounds per run and Monte Carlo replicates.
    spiral_min
        Shortest episode of mutual hostility counted as a spiral.
    power_weight
        Weight of capability (CINC share) in escalated exchanges' payoffs.
    reputation
        In [0, 1]: how far each side's trust in a partner is pulled, each round, toward the
        mean trust all of that partner's partners place in it (0: dyads are independent).
    engagement
        The rung cooperative strategies engage with (the ladder's cooperate rung); default
        the ladder's own (``joint_exercise`` on the default ladder). ``"dialogue"`` is
        read more reliably (not dual-use); ``"arms_sale"`` pays more.
    game
        Stage game; ``None`` is the default military-diplomatic ladder.
    record
        Add a ``history`` table of every action and perception (small runs only).
    """

    tags: ClassVar[ModelTags] = ModelTags(
        question="escalation", stochastic=True, unit="dyad",
        citation="Axelrod (1984); Nowak and Sigmund (1992, 1993); Osgood (1962); "
                 "Jervis (1976); Rivera et al. (2024)")

    def __init__(self, *, strategies: StrategiesParam = "tft", noise: float = 0.05,
                 misperception: str = "shift", dual_use_factor: float = 2.0,
                 channel_damping: float = 0.5, hostile_bias: float = 0.5,
                 trust_gain: float = 0.1, trust_loss: float = 0.3, rounds: int = 100,
                 replicates: int = 100, spiral_min: int = 3, power_weight: float = 1.0,
                 reputation: float = 0.0, engagement: str | None = None,
                 game: Game | None = None, record: bool = False) -> None:
        self.strategies = strategies
        self.noise = noise
        self.misperception = misperception
        self.dual_use_factor = dual_use_factor
        self.channel_damping = channel_damping
        self.hostile_bias = hostile_bias
        self.trust_gain = trust_gain
        self.trust_loss = trust_loss
        self.rounds = rounds
        self.replicates = replicates
        self.spiral_min = spiral_min
        self.power_weight = power_weight
        self.reputation = reputation
        self.engagement = engagement
        self.game = game
        self.record = record

    # -- parts ----------------------------------------------------------------------------------
    def perception(self) -> Perception:
        p = Perception(noise=self.noise, mode=self.misperception,  # type: ignore[arg-type]
                       dual_use_factor=self.dual_use_factor,
                       channel_damping=self.channel_damping, hostile_bias=self.hostile_bias)
        p.validate(prefix="EscalationGame")
        return p

    def trust_dynamics(self) -> TrustDynamics:
        t = TrustDynamics(gain_rate=self.trust_gain, loss_rate=self.trust_loss)
        t.validate(prefix="EscalationGame")
        return t

    def stage_game(self) -> Game:
        game = Game() if self.game is None else self.game
        if not isinstance(game, Game):
            raise ModelInputError(f"game: expected a Game, got {type(game).__name__}")
        if self.engagement is not None:
            game = Game(game.ladder.engaging(self.engagement), game.payoff)
        return game

    def _network(self, inputs: Any) -> Network:
        if isinstance(inputs, Network):
            return inputs
        if isinstance(inputs, int) and not isinstance(inputs, bool):
            return Network.complete(inputs)
        raise ModelInputError(f"inputs: expected a Network or a number of states, got "
                              f"{type(inputs).__name__}")

    # -- run ---------------------------------------------------------------------------------------
    def run(self, inputs: Network | int, *, seed: SeedLike = None) -> Result:
        """Simulate and return outcome tables.

        Returns
        -------
        Result
            ``table``: one row per strategy (see :mod:`._outcomes` for every column);
            ``tables``: ``dyads``, ``states``, ``rounds`` (and ``history`` when ``record``).
        """
        network = self._network(inputs)
        _check_int(self.rounds, "rounds", 1)
        _check_int(self.replicates, "replicates", 1)
        _check_int(self.spiral_min, "spiral_min", 1)
        if not isinstance(self.power_weight, int | float) or self.power_weight < 0:
            raise ModelInputError(f"power_weight: must be a number >= 0, got "
                                  f"{self.power_weight!r}")
        if not isinstance(self.reputation, int | float) or not 0 <= self.reputation <= 1:
            raise ModelInputError(f"reputation: must be a number in [0, 1], got "
                                  f"{self.reputation!r}")
        game, perception, trust = self.stage_game(), self.perception(), self.trust_dynamics()
        if self.record and self.rounds * 2 * network.n_dyads * self.replicates > _MAX_RECORDED:
            raise ModelInputError(f"record: rounds x sides x replicates must stay under "
                                  f"{_MAX_RECORDED:,} to record a history")
        rng = resolve_seed(seed)
        strategies, state_strategy = assign_strategies(self.strategies, network, rng)
        for strategy in strategies:
            strategy.validate(game)
        sim = simulate(network, strategies, state_strategy, game=game, perception=perception,
                       trust=trust, rounds=self.rounds, replicates=self.replicates, rng=rng,
                       spiral_min=self.spiral_min, power_weight=float(self.power_weight),
                       reputation=float(self.reputation), record=bool(self.record))
        table = _outcomes.by_strategy(sim)
        tables = {"dyads": _outcomes.by_dyad(sim), "states": _outcomes.by_state(sim),
                  "rounds": _outcomes.by_round(sim)}
        if self.record:
            tables["history"] = _outcomes.history(sim)
        dyad_rounds = network.n_dyads * self.rounds * self.replicates
        summary = {
            "states": network.n_states,
            "dyads": network.n_dyads,
            "dyad_rounds": dyad_rounds,
            "year": network.year,
            "cooperation_rate": float(sim.cooperative.sum() / (2 * dyad_rounds)),
            "mutual_cooperation": float(sim.mutual.sum() / dyad_rounds),
            "mean_escalation": float(sim.escalation.sum() / (2 * dyad_rounds)),
            "spirals": int(sim.resolved.sum() + sim.open_spiral.sum()),
            "provenance": dict(network.provenance),
        }
        return Result(
            model=type(self).__name__, table=table, summary=summary, params=self.get_params(),
            seed=seed if isinstance(seed, int) else None,
            data_versions=dict(network.data_versions), tables=tables,
        )
