"""The base units: state-years and dyad-years from state-system membership."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from detente._errors import UnitError
from detente.panels._align import to_numpy
from detente.panels._panel import Panel, SystemName

if TYPE_CHECKING:
    from detente.store._store import Store

_SYSTEM_TABLES = {"cow": "cow_system", "gw": "gw_state_spells"}


def _membership(store: Store, system: SystemName) -> tuple[str, tuple[int, int]]:
    """SQL giving (code, year) for every member-year, and the years membership covers."""
    if system not in _SYSTEM_TABLES:
        raise UnitError(f"system must be 'cow' or 'gw', not {system!r}")
    table = _SYSTEM_TABLES[system]
    store.require(table)
    if system == "cow":
        sql = "SELECT ccode AS code, year FROM cow_system"
    else:
        sql = ("SELECT DISTINCT gwcode AS code, "
               "unnest(range(year(startdate), year(enddate) + 1))::INTEGER AS year "
               "FROM gw_state_spells")
    return sql, store.coverage(table)


def _resolve_years(years: tuple[int | None, int | None] | range | None,
                   covered: tuple[int, int], extend_to: int | None) -> tuple[int, int]:
    last = max(covered[1], extend_to or covered[1])
    if years is None:
        return covered[0], last
    lo, hi = (years.start, years.stop - 1) if isinstance(years, range) else years
    lo = covered[0] if lo is None else lo
    hi = last if hi is None else hi
    if lo > hi:
        raise UnitError(f"years run backwards: {lo} > {hi}")
    return max(lo, covered[0]), min(hi, last)


def _state_years(store: Store, system: SystemName,
                 years: tuple[int | None, int | None] | range | None,
                 extend_to: int | None) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Sorted (year, code) arrays of member-years, and the resolved span."""
    members, covered = _membership(store, system)
    span = _resolve_years(years, covered, extend_to)
    sql = members
    if extend_to is not None and extend_to > covered[1]:
        # peacesciencer's `mry`: states alive in the last year of the data carry on.
        sql += (f" UNION ALL SELECT code, unnest(range({covered[1] + 1}, {extend_to + 1}))::INTEGER "
                f"FROM ({members}) WHERE year = {covered[1]}")
    rows = store.arrow(f"SELECT year, code FROM ({sql}) WHERE year BETWEEN {span[0]} AND "
                       f"{span[1]} ORDER BY year, code")
    return to_numpy(rows["year"]), to_numpy(rows["code"]), span


def create_state_years(
    store: Store,
    *,
    system: SystemName = "cow",
    years: tuple[int | None, int | None] | range | None = None,
    extend_to: int | None = None,
) -> Panel:
    """Every state-year of system membership.

    Parameters
    ----------
    store
        An open :class:`~detente.store.Store` with ``cow_states`` (or ``gw_states``) pulled.
    system
        ``"cow"`` (Correlates of War State System Membership v2016, 1816-2016) or ``"gw"``
        (Gleditsch and Ward 1999, 2017 update, 1816-2017).
    years
        ``(first, last)`` inclusive (None leaves an end open), or a ``range``; clipped to
        the membership data.
    extend_to
        Carry states that are members in the data's last year forward to this year
        (peacesciencer's ``mry = TRUE``). Without it membership ends with the data (2016 for
        COW): a state alive in 2016 is censored there, not dead.

    Returns
    -------
    Panel
        Columns ``ccode, year`` (or ``gwcode, year``), unit ``state_year``, sorted by year
        then code.
    """
    year, code, span = _state_years(store, system, years, extend_to)
    name = "ccode" if system == "cow" else "gwcode"
    table = pa.table({name: pa.array(code, pa.int32()), "year": pa.array(year, pa.int32())})
    return Panel(store, table, "state_year", system, None, span, (_SYSTEM_TABLES[system],))


@cache
def _pairs(n: int, directed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) among n states in sorted order: i != j (directed) or i < j."""
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    keep = (i != j) if directed else (i < j)
    return i[keep], j[keep]


def create_dyad_years(
    store: Store,
    *,
    system: SystemName = "cow",
    years: tuple[int | None, int | None] | range | None = None,
    directed: bool = True,
    extend_to: int | None = None,
) -> Panel:
    """Every dyad-year in which both states are system members.

    Directed panels hold both (A, B) and (B, A), n(n-1) rows in a year with n members;
    non-directed panels hold one row per pair with ``ccode1 < ccode2``, n(n-1)/2 rows. Rows
    are sorted by year, ``ccode1``, ``ccode2``. ``years`` and ``extend_to`` are as in
    :func:`create_state_years`.

    Example: Germany (255) and France (220) have no dyad in 1946-1989, when COW has no state
    255 (West Germany is 260).
    """
    year, code, span = _state_years(store, system, years, extend_to)
    starts = np.flatnonzero(np.r_[True, year[1:] != year[:-1]]) if year.size else np.empty(0, int)
    bounds = np.r_[starts, year.size]
    first, second, years_out = [], [], []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):  # one step per year
        i, j = _pairs(int(hi - lo), directed)
        first.append(code[lo + i])
        second.append(code[lo + j])
        years_out.append(np.full(i.size, year[lo]))
    def cat(parts: list[np.ndarray]) -> pa.Array:
        return pa.array(np.concatenate(parts) if parts else np.empty(0, int), pa.int32())
    name = "ccode" if system == "cow" else "gwcode"
    table = pa.table({f"{name}1": cat(first), f"{name}2": cat(second), "year": cat(years_out)})
    return Panel(store, table, "dyad_year", system, directed, span, (_SYSTEM_TABLES[system],))
