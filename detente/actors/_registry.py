"""Actors beyond states: organisations, armed groups, territories, missions, user-registered.

States keep their COW code as their actor id (``"750"`` is India). Everything else has a
stable upper-case string id: international organisations (``NATO``, ``UN``, ``AU``), UN
missions (``MISSION:UNIFIL``), non-state armed groups (``NSAG:UNITA_ANGOLA``), territories
(``TERR:GUM``) and placeholders for a source's unidentified actors (``UNKNOWN:SUPPLIER``).
The shipped, reviewed list is ``registry.csv``; users add their own (NGOs, private military
companies, coalitions) with :func:`register_actors`, kept in the store table
``user_actors``. The store's ``actors`` view unions states, the shipped list and the users'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.csv as pacsv

from detente._errors import ActorError, ImportRejected, Violation

if TYPE_CHECKING:
    import duckdb

    from detente.store._store import Store

REGISTRY_FILE = "registry.csv"
MISSIONS_FILE = "missions.csv"
KINDS = ("state", "igo", "ngo", "pmc", "mission", "nonstate_armed_group", "territory",
         "unrecognised_entity", "group", "unknown")
ACTOR_ID = re.compile(r"[A-Z][A-Z0-9_]*(:[A-Z0-9_]+)?")

USER_ACTORS_DDL = """
CREATE TABLE IF NOT EXISTS user_actors (
    actor_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    parent VARCHAR, description VARCHAR, registered_at TIMESTAMP NOT NULL)
"""

ACTORS_VIEW = """
CREATE OR REPLACE VIEW actors AS
SELECT ccode::VARCHAR AS actor_id, arg_max(name, year) AS name, 'state' AS kind,
       NULL::VARCHAR AS parent, min(year) AS first_year, max(year) AS last_year,
       'COW state system member' AS origin
FROM state_codes GROUP BY ccode
UNION ALL SELECT actor_id, name, kind, parent, NULL, NULL, 'detente registry' FROM actor_registry
UNION ALL SELECT actor_id, name, kind, parent, NULL, NULL, 'user' FROM user_actors
"""


def _csv(name: str) -> pa.Table:
    with files("detente.actors").joinpath(name).open("rb") as fh:
        return pacsv.read_csv(fh, convert_options=pacsv.ConvertOptions(
            strings_can_be_null=True, column_types={"host": pa.string()}))


def load_registry() -> pa.Table:
    """The shipped actors: actor_id, name, kind, parent, description."""
    return _csv(REGISTRY_FILE)


def load_missions() -> pa.Table:
    """UN missions and their host actors (COW code or registered id), one row per host."""
    return _csv(MISSIONS_FILE)


def build_actors(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``actor_registry``, ``mission_hosts``, ``user_actors`` (if absent) and ``actors``."""
    con.register("_registry", load_registry())
    con.execute("CREATE OR REPLACE TABLE actor_registry AS SELECT * FROM _registry")
    con.unregister("_registry")
    con.register("_missions", load_missions())
    con.execute("CREATE OR REPLACE TABLE mission_hosts AS SELECT 'MISSION:' || mission AS "
                "actor_id, mission, host, reason FROM _missions")
    con.unregister("_missions")
    con.execute(USER_ACTORS_DDL)
    con.execute(ACTORS_VIEW)


def register_actors(store: Store, rows: Iterable[Mapping[str, object]], *,
                    file: str = "<actors>") -> int:
    """Register non-state actors (all or nothing); return how many were new.

    Each row needs ``actor_id`` (upper case, e.g. ``NGO:MSF``, ``PMC:WAGNER``), ``name`` and
    ``kind`` (one of :data:`KINDS` other than ``state``), optionally ``parent`` (an existing
    actor id) and ``description``. An id that exists with the same name and kind is left as
    it is, so registering the same file twice adds nothing.

    Raises
    ------
    ImportRejected
        Listing every bad row and column; nothing is written.
    """
    store.require("state_codes")
    known = {r[0]: (r[1], r[2]) for r in store.rows("SELECT actor_id, name, kind FROM actors")}
    problems: list[Violation] = []
    new: list[tuple[object, ...]] = []
    for i, row in enumerate(rows, start=2):
        actor_id = str(row.get("actor_id") or "").strip()
        name = str(row.get("name") or "").strip()
        kind = str(row.get("kind") or "").strip()
        parent = str(row.get("parent") or "").strip() or None
        if not ACTOR_ID.fullmatch(actor_id):
            problems.append(Violation(file, i, "actor_id", "must be upper case letters, digits "
                                      "and _ with at most one ':' (e.g. NGO:MSF)", actor_id))
        if not name:
            problems.append(Violation(file, i, "name", "is required"))
        if kind not in KINDS or kind == "state":
            problems.append(Violation(file, i, "kind", f"must be one of {', '.join(KINDS[1:])}",
                                      kind))
        if parent and parent not in known and parent not in {r[0] for r in new}:
            problems.append(Violation(file, i, "parent", "is not a known actor id", parent))
        if actor_id in known and known[actor_id] != (name, kind):
            problems.append(Violation(file, i, "actor_id", "is already registered as "
                                      f"{known[actor_id][0]!r} ({known[actor_id][1]})", actor_id))
        elif actor_id not in known and actor_id not in {r[0] for r in new}:
            new.append((actor_id, name, kind, parent, str(row.get("description") or "")))
    if problems:
        raise ImportRejected(problems)
    if new and store.read_only:
        raise ActorError("the store is open read-only; open it writable to register actors")
    store.con.execute("BEGIN TRANSACTION")
    try:
        if new:
            store.con.executemany("INSERT INTO user_actors VALUES (?, ?, ?, ?, ?, now())", new)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    return len(new)
