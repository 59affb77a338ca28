"""Partner ranking and what-if on hand cases and real data."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from detente._errors import ModelInputError
from detente.models.coalitions import (
    REGIONS,
    CoalitionQuestion,
    LandscapeInputs,
    PartnerRanking,
    build_inputs,
    coalition_profile,
    coalition_whatif,
    energy,
    rank_partners,
    region_members,
)
from detente.store import Store
from detente.testing import check_model

# Made-up: a lead, a big friend who hates the rival, a small friend, and a friend of the rival.
P = np.array([[0, 1, 1, 1, -1],
              [1, 0, 0, -1, -1],
              [1, 0, 0, 0, 0],
              [1, -1, 0, 0, 1],
              [-1, -1, 0, 1, 0]], dtype=float)
HAND = LandscapeInputs(("Lead", "Big", "Small", "Fence", "Rival"),
                       np.array([4.0, 3.0, 1.0, 2.0, 5.0]), P)


def test_ranking_by_hand() -> None:
    table = rank_partners(HAND, "Lead", rival="Rival")
    assert table["actor"].to_list() == ["Big", "Small", "Fence"]
    big = table.row(0, named=True)
    assert big["capability_added"] == 3 and big["capability_ratio_after"] == (4 + 3) / 5
    assert big["cohesion"] == 1 and big["friction"] == 0 and big["toward_rival"] == -1
    fence = table.filter(pl.col("actor") == "Fence").row(0, named=True)
    assert fence["friction"] == 1 and fence["hostile_members"] == 0
    # energy change: Big joining Lead against {Small, Fence, Rival}, ordered convention
    before = energy(HAND, [1, 0, 0, 0, 0])
    assert big["energy_change"] == energy(HAND, [1, 1, 0, 0, 0]) - before
    # capability alone favours Big too; friction alone puts Fence last
    only_friction = rank_partners(HAND, "Lead", rival="Rival",
                                  weights={"capability": 0, "cohesion": 0})
    assert only_friction["actor"].to_list()[-1] == "Fence"


def test_profile_and_whatif_by_hand() -> None:
    profile = coalition_profile(HAND, ["Lead", "Big"], rival="Rival")
    assert profile["capability"] == 7 and profile["capability_ratio"] == 7 / 5
    assert profile["cohesion"] == 1 and profile["weakest_link"] == 1
    assert profile["toward_rival"] == (4 * -1 + 3 * -1) / 7
    whatif = coalition_whatif(HAND, ["Lead", "Big"], add=["Fence"], rival="Rival")
    assert whatif["state"].to_list() == ["before", "after", "change"]
    after = whatif.row(1, named=True)
    # Fence dislikes Big: cohesion falls to (12*1 + 8*1 + 6*(-1)) / (12 + 8 + 6)
    assert after["cohesion"] == pytest.approx(14 / 26) and after["hostile_pairs"] == 1
    change = whatif.row(2, named=True)
    assert change["members"] == ["+Fence"] and change["capability"] == 2
    back = coalition_whatif(HAND, ["Lead", "Big", "Fence"], remove=["Fence"], rival="Rival")
    assert back.row(1, named=True)["energy"] == whatif.row(0, named=True)["energy"]


def test_bad_questions_are_refused() -> None:
    with pytest.raises(ModelInputError, match="rival .* cannot"):
        rank_partners(HAND, "Lead", ["Rival"], rival="Rival")
    with pytest.raises(ModelInputError, match="already in the coalition"):
        rank_partners(HAND, "Lead", ["Big"], candidates=["Big"])
    with pytest.raises(ModelInputError, match="unknown weights"):
        rank_partners(HAND, "Lead", weights={"charm": 1})
    with pytest.raises(ModelInputError, match="already a member"):
        coalition_whatif(HAND, ["Lead", "Big"], add=["Big"])
    with pytest.raises(ModelInputError, match="COW codes"):
        region_members(HAND, "europe")


def test_balancing_russia_in_europe_2000(store: Store) -> None:
    inputs = build_inputs(store, 2000)
    question = CoalitionQuestion(inputs, "USA", ("UKG", "FRN"), rival="RUS", region="europe")
    result = check_model(PartnerRanking(), question)
    table = result.table
    lo, hi = REGIONS["europe"][0]
    assert table["ccode"].is_between(lo, hi).all()
    assert not set(table["actor"]) & {"USA", "UKG", "FRN", "RUS"}
    assert table["actor"][0] == "GMY"                # biggest NATO ally in Europe
    assert (table["score"].diff().drop_nulls() <= 0).all()
    assert table.filter(pl.col("actor") == "GMY")["toward_rival"].item() < 0
    coalition = result.tables["coalition"].row(0, named=True)
    assert coalition["members"] == ["USA", "UKG", "FRN"] and coalition["hostile_pairs"] == 0
    assert result.summary["goal"] == "balance against RUS"
    whatif = coalition_whatif(inputs, ["USA", "UKG", "FRN"], add=["GMY"], rival="RUS")
    gmy = inputs.sizes[inputs.index("GMY")]
    assert whatif.row(2, named=True)["capability"] == pytest.approx(gmy)
    assert whatif.row(2, named=True)["energy"] == pytest.approx(
        table.filter(pl.col("actor") == "GMY")["energy_change"].item())
