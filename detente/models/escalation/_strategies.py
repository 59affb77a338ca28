"""Strategies: small classes with a classifier, each deciding for all its dyad sides at once.

Layering follows Axelrod-Python: a strategy holds its metadata (``classifier``: memory
depth, stochastic or not, whether it reads trust, and its reference) and one decision rule.
Unlike Axelrod's ``strategy(opponent)``, a rule here is vectorised: :meth:`Strategy.decide`
receives a :class:`View` of every dyad side (and Monte Carlo replicate) that uses the
strategy, as arrays, and returns one rung per entry. Strategies are generalised from the
prisoner's dilemma to the ladder so that on the two-rung ladder each reduces to its
textbook form (tested).

Collections are filters over classifiers, as Axelrod's ``filtered_strategies``::

    >>> sorted(filtered_strategies(stochastic=True))
    ['gtft', 'random']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar

import numpy as np

from detente._errors import ModelInputError
from detente.models.escalation._game import Game

I8 = np.int8


@dataclass(frozen=True)
class Classifier:
    """What a strategy is, for listings and filters (Axelrod's classifier)."""

    memory_depth: float
    stochastic: bool
    uses_trust: bool
    reference: str


@dataclass
class View:
    """What the dyad sides using one strategy know at the start of round ``t``.

    All arrays have shape ``(sides, replicates)``: ``own`` is the side's own last action,
    ``seen`` the partner's last action as perceived (after misperception), ``trust`` the
    side's current trust in its partner. In round 0 ``own`` and ``seen`` hold the
    cooperate rung and are not meant to be read (strategies use :meth:`Strategy.opening`).
    """

    t: int
    own: np.ndarray
    seen: np.ndarray
    trust: np.ndarray
    rng: np.random.Generator
    cooperative: np.ndarray
    cooperate: int
    defect: int
    first_escalatory: int
    top: int
    game: Game

    @property
    def shape(self) -> tuple[int, ...]:
        return self.own.shape

    def full(self, rung: int) -> np.ndarray:
        return np.full(self.shape, rung, dtype=I8)


class Strategy:
    """Base class: a frozen dataclass of parameters, a ``classifier`` and a ``decide`` rule."""

    key: ClassVar[str]
    name: ClassVar[str]
    classifier: ClassVar[Classifier]

    def opening(self, view: View) -> np.ndarray:
        """The first-round action; cooperation unless the strategy says otherwise."""
        return view.full(view.cooperate)

    def decide(self, view: View) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def validate(self, game: Game) -> None:
        """Raise :class:`ModelInputError` if the parameters do not fit ``game``."""

    def params(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    def label(self) -> str:
        """``key`` plus any parameter that differs from its default: ``gtft(generosity=0.2)``."""
        defaults = type(self)()
        changed = {k: v for k, v in self.params().items() if getattr(defaults, k) != v}
        if not changed:
            return self.key
        return f"{self.key}(" + ", ".join(f"{k}={v}" for k, v in changed.items()) + ")"


def _rung(game: Game, value: str | int | None, default: int, field: str) -> int:
    return default if value is None else game.ladder.index(value, field=field)


def _probability(value: float, field: str) -> None:
    if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
        raise ModelInputError(f"{field}: must be a probability in [0, 1], got {value!r}")


# -- the strategies ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TitForTat(Strategy):
    """Open with cooperation, then repeat the partner's last perceived rung.

    On the ladder this is proportionate reciprocity: posturing is answered with posturing,
    a strike with a strike. Reference: Rapoport's entry in Axelrod (1980); Axelrod (1984).
    """

    key: ClassVar[str] = "tft"
    name: ClassVar[str] = "Tit for tat"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Axelrod (1984)")

    def decide(self, view: View) -> np.ndarray:
        return view.seen


@dataclass(frozen=True)
class GenerousTitForTat(Strategy):
    """Tit for tat that answers a perceived escalation with cooperation with probability ``g``.

    ``generosity=None`` uses Nowak and Sigmund's (1992) value for the game's dilemma,
    ``min(1 - (T - R)/(R - S), (R - P)/(T - P))`` (1/3 for (3, 0, 5, 1)).
    """

    generosity: float | None = None

    key: ClassVar[str] = "gtft"
    name: ClassVar[str] = "Generous tit for tat"
    classifier: ClassVar[Classifier] = Classifier(1, True, False, "Nowak and Sigmund (1992)")

    def validate(self, game: Game) -> None:
        if self.generosity is None:
            game.generous_forgiveness()
        else:
            _probability(self.generosity, "gtft.generosity")

    def forgiveness(self, game: Game) -> float:
        return game.generous_forgiveness() if self.generosity is None else float(self.generosity)

    def decide(self, view: View) -> np.ndarray:
        out = view.seen.copy()
        hostile = np.flatnonzero(~view.cooperative[out])
        forgive = view.rng.random(hostile.size) < self.forgiveness(view.game)
        out.reshape(-1)[hostile[forgive]] = view.cooperate
        return out


@dataclass(frozen=True)
class GRIT(Strategy):
    """Graduated reciprocation in tension-reduction (Osgood 1962).

    Reciprocates escalation one rung *below* the partner's (but still escalatory, so it
    keeps the capacity to retaliate), reciprocates cooperation, and every ``period`` rounds
    takes a unilateral conciliatory step one rung down from its own last action whatever
    the partner did. On the prisoner's dilemma it is tit for tat that cooperates
    unconditionally every ``period`` rounds.

    Reference: Osgood, C. E. (1962). *An Alternative to War or Surrender*. University of
    Illinois Press.
    """

    period: int = 4

    key: ClassVar[str] = "grit"
    name: ClassVar[str] = "GRIT (graduated reciprocation)"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Osgood (1962)")

    def validate(self, game: Game) -> None:
        if not (isinstance(self.period, int) and self.period >= 1):
            raise ModelInputError(f"grit.period: must be an integer >= 1, got {self.period!r}")

    def decide(self, view: View) -> np.ndarray:
        lower = np.maximum(view.seen - 1, view.first_escalatory).astype(I8)
        response = np.where(view.cooperative[view.seen], I8(view.cooperate), lower)
        if view.t % self.period == 0:
            step_down = np.maximum(view.own - 1, view.cooperate).astype(I8)
            response = np.minimum(response, step_down)
        return response


@dataclass(frozen=True)
class WinStayLoseShift(Strategy):
    """Pavlov: keep the last action after a perceived cooperation, change it after escalation.

    A "loss" (the partner was seen escalating) makes a cooperating side match the partner's
    rung and an escalating side return to cooperation. On the prisoner's dilemma: C after
    CC and DD, D after CD and DC.

    Reference: Nowak, M. and Sigmund, K. (1993). "A strategy of win-stay, lose-shift that
    outperforms tit-for-tat in the Prisoner's Dilemma game." *Nature* 364, 56-58.
    """

    key: ClassVar[str] = "wsls"
    name: ClassVar[str] = "Win-stay, lose-shift"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Nowak and Sigmund (1993)")

    def decide(self, view: View) -> np.ndarray:
        win = view.cooperative[view.seen]
        shift = np.where(view.cooperative[view.own], view.seen, I8(view.cooperate))
        return np.where(win, view.own, shift)


@dataclass(frozen=True)
class Hardliner(Strategy):
    """Holds at least the ``floor`` rung and answers escalation one rung higher.

    Escalation dominance (Kahn 1965): never below ``floor`` (default the first escalatory
    rung, posturing on the default ladder), and a perceived escalation is met one rung above
    it. On the prisoner's dilemma: always defect.
    """

    floor: str | int | None = None

    key: ClassVar[str] = "hardliner"
    name: ClassVar[str] = "Hardliner"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Kahn (1965)")

    def validate(self, game: Game) -> None:
        _rung(game, self.floor, 0, "hardliner.floor")

    def opening(self, view: View) -> np.ndarray:
        return view.full(_rung(view.game, self.floor, view.first_escalatory, "hardliner.floor"))

    def decide(self, view: View) -> np.ndarray:
        floor = _rung(view.game, self.floor, view.first_escalatory, "hardliner.floor")
        above = np.minimum(np.maximum(view.seen + 1, floor), view.top).astype(I8)
        return np.where(view.cooperative[view.seen], I8(floor), above)


@dataclass(frozen=True)
class Appeaser(Strategy):
    """Always the cooperate rung, whatever the partner does (Axelrod's ALL-C)."""

    key: ClassVar[str] = "appeaser"
    name: ClassVar[str] = "Appeaser"
    classifier: ClassVar[Classifier] = Classifier(0, False, False, "Axelrod (1984), ALL-C")

    def decide(self, view: View) -> np.ndarray:
        return view.full(view.cooperate)


@dataclass(frozen=True)
class DeterrentPosture(Strategy):
    """Keep a ``baseline`` rung and respond in kind only to escalation at or above ``threshold``.

    Perceived moves below the threshold (posturing, on the default ladder) are ignored;
    above it the response is proportionate (the partner's rung). Defaults: baseline the
    cooperate rung, threshold the ladder's defect rung (sanctions). On the prisoner's
    dilemma it is tit for tat.

    Reference: Schelling, T. C. (1966). *Arms and Influence*. Yale University Press.
    """

    threshold: str | int | None = None
    baseline: str | int | None = None

    key: ClassVar[str] = "deterrent"
    name: ClassVar[str] = "Deterrent posture"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Schelling (1966)")

    def validate(self, game: Game) -> None:
        _rung(game, self.threshold, 0, "deterrent.threshold")
        _rung(game, self.baseline, 0, "deterrent.baseline")

    def _baseline(self, view: View) -> int:
        return _rung(view.game, self.baseline, view.cooperate, "deterrent.baseline")

    def opening(self, view: View) -> np.ndarray:
        return view.full(self._baseline(view))

    def decide(self, view: View) -> np.ndarray:
        threshold = _rung(view.game, self.threshold, view.defect, "deterrent.threshold")
        return np.where(view.seen >= threshold, view.seen, I8(self._baseline(view)))


@dataclass(frozen=True)
class EngageAndHedge(Strategy):
    """Engage while trust is high, hedge when it is low, respond to serious escalation.

    Cooperate while trust in the partner is at least ``hedge_below``; below it take the
    ``hedge`` rung (default the first escalatory rung, posturing: a dual-use signal of
    readiness); a perceived escalation at or above ``threshold`` (default the defect rung)
    is answered in kind. The trust that drives it is updated from perceptions
    (:mod:`._trust`), so misreadings make it hedge.

    Reference: Medeiros, E. S. (2005). "Strategic hedging and the future of Asia-Pacific
    stability." *The Washington Quarterly* 29(1), 145-167.
    """

    hedge_below: float = 0.4
    hedge: str | int | None = None
    threshold: str | int | None = None

    key: ClassVar[str] = "engage_hedge"
    name: ClassVar[str] = "Engage and hedge"
    classifier: ClassVar[Classifier] = Classifier(float("inf"), False, True, "Medeiros (2005)")

    def validate(self, game: Game) -> None:
        _probability(self.hedge_below, "engage_hedge.hedge_below")
        _rung(game, self.hedge, 0, "engage_hedge.hedge")
        _rung(game, self.threshold, 0, "engage_hedge.threshold")

    def _engage_or_hedge(self, view: View) -> np.ndarray:
        hedge = _rung(view.game, self.hedge, view.first_escalatory, "engage_hedge.hedge")
        return np.where(view.trust >= np.float32(self.hedge_below), I8(view.cooperate), I8(hedge))

    def opening(self, view: View) -> np.ndarray:
        return self._engage_or_hedge(view)

    def decide(self, view: View) -> np.ndarray:
        threshold = _rung(view.game, self.threshold, view.defect, "engage_hedge.threshold")
        return np.where(view.seen >= threshold, view.seen, self._engage_or_hedge(view))


@dataclass(frozen=True)
class Alternator(Strategy):
    """Cooperate, defect, cooperate, ... regardless of the partner (Axelrod's Alternator)."""

    key: ClassVar[str] = "alternator"
    name: ClassVar[str] = "Alternator"
    classifier: ClassVar[Classifier] = Classifier(1, False, False, "Axelrod (1984)")

    def decide(self, view: View) -> np.ndarray:
        return view.full(view.cooperate if view.t % 2 == 0 else view.defect)


@dataclass(frozen=True)
class RandomPlayer(Strategy):
    """Cooperate with probability ``p_cooperate``, else the defect rung (a noise baseline)."""

    p_cooperate: float = 0.5

    key: ClassVar[str] = "random"
    name: ClassVar[str] = "Random"
    classifier: ClassVar[Classifier] = Classifier(0, True, False, "Axelrod (1980)")

    def validate(self, game: Game) -> None:
        _probability(self.p_cooperate, "random.p_cooperate")

    def opening(self, view: View) -> np.ndarray:
        return self.decide(view)

    def decide(self, view: View) -> np.ndarray:
        coop = view.rng.random(view.shape, dtype=np.float32) < np.float32(self.p_cooperate)
        return np.where(coop, I8(view.cooperate), I8(view.defect))


# -- registry -------------------------------------------------------------------------------------
STRATEGIES: dict[str, type[Strategy]] = {cls.key: cls for cls in (
    TitForTat, GenerousTitForTat, GRIT, WinStayLoseShift, Hardliner, Appeaser,
    DeterrentPosture, EngageAndHedge, Alternator, RandomPlayer,
)}
"""Every strategy by key."""

ENGAGEMENT_STRATEGIES = ("tft", "gtft", "grit", "wsls", "hardliner", "appeaser", "deterrent",
                         "engage_hedge")
"""The strategies a planner compares (the reference players alternator and random left out)."""


def filtered_strategies(**criteria: Any) -> dict[str, type[Strategy]]:
    """Strategies whose classifier matches every criterion (``stochastic=False``, ...).

    ``memory_depth`` may be given as a number (exact) or a ``(low, high)`` tuple.
    """
    valid = {f.name for f in fields(Classifier)}
    for name in criteria:
        if name not in valid:
            raise ModelInputError(f"strategy filter: unknown classifier field {name!r}; "
                                  f"choose from {sorted(valid)}")

    def keep(cls: type[Strategy]) -> bool:
        for name, wanted in criteria.items():
            value = getattr(cls.classifier, name)
            if isinstance(wanted, tuple):
                if not wanted[0] <= value <= wanted[1]:
                    return False
            elif value != wanted:
                return False
        return True

    return {key: cls for key, cls in STRATEGIES.items() if keep(cls)}


StrategySpec = Strategy | str
_SPEC = re.compile(r"^\s*(?P<key>[a-z_]+)\s*(?:\((?P<args>.*)\))?\s*$")


def make_strategy(spec: StrategySpec, field: str = "strategy") -> Strategy:
    """A strategy from an instance, a key (``"gtft"``) or a key with parameters
    (``"gtft(generosity=0.2)"``, ``"hardliner(floor=sanctions)"``)."""
    if isinstance(spec, Strategy):
        return spec
    if not isinstance(spec, str) or not (m := _SPEC.match(spec)):
        raise ModelInputError(f"{field}: cannot read {spec!r} as a strategy; use a key such as "
                              f"'tft' or 'gtft(generosity=0.2)'")
    key = m["key"]
    if key not in STRATEGIES:
        raise ModelInputError(f"{field}: unknown strategy {key!r}; choose from "
                              f"{', '.join(STRATEGIES)}")
    kwargs: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in (m["args"] or "").split(","))):
        name, _, raw = part.partition("=")
        kwargs[name.strip()] = _literal(raw.strip())
    try:
        return STRATEGIES[key](**kwargs)
    except TypeError:
        allowed = [f.name for f in fields(STRATEGIES[key])]  # type: ignore[arg-type]
        raise ModelInputError(f"{field}: {key} takes parameters {allowed}, got "
                              f"{sorted(kwargs)}") from None


def _literal(raw: str) -> Any:
    for cast in (int, float):
        try:
            return cast(raw)
        except ValueError:
            pass
    return None if raw == "None" else raw


def strategy_table() -> list[Mapping[str, Any]]:
    """One row per registered strategy: key, name, classifier fields and the first doc line."""
    return [{"key": key, "name": cls.name, "memory_depth": cls.classifier.memory_depth,
             "stochastic": cls.classifier.stochastic, "uses_trust": cls.classifier.uses_trust,
             "reference": cls.classifier.reference,
             "rule": (cls.__doc__ or "").strip().splitlines()[0]}
            for key, cls in STRATEGIES.items()]
