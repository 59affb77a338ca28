"""What-ifs, pivotal actors and Monte Carlo sensitivity on the EC example."""

from __future__ import annotations

import numpy as np
import pytest

from detente._errors import ModelInputError
from detente.models.bargaining import (
    BargainingSensitivity,
    ExpectedUtilityBargaining,
    Issue,
    Scenario,
    compare_scenarios,
    pivotal_actors,
)
from detente.testing import check_model

QUICK = ExpectedUtilityBargaining(max_rounds=30)


def test_scenarios_side_by_side(ec: Issue) -> None:
    scenarios = [
        Scenario("UK surge", capability_factor={"UK": 2.0}),
        Scenario("France-Italy bloc", coalitions=(("France", "Italy"),)),
        Scenario("Denmark walks", remove=("Denmark",)),
        Scenario("Germany softens", position={"Germany": 7.0}, salience={"Germany": 40.0}),
    ]
    comparison = compare_scenarios(ec, scenarios, model=QUICK)
    table = comparison.table
    assert table["scenario"].to_list() == ["baseline", *(s.name for s in scenarios)]
    assert table["median_shift"][0] == 0.0
    assert table.filter(table["scenario"] == "Denmark walks")["actors"][0] == 9
    bloc = comparison.results["France-Italy bloc"]
    assert "France+Italy" in bloc.table["actor"].to_list()
    # pooling keeps the weight France and Italy cast: the first weighted mean is unchanged
    assert table["mean_initial"][2] == pytest.approx(table["mean_initial"][0])
    # doubling the UK's capability moves the settlement towards the UK's 10 years
    assert table["median_final"][1] > table["median_final"][0]
    assert comparison.results["UK surge"].summary["median_final"] == pytest.approx(
        QUICK.run(ec.scale_capability({"UK": 2.0})).summary["median_final"])
    assert scenarios[3].describe() == "salience Germany=40; position Germany=7"


def test_scenario_errors_name_the_actor(ec: Issue) -> None:
    with pytest.raises(ModelInputError, match="no actor named 'Spain'"):
        Scenario("x", capability={"Spain": 0.1}).apply(ec)
    with pytest.raises(ModelInputError, match="unique and not 'baseline'"):
        compare_scenarios(ec, [Scenario("baseline")])


def test_pivotal_actors(ec: Issue) -> None:
    table = pivotal_actors(ec, model=QUICK)
    assert table.height == 10 and table["rank"].to_list() == list(range(1, 11))
    shifts = table["shift_without"].abs().to_list()
    assert shifts == sorted(shifts, reverse=True)
    top = table.row(0, named=True)
    without = QUICK.run(ec.without([top["actor"]])).summary["median_final"]
    assert top["median_without"] == pytest.approx(without)
    assert top["shift_without"] == pytest.approx(without - QUICK.run(ec).summary["median_final"])


def test_sensitivity_is_seeded_and_reports_a_distribution(ec: Issue) -> None:
    model = BargainingSensitivity(draws=12, model_params={"max_rounds": 15})
    result = check_model(model, ec, seed=11)
    assert result.table.height == 12
    other = model.run(ec, seed=12)
    assert not result.table.equals(other.table)
    quantiles = result.tables["quantiles"]
    assert quantiles["forecast"].to_list() == ["median_initial", "mean_initial",
                                               "median_final", "mean_final"]
    q = quantiles.select("q05", "q25", "q50", "q75", "q95").to_numpy()
    assert np.all(np.diff(q, axis=1) >= 0)
    assert 4.0 <= result.summary["median_final_q05"] <= result.summary["median_final_q95"] <= 10.0


def test_zero_noise_reproduces_the_baseline(ec: Issue) -> None:
    model = BargainingSensitivity(draws=3, capability_noise=0, salience_noise=0,
                                  position_noise=0, model_params={"max_rounds": 15})
    result = model.run(ec, seed=1)
    base = ExpectedUtilityBargaining(max_rounds=15).run(ec).summary["median_final"]
    assert result.table["median_final"].to_list() == [base] * 3
    with pytest.raises(ModelInputError, match="draws must be >= 1"):
        BargainingSensitivity(draws=0).run(ec, seed=1)
