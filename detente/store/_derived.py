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
    name: str
    inputs: tuple[str, ...]
    build: Callable[[duckdb.DuckDBPyConnection], None]
    description: str


def _state_codes(con: duckdb.DuckDBPyConnection) -> None:
    from detente.actors._crosswalk import STATE_CODES_SQL, load_overrides

    con.register("crosswalk_overrides", load_overrides())
    con.execute(f"CREATE OR REPLACE TABLE state_codes AS {STATE_CODES_SQL} ORDER BY ccode, year")
    con.unregister("crosswalk_overrides")


DERIVED: tuple[Derived, ...] = (
    Derived(
        "state_codes",
        ("cow_system", "cow_state_spells", "country_code_years"),
        _state_codes,
        "COW state-years with name, ISO3 and Gleditsch-Ward code valid in that year.",
    ),
)


def rebuild(con: duckdb.DuckDBPyConnection, changed: set[str]) -> list[str]:
    """Rebuild the derived tables that depend on ``changed`` tables; return their names."""
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    built = []
    for item in DERIVED:
        stale = bool(changed & set(item.inputs)) or item.name not in present
        if stale and set(item.inputs) <= present | changed:
            item.build(con)
            built.append(item.name)
            present.add(item.name)
    return built
