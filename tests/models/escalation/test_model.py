"""EscalationGame: the model contract, strategy assignment, tables and input errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest

import detente.models.escalation as escalation
from detente._errors import ModelInputError
from detente.models import REGISTRY, filtered
from detente.models.escalation import (
    EscalationGame,
    GenerousTitForTat,
    Network,
    TitForTat,
    assign_strategies,
)
from detente.testing import check_model

STRATEGY_COLUMNS = ["strategy", "sides", "cooperation_rate", "cooperation_rate_se",
                    "mutual_cooperation", "mutual_cooperation_se", "mean_escalation",
                    "mean_escalation_se", "payoff_per_round", "spirals_per_100_rounds",
                    "spiral_length", "time_to_deescalation", "unresolved_share", "final_trust"]


def test_contract_and_registry() -> None:
    model = EscalationGame(strategies=["tft", "gtft", "grit", "engage_hedge"], rounds=40,
                           replicates=10)
    result = check_model(model, Network.complete(8, channel=0.2), seed=4)
    assert REGISTRY["EscalationGame"] is EscalationGame
    assert "EscalationGame" in filtered(question="escalation", stochastic=True)
    assert result.table.columns == STRATEGY_COLUMNS
    assert sorted(result.table["strategy"]) == ["engage_hedge", "grit", "gtft", "tft"]
    assert set(result.tables) == {"dyads", "states", "rounds"}
    assert result.tables["dyads"].height == 28 and result.tables["states"].height == 8
    assert result.tables["rounds"].height == 40 * 4
    other = model.run(Network.complete(8, channel=0.2), seed=5)
    assert not other.table.equals(result.table)
    assert result.summary["dyad_rounds"] == 28 * 40 * 10


def test_zero_noise_deterministic_strategies_ignore_the_seed() -> None:
    net = Network.complete(8)
    keys = ["tft", "grit", "hardliner", "wsls", "deterrent", "engage_hedge", "appeaser", "tft"]
    model = EscalationGame(strategies=dict(zip(net.states, keys, strict=True)), noise=0.0,
                           rounds=30, replicates=3)
    a, b = (model.run(net, seed=s) for s in (1, 2))
    assert a.table.equals(b.table) and a.tables["dyads"].equals(b.tables["dyads"])
    # and every replicate of a noiseless deterministic run is the same: standard errors 0
    assert a.table["cooperation_rate_se"].to_list() == pytest.approx([0.0] * 7, abs=1e-12)


def test_mixed_population_is_dealt_evenly() -> None:
    net = Network.complete(10)
    strategies, per_state = assign_strategies(["tft", "gtft", "grit"], net,
                                              np.random.default_rng(0))
    assert strategies == (TitForTat(), GenerousTitForTat(), escalation.GRIT())
    assert sorted(np.bincount(per_state).tolist()) == [3, 3, 4]
    doubled, per_state = assign_strategies(["tft", "tft", "gtft"], net, np.random.default_rng(0))
    assert len(doubled) == 2 and np.bincount(per_state).tolist() == [7, 3]


def test_per_state_assignment() -> None:
    net = Network.complete(["USA", "CHN", "JPN"])
    strategies, per_state = assign_strategies({"USA": "grit", "*": "tft"}, net,
                                              np.random.default_rng(0))
    assert [strategies[i].key for i in per_state] == ["grit", "tft", "tft"]
    result = EscalationGame(strategies={"USA": "grit", "CHN": "hardliner", "JPN": "tft"},
                            rounds=20, replicates=5).run(net, seed=1)
    states = result.tables["states"]
    assert states["strategy"].to_list() == ["grit", "hardliner", "tft"]
    with pytest.raises(ModelInputError, match="strategies: no strategy for JPN"):
        EscalationGame(strategies={"USA": "grit", "CHN": "tft"}).run(net)
    with pytest.raises(ModelInputError, match="strategies: 'RUS' is not a state"):
        EscalationGame(strategies={"RUS": "grit", "*": "tft"}).run(net)


def test_record_gives_a_history_consistent_with_payoffs() -> None:
    game = escalation.Game.prisoners_dilemma()
    result = EscalationGame(strategies={"S0": "appeaser", "S1": "alternator"}, game=game,
                            noise=0.0, rounds=25, replicates=1, record=True).run(2, seed=0)
    history = result.tables["history"]
    assert history.height == 25 * 2
    alt = history.filter(pl.col("state") == "S1").sort("round")["action"].to_list()
    assert alt == [t % 2 for t in range(25)]
    pay = result.tables["states"].sort("state")["payoff_per_round"].to_list()
    assert [p * 25 for p in pay] == pytest.approx([39, 99])
    with pytest.raises(ModelInputError, match="record: rounds x sides x replicates"):
        EscalationGame(record=True, rounds=1000, replicates=1000).run(10)


def test_engagement_rung_changes_misperception() -> None:
    # dialogue is not dual-use: fewer misreadings, fewer spirals than joint exercises
    net = Network.complete(6)
    runs = {e: EscalationGame(strategies="tft", engagement=e, noise=0.05, rounds=60,
                              replicates=30).run(net, seed=3).table.row(0, named=True)
            for e in ("dialogue", "joint_exercise")}
    assert runs["dialogue"]["mutual_cooperation"] > runs["joint_exercise"]["mutual_cooperation"]


def test_write_and_json(tmp_path: Path) -> None:
    result = EscalationGame(strategies=["tft", "gtft"], rounds=10, replicates=2).run(4, seed=1)
    folder = result.write(tmp_path / "run")
    meta = json.loads((folder / "result.json").read_text())
    assert meta["params"]["strategies"] == ["tft", "gtft"] and meta["seed"] == 1
    assert pl.read_parquet(folder / "dyads.parquet").height == 6


@pytest.mark.parametrize(("params", "inputs", "message"), [
    ({"noise": 1.5}, 3, r"EscalationGame\.noise: must be a number in \[0, 1\]"),
    ({"misperception": "blur"}, 3, r"EscalationGame\.mode: must be 'shift' or 'flip'"),
    ({"dual_use_factor": -1}, 3, r"EscalationGame\.dual_use_factor"),
    ({"trust_loss": 2}, 3, r"EscalationGame\.loss_rate"),
    ({"rounds": 0}, 3, "rounds: must be an integer >= 1"),
    ({"replicates": 2.5}, 3, "replicates: must be an integer >= 1"),
    ({"spiral_min": 0}, 3, "spiral_min"),
    ({"power_weight": -1}, 3, "power_weight"),
    ({"reputation": 1.5}, 3, r"reputation: must be a number in \[0, 1\]"),
    ({"strategies": "nice"}, 3, "strategies: unknown strategy 'nice'"),
    ({"strategies": []}, 3, "strategies: give a strategy"),
    ({"strategies": "gtft(generosity=2)"}, 3, "gtft.generosity"),
    ({"engagement": "strike"}, 3, "ladder.cooperate"),
    ({"game": "pd"}, 3, "game: expected a Game"),
    ({}, "USA", "inputs: expected a Network"),
    ({}, 1, "network.states: a network needs at least two states"),
])
def test_bad_input_names_the_field(params: dict, inputs: object, message: str) -> None:
    with pytest.raises(ModelInputError, match=message):
        EscalationGame(**{"rounds": 5, "replicates": 2, **params}).run(inputs, seed=0)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"first": [0, 1], "second": [0, 2]}, "cannot be its own partner"),
    ({"first": [0, 1], "second": [1, 0]}, "each pair of states may appear once"),
    ({"first": [0], "second": [5]}, r"indices must lie in 0\.\.2"),
    ({"first": [0], "second": [1], "channel": 1.5}, r"network.channel: values must lie in"),
    ({"first": [0], "second": [1], "trust_first": [0.1, 0.2]}, "one value per dyad"),
    ({"first": [0], "second": [1], "capability": [1, -1, 0]}, "network.capability"),
])
def test_bad_networks_are_refused(kwargs: dict, message: str) -> None:
    args = {"channel": 0.0, "trust_first": 0.5, "trust_second": 0.5, **kwargs}
    with pytest.raises(ModelInputError, match=message):
        Network(("A", "B", "C"), **args)


def test_exported_members_are_sorted_and_complete() -> None:
    exported = escalation.__all__

    def isort_style(name: str) -> tuple[int, str]:  # CONSTANTS, Classes, functions
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert exported == sorted(exported, key=isort_style)
    public = {name for name in dir(escalation) if not name.startswith("_")}
    modules = {n for n in public if type(getattr(escalation, n)).__name__ == "module"}
    assert set(exported) == public - modules


def test_docstring_examples_run() -> None:
    import doctest

    from detente.models.escalation import _strategies

    for module in (escalation, _strategies):
        failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert tried > 0 and failed == 0, module.__name__
