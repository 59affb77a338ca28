"""Inputs built from the store: states, sizes and propensity components on real data."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl
import pytest

from detente._errors import ModelInputError
from detente.measures import cinc
from detente.models.coalitions import (
    COMPONENTS,
    Component,
    build_inputs,
    get_component,
    register_component,
    resolve_components,
    states_in_year,
)
from detente.models.coalitions._components import (
    alliances,
    contiguity,
    disputes,
    disputes_cow,
    rivalries,
)
from detente.panels import add_alliances, add_disputes, create_dyad_years
from detente.store import Store

BIG = ["USA", "RUS", "CHN", "UKG", "FRN", "IND", "PAK"]


def test_states_resolve_by_any_name_and_bad_ones_are_listed(store: Store) -> None:
    codes, names = states_in_year(store, 2000, ["USA", 365, "China", "UKG"])
    assert codes.tolist() == [2, 365, 710, 200] and names == ["USA", "RUS", "CHN", "UKG"]
    every, _ = states_in_year(store, 2000)
    assert len(every) == store.rows("SELECT count(*) FROM cow_system WHERE year = 2000")[0][0]
    with pytest.raises(ModelInputError) as caught:
        states_in_year(store, 1950, ["USA", "Narnia", "USA", "Ukraine"])
    text = str(caught.value)
    assert "'Narnia'" in text and "listed twice" in text and "'Ukraine'" in text


def test_built_inputs_carry_sizes_components_and_provenance(store: Store) -> None:
    inputs = build_inputs(store, 2000, BIG)
    assert inputs.actors == tuple(BIG) and inputs.codes == (2, 365, 710, 200, 220, 750, 770)
    shares = cinc(store, years=(2000, 2000))
    want = dict(zip(shares["ccode"].to_pylist(), shares["cinc"].to_pylist(), strict=True))
    assert np.allclose(inputs.sizes, [want[c] for c in inputs.codes])
    # USA-RUS 2000: a shared ATOP obligation that is not a defence pact (+0.5), a GML dispute of
    # hostility 4 in 1996-2000 (-0.8), no rivalry (Russia-United States 1 ends 1989, 2 starts
    # 2007) and contiguity type 2 (-0.8, weight 0.25)
    assert inputs.propensity[0, 1] == pytest.approx(0.5 - 0.8 - 0.25 * 0.8)
    # India-Pakistan: a shared non-defence ATOP obligation +0.5, rivalry -1, disputes up to
    # war (Kargil 1999 at hostility 5 within 1996-2000) -1, land border -0.25
    assert inputs.propensity[5, 6] == pytest.approx(0.5 - 1 - 1 - 0.25)
    assert inputs.year == 2000 and inputs.provenance["size"] == "cinc"
    assert [c["name"] for c in inputs.provenance["components"]] == [
        "alliances", "disputes", "rivalries", "contiguity"]
    assert inputs.data_versions == {"atop": "5.1", "cow_contdir": "3.2", "cow_nmc": "7.0",
                                    "cow_states": "2016", "gml_mid": "2.2.1",
                                    "td_rivalries": "2012"}


def test_alliance_component_matches_the_dyad_year_panel(store: Store) -> None:
    codes, _ = states_in_year(store, 2000)
    matrix = alliances(store, 2000, codes)
    panel = (create_dyad_years(store, years=(2000, 2000), directed=False)
             .pipe(add_alliances).to_polars())
    where = {int(c): i for i, c in enumerate(codes)}
    i = panel["ccode1"].replace_strict(where).to_numpy()
    j = panel["ccode2"].replace_strict(where).to_numpy()
    want = np.where(panel["atop_defense"] == 1, 1.0,
                    np.where(panel["atop_anypledge"] == 1, 0.5, 0.0))
    assert np.array_equal(matrix[i, j], want) and np.array_equal(matrix, matrix.T)
    assert (want > 0).sum() > 1000


@pytest.mark.parametrize(("component", "source", "year"),
                         [(disputes, "gml", 2000), (disputes_cow, "cow", 2014)])
def test_dispute_components_match_five_years_of_the_panel(
        store: Store, component: Callable[..., np.ndarray], source: str, year: int) -> None:
    codes, _ = states_in_year(store, year)
    matrix = component(store, year, codes)
    hostility = f"{source}_hostlev"
    panel = (create_dyad_years(store, years=(year - 4, year), directed=False)
             .pipe(add_disputes, source=source).to_polars()
             .filter(pl.col("ccode1").is_in(codes.tolist())
                     & pl.col("ccode2").is_in(codes.tolist()))
             .group_by("ccode1", "ccode2").agg(pl.col(hostility).max()))
    where = {int(c): i for i, c in enumerate(codes)}
    i = panel["ccode1"].replace_strict(where).to_numpy()
    j = panel["ccode2"].replace_strict(where).to_numpy()
    assert np.array_equal(matrix[i, j], -panel[hostility].to_numpy() / 5)
    assert np.count_nonzero(np.triu(matrix)) == (panel[hostility] > 0).sum() > 20


def test_rivalry_and_contiguity_components(store: Store) -> None:
    codes = np.array([2, 20, 365, 710, 750, 770], dtype=np.int64)
    riv = rivalries(store, 1980, codes)
    assert riv[0, 2] == -1 and riv[4, 5] == -1 and riv[0, 1] == 0      # USA-RUS, IND-PAK
    assert rivalries(store, 2000, codes)[0, 2] == 0                    # the rivalry's gap
    near = contiguity(store, 2000, codes)
    assert near[0, 1] == -1.0                                          # USA-CAN, land
    assert near[0, 2] == pytest.approx(-0.8)                           # USA-RUS, 12 miles
    assert near[4, 5] == -1.0 and near[0, 4] == 0.0                    # IND-PAK; USA-IND none


def test_coverage_weights_and_waiting_components(store: Store) -> None:
    with pytest.raises(ModelInputError, match="does not cover 2015.*--skip-uncovered"):
        build_inputs(store, 2015, ["USA", "RUS"])
    skipped = build_inputs(store, 2015, ["USA", "RUS", "CHN"], outside_coverage="skip")
    assert [s["name"] for s in skipped.provenance["skipped"]] == ["disputes", "rivalries"]
    assert "gml_mid" not in skipped.data_versions
    alliance_only = build_inputs(store, 2000, BIG, components={"alliances": 2.0})
    assert alliance_only.propensity[0, 3] == 2.0                      # USA-UKG defence
    assert [c.name for c in resolve_components({"alliances": 1, "contiguity": 0})] == [
        "alliances"]
    with pytest.raises(ModelInputError, match="unknown propensity component"):
        get_component("trade")
    # NMC reports the Bahamas' military expenditure as 0 in 1974: not a usable size
    with pytest.raises(ModelInputError, match=r"no positive milex in 1974 .*\[31\]"):
        build_inputs(store, 1974, [31, "USA"], size="milex", components=[])


def test_un_voting_and_tie_strength_components(store: Store) -> None:
    inputs = build_inputs(store, 2005, ["USA", "ISR", "CUB", "GBR"],
                          components={"un_voting": 1.0})
    usa, israel, cuba, uk = range(4)  # the order the states were given in
    p = inputs.propensity
    # The US votes most like Israel, then the UK, and least like Cuba in the Assembly.
    assert p[usa, israel] > p[usa, uk] > p[usa, cuba]
    assert p[usa, cuba] == -1.0 and np.abs(p).max() <= 1
    assert "unga_idealpoints" in {t for c in resolve_components({"un_voting": 1}) for t in c.tables}
    ties = build_inputs(store, 2005, ["USA", "GBR", "CUB"], components={"tie_strength": 1.0})
    from detente.measures import tie_strength

    table = tie_strength(store, years=2005).to_pylist()
    measured = {(r["ccode1"], r["ccode2"]): r["tie_strength"] for r in table}
    assert ties.propensity[0, 1] == pytest.approx(measured[(2, 200)])
    assert ties.propensity[0, 2] == pytest.approx(measured[(2, 40)])


def test_a_planner_can_plug_in_a_component(store: Store) -> None:
    """A made-up component (every pair +1) registered and used by name."""

    def everyone(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
        return np.ones((len(codes), len(codes)))

    register_component(Component("everyone", 0.5, everyone, ("cow_system",), "made up"))
    try:
        inputs = build_inputs(store, 2000, ["USA", "RUS"], components=["everyone"])
        assert inputs.propensity[0, 1] == 0.5
        assert inputs.provenance["components"][0]["name"] == "everyone"
    finally:
        COMPONENTS.pop("everyone")
