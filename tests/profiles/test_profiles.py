"""Country and dyad profiles follow the panels' coverage rules on one-unit panels."""

from __future__ import annotations

import pytest

from detente._errors import ActorError
from detente.panels import add_alliances, add_capabilities, create_state_years
from detente.profiles import ProfileError, country_profile, dyad_profile
from detente.store import Store


def test_country_profile_equals_the_full_panel_row_for_row(store: Store) -> None:
    profile = country_profile(store, "FRA", years=(1990, 2000))
    panel = (create_state_years(store, years=(1990, 2000)).pipe(add_capabilities)
             .pipe(add_alliances))
    full = panel.table.filter(panel.table["ccode"].to_numpy() == 220)
    for column in ("year", "cinc", "milex", "atop_defense_n", "atop_anypledge_n"):
        assert profile.years[column].to_pylist() == full[column].to_pylist(), column


def test_states_alive_in_2016_carry_on_to_the_end_of_nmc(store: Store) -> None:
    assert country_profile(store, "IND").span == (1947, 2022)
    assert country_profile(store, "GDR").span == (1954, 1990)


def test_partners_count_years_with_obligations_each_way(store: Store) -> None:
    profile = country_profile(store, "JPN", years=(1960, 1960))
    us = next(r for r in profile.partners.to_pylist() if r["ccode"] == 2)
    assert (us["years_defending"], us["years_defended"]) == (0, 1)


def test_errors_name_the_problem(store: Store) -> None:
    with pytest.raises(ProfileError, match="no year of COW system membership in 1800-1810"):
        country_profile(store, "USA", years=(1800, 1810))
    with pytest.raises(ActorError):
        country_profile(store, "Atlantis")
    with pytest.raises(ProfileError, match="never|no year"):
        dyad_profile(store, "GDR", "SSD")


def test_dyad_years_are_those_both_states_existed(store: Store) -> None:
    profile = dyad_profile(store, "IND", "PAK")
    years = profile.years["year"].to_pylist()
    assert years[0] == 1947 and years[-1] == 2022
    onsets = profile.years.filter(profile.years["gml_midonset"].to_numpy(
        zero_copy_only=False) == 1)
    assert onsets.num_rows > 10
    assert profile.disputes.num_rows >= onsets.num_rows // 2
