"""Canonical tables derived from several sources, rebuilt inside the pull's transaction.

A derived table is rebuilt whenever one of its inputs is (re)loaded and all of them exist, so
it never mixes versions; and whenever the project files it is built from (reviewed mapping
tables, the builder's code) change, which the store notices through a fingerprint of those
files recorded in ``derived_builds``. Each entry names its inputs, its files and its builder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
    files: tuple[str, ...] = ()
    """Project files the build reads or runs, relative to the ``detente`` package."""

    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.name.encode())
        for rel in self.files:
            digest.update(rel.encode())
            digest.update((_PACKAGE / rel).read_bytes())
        return digest.hexdigest()[:16]


_PACKAGE = Path(__file__).resolve().parent.parent
BUILDS_DDL = """
CREATE TABLE IF NOT EXISTS derived_builds (
    name        VARCHAR PRIMARY KEY,
    fingerprint VARCHAR NOT NULL,
    built_at    TIMESTAMP NOT NULL -- UTC
)
"""


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
        files=("actors/_crosswalk.py", "actors/crosswalk_overrides.csv"),
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
        files=("engagements/_feeds.py", "engagements/_taxonomy.py", "actors/_names.py",
               "actors/_registry.py", "actors/name_map.csv", "actors/registry.csv",
               "actors/missions.csv"),
    ),
    Derived(
        "un_agreement",
        ("un_votes", "un_roll_calls", "engagements"),
        _un_agreement,
        "UN General Assembly voting agreement for every pair of voting states and year.",
        files=("engagements/_voting.py",),
    ),
)


def _built(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    con.execute(BUILDS_DDL)
    return dict(con.execute("SELECT name, fingerprint FROM derived_builds").fetchall())


def stale(con: duckdb.DuckDBPyConnection, changed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Derived tables to rebuild: an input changed, the table is missing, or its files changed.

    A rebuild cascades to the tables that read it (``un_agreement`` reads ``engagements``).
    """
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    built = _built(con)
    changed = set(changed)
    due = []
    for item in DERIVED:
        outdated = (bool(changed & {*item.inputs, *item.optional}) or item.name not in present
                    or built.get(item.name) != item.fingerprint())
        if outdated and set(item.inputs) <= present | changed:
            due.append(item.name)
            changed.add(item.name)
            present.add(item.name)
    return due


def rebuild(con: duckdb.DuckDBPyConnection, changed: set[str]) -> list[str]:
    """Rebuild the derived tables :func:`stale` names; record their fingerprints."""
    due = stale(con, changed)
    now = datetime.now(UTC).replace(tzinfo=None)
    for item in DERIVED:
        if item.name in due:
            item.build(con)
            con.execute("INSERT OR REPLACE INTO derived_builds VALUES (?, ?, ?)",
                        [item.name, item.fingerprint(), now])
    return due
