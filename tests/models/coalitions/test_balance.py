"""Structural balance: frustration index by hand, exact against brute force, real years."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente._errors import ModelInputError
from detente.models.coalitions import (
    SignedNetwork,
    StructuralBalance,
    frustration_index,
    signed_network,
    signed_networks,
)
from detente.store import Store
from detente.testing import check_model


def _net(signs: list[list[int]]) -> SignedNetwork:
    return SignedNetwork(tuple("ABCDEFGHIJ"[: len(signs)]), np.array(signs))


def test_hand_cases() -> None:
    # made-up: a balanced square (two friends against two friends) breaks nothing
    square = _net([[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]])
    found = frustration_index(square, method="exact")
    assert (found.frustration, found.optimal, found.balance_index) == (0, True, 1.0)
    assert found.labels.tolist() == [0, 0, 1, 1] and found.frustrated_ties().height == 0
    # three mutual enemies: any split keeps two of them together
    enemies = _net([[0, -1, -1], [-1, 0, -1], [-1, -1, 0]])
    for method in ("exact", "heuristic", "auto"):
        assert frustration_index(enemies, method=method, seed=0).frustration == 1
    # a tree is always balanced (every state is peeled off), whatever its signs
    tree = _net([[0, -1, 0, 0, 0], [-1, 0, 1, -1, 0], [0, 1, 0, 0, 0], [0, -1, 0, 0, -1],
                 [0, 0, 0, -1, 0]])
    assert frustration_index(tree, method="exact").frustration == 0
    with pytest.raises(ModelInputError, match="symmetric"):
        _net([[0, 1], [-1, 0]])
    with pytest.raises(ModelInputError, match="method"):
        frustration_index(tree, method="best")  # type: ignore[arg-type]


@st.composite
def signed(draw: st.DrawFn) -> SignedNetwork:
    """Made-up signed networks of up to 9 states, a third of pairs without a tie."""
    n = draw(st.integers(2, 9))
    upper = draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=n * (n - 1) // 2,
                          max_size=n * (n - 1) // 2))
    s = np.zeros((n, n), dtype=int)
    s[np.triu_indices(n, 1)] = upper
    return SignedNetwork(tuple(f"s{i}" for i in range(n)), s + s.T)


@settings(max_examples=80, deadline=None)
@given(signed(), st.integers(0, 1000))
def test_exact_equals_brute_force_and_heuristic_is_never_better(net: SignedNetwork,
                                                                 seed: int) -> None:
    best = min(net.frustration(np.array((0, *c)))
               for c in itertools.product((0, 1), repeat=net.n - 1))
    exact = frustration_index(net, method="exact")
    assert exact.frustration == exact.lower_bound == best and exact.optimal
    assert exact.frustrated_ties().height == best
    heuristic = frustration_index(net, method="heuristic", seed=seed, starts=16)
    assert heuristic.frustration >= best
    assert heuristic.optimal == (heuristic.frustration == 0 or heuristic.method == "peeled")
    assert net.frustration(heuristic.labels) == heuristic.frustration
    assert frustration_index(net, seed=seed, starts=16).frustration == best


def test_signed_network_of_a_real_year(store: Store) -> None:
    net = signed_network(store, 1962, ["USA", "UKG", "FRN", "RUS", "CUB", "CHN", "IND"])
    s = dict(zip(net.actors, range(net.n), strict=True))
    assert net.signs[s["USA"], s["UKG"]] == 1                          # NATO
    assert net.signs[s["USA"], s["CUB"]] == -1                         # rivalry, disputes
    assert net.signs[s["CHN"], s["IND"]] == -1                         # the 1962 war
    assert net.data_versions == {"atop": "5.1", "cow_states": "2016", "gml_mid": "2.2.1",
                                 "td_rivalries": "2012"}
    found = frustration_index(net, method="exact")
    blocs = {a: int(b) for a, b in zip(net.actors, found.labels, strict=True)}
    assert blocs["USA"] == blocs["UKG"] == blocs["FRN"] != blocs["RUS"] == blocs["CUB"]


def test_structural_balance_over_years(store: Store) -> None:
    networks = signed_networks(store, [1960, 1961, 1962])
    result = check_model(StructuralBalance(starts=256), networks)
    table = result.table
    assert table["year"].to_list() == [1960, 1961, 1962]
    assert table["optimal"].all() and (table["frustration"] == table["lower_bound"]).all()
    assert table["change"].to_list()[1:] == (table["frustration"].diff().to_list()[1:])
    assert (table["positive"] + table["negative"] == table["ties"]).all()
    assert table["balance_index"].to_list() == pytest.approx(
        (1 - 2 * table["frustration"] / table["ties"]).to_list())
    ties = result.tables["frustrated_ties"]
    assert ties.group_by("year").len().sort("year")["len"].to_list() == table[
        "frustration"].to_list()
    blocs = result.tables["blocs"].filter(pl.col("year") == 1962)
    assert blocs.height == table.filter(pl.col("year") == 1962)["states"].item()
    assert set(result.data_versions) == {"atop", "cow_states", "gml_mid", "td_rivalries"}
    with pytest.raises(ModelInputError, match="SignedNetwork"):
        StructuralBalance().run([], seed=1)


def test_a_solver_stopped_by_its_time_limit_reports_a_bound(store: Store,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """Stand in for HiGHS hitting its time limit: it returns an incumbent (or none) with
    status 1 and a dual bound below it, as scipy's milp does."""
    from scipy.optimize import OptimizeResult

    import detente.models.coalitions._balance as balance

    real = balance.milp
    net = signed_network(store, 1962)
    exact = frustration_index(net, method="exact")

    def stopped(*args: object, **kwargs: object) -> OptimizeResult:
        res = real(*args, **kwargs)
        return OptimizeResult(x=res.x, status=1, fun=res.fun, mip_dual_bound=res.fun - 2)

    monkeypatch.setattr(balance, "milp", stopped)
    found = frustration_index(net, method="auto", seed=1)
    assert not found.optimal and found.frustration == exact.frustration
    assert found.lower_bound == exact.frustration - 2 * _components_with_ties(net)

    def nothing(*args: object, **kwargs: object) -> OptimizeResult:
        return OptimizeResult(x=None, status=1, fun=None, mip_dual_bound=0.0)

    monkeypatch.setattr(balance, "milp", nothing)
    with pytest.raises(ModelInputError, match="no split within"):
        frustration_index(net, method="exact")
    fallback = frustration_index(net, method="auto", seed=1)
    assert fallback.method == "heuristic+exact" and not fallback.optimal
    assert fallback.frustration >= exact.frustration and fallback.lower_bound == 0


def _components_with_ties(net: SignedNetwork) -> int:
    """Connected components of the peeled tie graph that have ties (each is solved apart)."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    from detente.models.coalitions._balance import _peel

    core, _ = _peel(net.signs)
    sub = net.signs[np.ix_(core, core)] != 0
    count, labels = connected_components(csr_array(sub), directed=False)
    return int(sum(np.sum(labels == c) > 1 for c in range(count)))
