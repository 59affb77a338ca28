"""Find actors by COW code, ISO3, COW abbreviation or name, and convert between code systems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from detente._errors import ActorError

if TYPE_CHECKING:
    from detente.store._store import Store


@dataclass(frozen=True)
class Actor:
    """A state in the COW system: its code, names, ISO3 and years of membership."""

    ccode: int
    stateabb: str
    name: str
    iso3: str | None
    first_year: int
    last_year: int


_ACTORS_SQL = """
SELECT ccode, arg_max(stateabb, year) AS stateabb, arg_max(name, year) AS name,
       arg_max(iso3, year) FILTER (WHERE iso3 IS NOT NULL) AS iso3,
       min(year) AS first_year, max(year) AS last_year
FROM state_codes {where} GROUP BY ccode ORDER BY ccode
"""


def _actors(store: Store, where: str = "", params: list[object] | None = None) -> list[Actor]:
    store.require("state_codes")
    rows = store.rows(_ACTORS_SQL.format(where=where), params)
    return [Actor(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5])) for r in rows]


def resolve_actor(store: Store, query: str | int, *, year: int | None = None) -> Actor:
    """The one state ``query`` names: a COW code, ISO3, COW abbreviation or an English name.

    Names are matched exactly (case-insensitive) against COW's and countrycode's names first,
    then against countrycode's regular expressions. ``year`` disambiguates codes reused over
    time (ISO3 ``DEU`` is COW 260 in 1980 and 255 in 2000); without a year, a code or name
    shared by several states means the one that exists latest (``KOR`` is South Korea, 732,
    not the Korea of 1887-1905, 730).

    Raises
    ------
    ActorError
        When nothing matches, or several states do; the message lists the candidates.
    """
    text = str(query).strip()
    year_clause = " AND year = ?" if year is not None else ""
    extra: list[object] = [year] if year is not None else []
    if re.fullmatch(r"\d{1,4}", text):
        found = _actors(store, "WHERE ccode = ?" + year_clause, [int(text), *extra])
        return _one(found, text)
    if re.fullmatch(r"[A-Za-z]{3}", text):
        for column in ("iso3", "stateabb"):
            found = _actors(store, f"WHERE upper({column}) = upper(?)" + year_clause,
                            [text, *extra])
            if found:
                return _one(found, text)
    found = _by_name(store, text, year)
    return _one(found, text)


def _by_name(store: Store, text: str, year: int | None) -> list[Actor]:
    year_clause = " AND year = ?" if year is not None else ""
    extra: list[object] = [year] if year is not None else []
    exact = _actors(store, "WHERE lower(name) = lower(?)" + year_clause, [text, *extra])
    if exact:
        return exact
    codes = [(c,) for c in name_to_ccodes(store, text)]
    if not codes:
        return []
    marks = ", ".join("?" for _ in codes)
    return _actors(store, f"WHERE ccode IN ({marks})" + year_clause,
                   [int(c[0]) for c in codes] + extra)


def name_to_ccodes(store: Store, text: str) -> list[int]:
    """COW codes whose countrycode name, COW name or regular expression matches ``text``.

    countrycode's patterns use look-ahead (PCRE), which DuckDB's RE2 engine lacks, so they are
    matched with Python's ``re`` over the ~300 rows of the code list.
    """
    store.require("country_codes")
    rows = store.rows("SELECT cown, name, cow_name, name_regex FROM country_codes "
                      "WHERE cown IS NOT NULL")
    lowered = text.strip().lower()
    exact = {int(c) for c, name, cow, _ in rows
             if lowered in (str(name).lower(), str(cow).lower())}
    if exact:
        return sorted(exact)
    return sorted({int(c) for c, _, _, rx in rows if rx and re.search(rx, lowered)})


def _one(found: list[Actor], text: str) -> Actor:
    if len(found) == 1:
        return found[0]
    if found:
        latest = max(a.last_year for a in found)
        current = [a for a in found if a.last_year == latest]
        if len(current) == 1:
            return current[0]
    if not found:
        raise ActorError(f"no state matches {text!r} (try a COW code, an ISO3 code or a name)")
    names = "; ".join(f"{a.ccode} {a.name} ({a.first_year}-{a.last_year})" for a in found)
    raise ActorError(f"{text!r} matches several states: {names}. Give the COW code or a year.")


def search_actors(store: Store, text: str, *, limit: int = 20) -> list[Actor]:
    """States whose name, abbreviation or ISO3 contains ``text`` (case-insensitive)."""
    pattern = f"%{text.strip()}%"
    found = _actors(
        store,
        "WHERE name ILIKE ? OR stateabb ILIKE ? OR iso3 ILIKE ? OR CAST(ccode AS VARCHAR) = ?",
        [pattern, pattern, pattern, text.strip()],
    )
    return found[:limit]


def convert_codes(store: Store, codes: pa.Table, *, origin: str, destination: str) -> pa.Table:
    """Add a ``destination`` column to ``codes`` (columns ``code`` and ``year``), year-aware.

    ``origin`` and ``destination`` are each one of ``ccode``, ``iso3``, ``gwcode``. Codes that
    have no counterpart in that year get a null; the caller decides whether that is an error.
    """
    allowed = {"ccode", "iso3", "gwcode"}
    if origin not in allowed or destination not in allowed:
        raise ActorError(f"code systems are {sorted(allowed)}; got {origin!r} -> {destination!r}")
    store.require("state_codes")
    rel = store.con.from_arrow(codes)
    return store.con.sql(
        f"SELECT c.*, s.{destination} AS {destination}_out FROM rel c LEFT JOIN state_codes s "
        f"ON s.{origin} = c.code AND s.year = c.year"
    ).to_arrow_table().rename_columns([*codes.column_names, destination])


REGION_FIELDS = ("region", "continent", "un_region", "un_subregion")


def regions(store: Store) -> list[str]:
    """Every region name :func:`states_in_region` knows, sorted."""
    store.require("country_codes")
    return sorted({r[0] for f in REGION_FIELDS for r in store.rows(
        f"SELECT DISTINCT {f} FROM country_codes WHERE {f} IS NOT NULL")})


def states_in_region(store: Store, region: str, *, year: int | None = None) -> list[int]:
    """COW codes of states in ``region``: a World Bank region ("East Asia & Pacific"), a
    continent ("Africa"), or a UN region or sub-region ("South-eastern Asia"), as countrycode
    codes them; case-insensitive. ``year`` keeps only states that are members that year.

    Raises
    ------
    ActorError
        When no region of that name exists; the message lists the known regions.
    """
    store.require("country_codes")
    fields = " OR ".join(f"lower({f}) = lower(?)" for f in REGION_FIELDS)
    codes = [int(r[0]) for r in store.rows(
        f"SELECT DISTINCT cown FROM country_codes WHERE cown IS NOT NULL AND ({fields})",
        [region] * len(REGION_FIELDS))]
    if not codes:
        raise ActorError(f"unknown region {region!r}; known regions: "
                         f"{', '.join(regions(store))}")
    if year is not None:
        alive = {int(r[0]) for r in store.rows(
            "SELECT ccode FROM state_codes WHERE year = ?", [year])}
        codes = [c for c in codes if c in alive]
    return sorted(codes)
