"""Canonical tables derived from several sources, rebuilt inside the pull's transaction.

A derived table is rebuilt whenever one of its inputs is (re)loaded and all of them exist, so
it never mixes versions. Each entry names its inputs and the SQL that builds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Derived:
    """``inputs`` must all be present; ``optional`` ones are used when present, and a change
    to either kind rebuilds the table."""

    name: str
    inputs: tuple[str, ...]
    build: Callable[[duckdb.DuckDBPyConnection], None]
    description: str
    optional: tuple[str, ...] = ()


def _state_codes(con: duckdb.DuckDBPyConnection) -> None:
    from detente.actors._crosswalk import STATE_CODES_SQL, load_overrides

    con.register("crosswalk_overrides", load_overrides())
    con.execute(f"CREATE OR REPLACE TABLE state_codes AS {STATE_CODES_SQL} ORDER BY ccode, year")
    con.unregister("crosswalk_overrides")


def _engagements(con: duckdb.DuckDBPyConnection) -> None:
    from detente.engagements._feeds import build_engagements

    build_engagements(con)


def _un_agreement(con: duckdb.DuckDBPyConnection) -> None:
    from detente.engagements._voting import build_un_agreement

    build_un_agreement(con)


DERIVED: tuple[Derived, ...] = (
    Derived(
        "state_codes",
        ("cow_system", "cow_state_spells", "country_code_years"),
        _state_codes,
        "COW state-years with name, ISO3 and Gleditsch-Ward code valid in that year.",
    ),
    Derived(
        "engagements",
        ("state_codes", "country_codes", "cow_system"),
        _engagements,
        "Every open source's engagements in one table (plus actors, name_map, the "
        "user_engagements table and the all_engagements view).",
        optional=("sipri_tiv", "un_pko_contributions", "mme_exercises", "jme_exercises",
                  "atop_dyad_years", "us_troops", "us_bases", "us_construction", "us_visits",
                  "cow_igo_dyad_years", "un_votes"),
    ),
    Derived(
        "un_agreement",
        ("un_votes", "un_roll_calls", "engagements"),
        _un_agreement,
        "UN General Assembly voting agreement for every pair of voting states and year.",
    ),
)


def rebuild(con: duckdb.DuckDBPyConnection, changed: set[str]) -> list[str]:
    """Rebuild the derived tables that depend on ``changed`` tables; return their names."""
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    built = []
    for item in DERIVED:
        stale = bool(changed & {*item.inputs, *item.optional}) or item.name not in present
        if stale and set(item.inputs) <= present | changed:
            item.build(con)
            built.append(item.name)
            present.add(item.name)
    return built
