"""Strategies: classifiers, registry, parsing, and their rules on the dilemma and the ladder."""

from __future__ import annotations

import numpy as np
import pytest

from detente._errors import ModelInputError
from detente.models.escalation import (
    ENGAGEMENT_STRATEGIES,
    GRIT,
    STRATEGIES,
    Alternator,
    Appeaser,
    DeterrentPosture,
    EngageAndHedge,
    Game,
    GenerousTitForTat,
    Hardliner,
    RandomPlayer,
    TitForTat,
    WinStayLoseShift,
    filtered_strategies,
    make_strategy,
    strategy_table,
)
from tests.models.escalation._helpers import make_view

PD = Game.prisoners_dilemma()
LADDER = Game()
C, D = 0, 1
# every (own last, seen last) pair on the prisoner's dilemma
OWN = [C, C, D, D]
SEEN = [C, D, C, D]


def decide(strategy, game: Game, own: list[int], seen: list[int], t: int = 5,
           trust: list[float] | None = None) -> list[int]:
    return strategy.decide(make_view(game, t, own, seen, trust)).ravel().tolist()


def test_registry_and_classifiers() -> None:
    assert set(ENGAGEMENT_STRATEGIES) <= set(STRATEGIES)
    assert set(STRATEGIES) == {"tft", "gtft", "grit", "wsls", "hardliner", "appeaser",
                               "deterrent", "engage_hedge", "alternator", "random"}
    for key, cls in STRATEGIES.items():
        assert cls.key == key and cls.classifier.reference and cls.__doc__
    assert set(filtered_strategies(stochastic=True)) == {"gtft", "random"}
    assert set(filtered_strategies(uses_trust=True)) == {"engage_hedge"}
    assert set(filtered_strategies(memory_depth=(0, 0))) == {"appeaser", "random"}
    with pytest.raises(ModelInputError, match="unknown classifier field 'speed'"):
        filtered_strategies(speed=1)
    rows = strategy_table()
    assert [r["key"] for r in rows] == list(STRATEGIES)


def test_make_strategy_parses_keys_and_parameters() -> None:
    assert make_strategy("tft") == TitForTat()
    assert make_strategy("gtft(generosity=0.2)") == GenerousTitForTat(generosity=0.2)
    assert make_strategy("hardliner(floor=sanctions)") == Hardliner(floor="sanctions")
    assert make_strategy("grit(period=3)") == GRIT(period=3)
    assert make_strategy(" deterrent(threshold=blockade, baseline=dialogue) ") == \
        DeterrentPosture(threshold="blockade", baseline="dialogue")
    assert GenerousTitForTat(generosity=0.2).label() == "gtft(generosity=0.2)"
    assert TitForTat().label() == "tft"
    with pytest.raises(ModelInputError, match="unknown strategy 'nice'"):
        make_strategy("nice")
    with pytest.raises(ModelInputError, match=r"gtft takes parameters \['generosity'\]"):
        make_strategy("gtft(forgiveness=0.2)")
    with pytest.raises(ModelInputError, match="cannot read 'tft\\)' as a strategy"):
        make_strategy("tft)")


@pytest.mark.parametrize(("strategy", "expected"), [
    (TitForTat(), [C, D, C, D]),                 # copy the partner
    (WinStayLoseShift(), [C, D, D, C]),          # C after CC, DD; D after CD, DC
    (Hardliner(), [D, D, D, D]),                 # always defect
    (Appeaser(), [C, C, C, C]),                  # always cooperate
    (DeterrentPosture(), [C, D, C, D]),          # TFT on the dilemma
    (GRIT(), [C, D, C, D]),                      # TFT between initiatives (t=5, period 4)
])
def test_textbook_rules_on_the_dilemma(strategy, expected: list[int]) -> None:
    assert decide(strategy, PD, OWN, SEEN) == expected


def test_grit_initiative_rounds_cooperate_on_the_dilemma() -> None:
    assert decide(GRIT(period=4), PD, OWN, SEEN, t=8) == [C, C, C, C]


def test_openings() -> None:
    for strategy, first in [(TitForTat(), C), (Hardliner(), D), (Appeaser(), C)]:
        assert strategy.opening(make_view(PD, 0, [C], [C])).ravel().tolist() == [first]
    assert EngageAndHedge(hedge_below=0.5).opening(
        make_view(PD, 0, [C, C], [C, C], trust=[0.9, 0.1])).ravel().tolist() == [C, D]


def test_alternator_and_random() -> None:
    assert [decide(Alternator(), PD, [C], [C], t=t)[0] for t in range(1, 5)] == [D, C, D, C]
    view = make_view(PD, 3, [C] * 20000, [C] * 20000)
    played = RandomPlayer(p_cooperate=0.25).decide(view)
    assert set(np.unique(played)) == {C, D}
    assert abs((played == C).mean() - 0.25) < 0.015


def test_generous_tft_forgives_at_its_rate() -> None:
    n = 40000
    hostile = decide(GenerousTitForTat(), PD, [C] * n, [D] * n)
    forgiven = hostile.count(C) / n
    assert abs(forgiven - 1 / 3) < 0.01  # Nowak-Sigmund value for (3, 0, 5, 1)
    # cooperation is always returned; an explicit generosity overrides the formula
    assert decide(GenerousTitForTat(), PD, [C] * 50, [C] * 50) == [C] * 50
    assert decide(GenerousTitForTat(generosity=0.0), PD, [C] * 50, [D] * 50) == [D] * 50


# the default ladder: 0 dialogue, 1 hadr, 2 joint_exercise, 3 arms_sale, 4 posturing,
# 5 sanctions, 6 blockade, 7 strike; cooperate rung 2, defect rung 5
def test_rules_on_the_ladder() -> None:
    seen = [0, 2, 3, 4, 5, 6, 7]
    own = [2] * len(seen)
    assert decide(TitForTat(), LADDER, own, seen) == seen
    # hardliner: at least posturing, one rung above any escalation
    assert decide(Hardliner(), LADDER, own, seen) == [4, 4, 4, 5, 6, 7, 7]
    assert decide(Hardliner(floor="sanctions"), LADDER, own, seen) == [5, 5, 5, 5, 6, 7, 7]
    # GRIT: one rung below an escalation but still escalatory; cooperation reciprocated
    assert decide(GRIT(), LADDER, own, seen, t=5) == [2, 2, 2, 4, 4, 5, 6]
    # on an initiative round it steps one rung down from its own last action
    assert decide(GRIT(), LADDER, [6] * 3, [7, 5, 2], t=4) == [5, 4, 2]
    # deterrent posture ignores posturing, answers sanctions and above in kind
    assert decide(DeterrentPosture(), LADDER, own, seen) == [2, 2, 2, 2, 5, 6, 7]
    assert decide(DeterrentPosture(threshold="posturing", baseline="dialogue"), LADDER, own,
                  seen) == [0, 0, 0, 4, 5, 6, 7]
    # win-stay lose-shift: a cooperating side matches an escalation; an escalating side
    # that was met with escalation returns to cooperation
    assert decide(WinStayLoseShift(), LADDER, [3, 3, 6], [2, 6, 6]) == [3, 6, 2]


def test_engage_and_hedge_follows_trust() -> None:
    trust = [0.9, 0.2, 0.9, 0.2]
    seen = [2, 2, 6, 4]
    assert decide(EngageAndHedge(), LADDER, [2] * 4, seen, trust=trust) == [2, 4, 6, 4]
    assert decide(EngageAndHedge(hedge="arms_sale"), LADDER, [2] * 4, seen, trust=trust) == [
        2, 3, 6, 3]


@pytest.mark.parametrize(("strategy", "field"), [
    (GenerousTitForTat(generosity=1.5), "gtft.generosity"),
    (GRIT(period=0), "grit.period"),
    (Hardliner(floor="nuke"), "hardliner.floor"),
    (DeterrentPosture(threshold=12), "deterrent.threshold"),
    (EngageAndHedge(hedge_below=-1), "engage_hedge.hedge_below"),
    (RandomPlayer(p_cooperate=2), "random.p_cooperate"),
])
def test_bad_parameters_name_the_field(strategy, field: str) -> None:
    with pytest.raises(ModelInputError, match=field.replace(".", r"\.")):
        strategy.validate(LADDER)
