"""The year-aware crosswalk and name resolution (countrycode's known variants as test data)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from detente._errors import ActorError
from detente.actors import convert_codes, resolve_actor, search_actors
from detente.store import Store


@pytest.mark.parametrize(
    ("query", "ccode"),
    [(750, 750), ("750", 750), ("IND", 750), ("India", 750), ("india", 750),
     ("United States of America", 2), ("USA", 2), ("United States", 2),
     ("Republic of Korea", 732), ("South Korea", 732), ("KOR", 732),
     ("Russian Federation", 365), ("Russia", 365), ("UKG", 200), ("GBR", 200),
     ("United Kingdom", 200), ("Viet Nam", 816), ("Côte d'Ivoire", 437)],
)
def test_known_name_variants(store: Store, query: object, ccode: int) -> None:
    assert resolve_actor(store, query).ccode == ccode  # type: ignore[arg-type]


def test_year_disambiguates_reused_codes(store: Store) -> None:
    assert resolve_actor(store, "DEU", year=1980).ccode == 260
    assert resolve_actor(store, "DEU", year=2000).ccode == 255
    assert resolve_actor(store, "DEU").ccode == 255  # without a year: the state that exists latest
    assert resolve_actor(store, "KOR").ccode == 732
    assert resolve_actor(store, "KOR", year=1900).ccode == 730


def test_unknown_actor_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ActorError, match="no state matches 'Atlantis'"):
        resolve_actor(store, "Atlantis")


def test_crosswalk_overrides(store: Store) -> None:
    rows = dict(((c, y), iso) for c, y, iso in store.rows(
        "SELECT ccode, year, iso3 FROM state_codes WHERE ccode IN (265, 315, 345, 347, 680)"))
    assert rows[(265, 1980)] == "DDR" and rows[(315, 1980)] == "CSK"
    assert rows[(345, 1980)] == "YUG" and rows[(345, 2000)] == "SCG" and rows[(345, 2010)] == "SRB"
    assert rows[(347, 2010)] == "XKX" and rows[(680, 1980)] == "YMD"
    # Every COW state-year since 1945 has an ISO3 except the Republic of Vietnam and Zanzibar.
    missing = store.rows("SELECT DISTINCT ccode FROM state_codes WHERE year >= 1945 AND iso3 IS NULL")
    assert sorted(r[0] for r in missing) == [511, 817]


def test_convert_codes_is_year_aware(store: Store) -> None:
    codes = pa.table({"code": [255, 260, 255], "year": [1938, 1980, 2000]})
    out = convert_codes(store, codes, origin="ccode", destination="gwcode")
    assert out["gwcode"].to_pylist() == [255, 260, 260]
    iso = convert_codes(store, codes, origin="ccode", destination="iso3")
    assert iso["iso3"].to_pylist() == ["DEU", "DEU", "DEU"]


def test_search(store: Store) -> None:
    names = [a.name for a in search_actors(store, "korea")]
    assert "North Korea" in names and "South Korea" in names
