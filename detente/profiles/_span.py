"""The years a state (or a pair) can be profiled over, and one-unit panels for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from detente._errors import DetenteError
from detente.measures import get_measure, measure_coverage
from detente.panels import Panel
from detente.store import Store

if TYPE_CHECKING:
    from detente.actors import Actor


class ProfileError(DetenteError):
    """A profile was asked for years in which the state (or dyad) did not exist."""


def member_years(store: Store, ccode: int) -> np.ndarray:
    """Years ``ccode`` is a COW system member, carried past 2016 (the end of COW membership)
    to the end of CINC coverage when the state is a member in 2016 (peacesciencer's ``mry``)."""
    store.require("cow_system")
    rows = store.rows("SELECT year FROM cow_system WHERE ccode = ? ORDER BY year", [ccode])
    years = np.array([r[0] for r in rows], dtype=np.int64)
    last_member = store.coverage("cow_system")[1]
    last_data = measure_coverage(store, get_measure("cinc"))[1]
    if years.size and years[-1] == last_member and last_data > last_member:
        years = np.concatenate([years, np.arange(last_member + 1, last_data + 1)])
    return years


YearBounds = tuple[int | None, int | None]
"""``(first, last)`` inclusive; None leaves that end open."""


def clip(years: np.ndarray, span: YearBounds | None, what: str) -> np.ndarray:
    """``years`` within ``span``; :class:`ProfileError` if none remain."""
    lo, hi = span if span is not None else (None, None)
    if lo is not None and hi is not None and lo > hi:
        raise ProfileError(f"years run backwards: {lo} > {hi}")
    if lo is not None:
        years = years[years >= lo]
    if hi is not None:
        years = years[years <= hi]
    if years.size == 0:
        where = "" if span is None else (
            f" in {lo if lo is not None else '...'}-{hi if hi is not None else '...'}")
        raise ProfileError(f"{what} has no year of COW system membership{where}")
    return years


def pair_years(store: Store, first: str | int, second: str | int,
               years: YearBounds | None) -> tuple[Actor, Actor, np.ndarray]:
    """The two states ``first`` and ``second`` name and the years (within ``years``) both
    were members; :class:`ProfileError` for one state twice or a pair that never coexisted."""
    from detente.actors import resolve_actor

    a, b = resolve_actor(store, first), resolve_actor(store, second)
    if a.ccode == b.ccode:
        raise ProfileError(f"a dyad needs two different states; both name {a.name} ({a.ccode})")
    both = np.intersect1d(member_years(store, a.ccode), member_years(store, b.ccode))
    return a, b, clip(both, years, f"the dyad {a.name} - {b.name}")


def state_panel(store: Store, ccode: int, years: np.ndarray) -> Panel:
    """A COW state-year panel holding one state's years."""
    table = pa.table({"ccode": pa.array(np.full(years.size, ccode), pa.int32()),
                      "year": pa.array(years, pa.int32())})
    return Panel(store, table, "state_year", "cow", None, (int(years[0]), int(years[-1])),
                 ("cow_system",))


def dyad_panel(store: Store, a: int, b: int, years: np.ndarray) -> Panel:
    """A directed COW dyad-year panel holding (a, b) in ``years`` (one direction)."""
    n = years.size
    table = pa.table({"ccode1": pa.array(np.full(n, a), pa.int32()),
                      "ccode2": pa.array(np.full(n, b), pa.int32()),
                      "year": pa.array(years, pa.int32())})
    return Panel(store, table, "dyad_year", "cow", True, (int(years[0]), int(years[-1])),
                 ("cow_system",))
