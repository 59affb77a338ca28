"""The action ladder and the stage game."""

from __future__ import annotations

import numpy as np
import pytest

from detente._errors import ModelInputError
from detente.models.escalation import (
    CATEGORY_SCORES,
    MILITARY_DIPLOMACY,
    Action,
    Game,
    Ladder,
    prisoners_dilemma_ladder,
)


def test_scores_follow_rivera_et_al_categories() -> None:
    # Rivera et al. (2024) points: de-escalation -2, status quo 0, posturing 4, non-violent
    # escalation 12, violent escalation 28, nuclear 60 (gaps double).
    assert list(CATEGORY_SCORES.values()) == [-2, 0, 4, 12, 28, 60]
    ladder = MILITARY_DIPLOMACY
    assert ladder.names == ["dialogue", "hadr", "joint_exercise", "arms_sale", "posturing",
                            "sanctions", "blockade", "strike"]
    assert ladder.scores.tolist() == [-2, -2, 0, 0, 4, 12, 28, 28]
    assert ladder.cooperative.tolist() == [True] * 4 + [False] * 4
    assert [n for n, d in zip(ladder.names, ladder.dual_use, strict=True) if d] == [
        "joint_exercise", "arms_sale", "posturing"]
    assert ladder.names[ladder.cooperate] == "joint_exercise"
    assert ladder.names[ladder.defect_index] == "sanctions"
    assert ladder.first_escalatory == 4
    frame = ladder.to_polars()
    assert frame.height == 8 and frame["score"].to_list() == ladder.scores.tolist()


def test_misreading_moves_one_category() -> None:
    up, down = MILITARY_DIPLOMACY.shifted
    name = MILITARY_DIPLOMACY.names
    # a joint exercise is seen as posturing (up) or as goodwill, HADR (down)
    assert name[up[2]] == "posturing" and name[down[2]] == "hadr"
    assert name[up[4]] == "sanctions" and name[down[4]] == "arms_sale"
    # reflected at both ends: the lowest category cannot be misread lower, the top higher
    assert name[down[0]] == "joint_exercise" and name[up[7]] == "sanctions"
    pd_up, pd_down = prisoners_dilemma_ladder().shifted
    assert pd_up.tolist() == [1, 0] and pd_down.tolist() == [1, 0]


def test_payoffs_make_escalation_a_dilemma() -> None:
    game = Game()
    m = game.matrix
    assert m.shape == (8, 8)
    assert m[2, 5] == MILITARY_DIPLOMACY.actions[2].gain + MILITARY_DIPLOMACY.actions[5].effect
    R, S, T, P = game.dilemma()
    assert (R, S, T, P) == (3.5, -1.5, 5.0, 0.0)
    assert T > R > P > S and 2 * R > T + S
    # mutual engagement beats every mutual escalation; force costs its user
    diag = np.diag(m)
    assert diag[2] > diag[4] > diag[5] > diag[6] > diag[7]


def test_generous_forgiveness_nowak_sigmund_1992() -> None:
    game = Game.prisoners_dilemma(R=3, S=0, T=5, P=1)
    # min(1 - (T - R)/(R - S), (R - P)/(T - P)) = min(1 - 2/3, 2/4) = 1/3
    assert game.generous_forgiveness() == pytest.approx(1 / 3)
    assert Game.prisoners_dilemma(R=3, S=0, T=4, P=1).generous_forgiveness() == pytest.approx(
        min(1 - 1 / 3, 2 / 3))
    # the default ladder's additive dilemma: 1 - 1.5/5 = 3.5/5 = 0.7
    assert Game().generous_forgiveness() == pytest.approx(0.7)


def test_engaging_changes_the_cooperate_rung() -> None:
    dialogue = MILITARY_DIPLOMACY.engaging("dialogue")
    assert dialogue.cooperate == 0 and MILITARY_DIPLOMACY.cooperate == 2
    assert Game(dialogue).dilemma().R == 3.0
    with pytest.raises(ModelInputError, match="engagement: unknown action 'parade'"):
        MILITARY_DIPLOMACY.engaging("parade")
    with pytest.raises(ModelInputError, match="ladder.cooperate: the reference rung must be"):
        MILITARY_DIPLOMACY.engaging("strike")


@pytest.mark.parametrize(("actions", "message"), [
    ((Action("a", "A", "status quo", 0, 0),), "at least two actions"),
    ((Action("a", "A", "status quo", 0, 0), Action("a", "B", "posturing", 0, 0)),
     "duplicate names"),
    ((Action("a", "A", "posturing", 0, 0), Action("b", "B", "status quo", 0, 0)),
     "ordered by escalation score"),
    ((Action("a", "A", "status quo", 0, 0), Action("b", "B", "war", 0, 0)),  # type: ignore[arg-type]
     r"actions\['b'\].category"),
    ((Action("a", "A", "status quo", 0, 0), Action("b", "B", "status quo", 0, 0)),
     "ladder.defect: the reference rung must be escalatory"),
])
def test_bad_ladders_are_refused(actions: tuple[Action, ...], message: str) -> None:
    with pytest.raises(ModelInputError, match=message):
        Ladder(actions)


def test_bad_games_are_refused() -> None:
    with pytest.raises(ModelInputError, match="T > R > P > S"):
        Game.prisoners_dilemma(R=3, S=0, T=2, P=1)
    with pytest.raises(ModelInputError, match="game.payoff: expected a 8x8 matrix"):
        Game(MILITARY_DIPLOMACY, np.zeros((2, 2)))
    with pytest.raises(ModelInputError, match="game.payoff: payoffs must be finite"):
        Game(prisoners_dilemma_ladder(), np.array([[3, np.nan], [5, 1]]))
    not_a_dilemma = Game(prisoners_dilemma_ladder(), np.array([[1.0, 0.0], [0.0, 1.0]]))
    with pytest.raises(ModelInputError, match="do not form a prisoner's dilemma"):
        not_a_dilemma.generous_forgiveness()
