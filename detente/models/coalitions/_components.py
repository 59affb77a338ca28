"""Propensity components: documented, weighted pieces of ``p_ij`` read from the store.

A **component** is a function ``(store, year, codes) -> matrix``: for the states ``codes`` (COW)
in ``year`` it returns a symmetric ``n x n`` matrix of values in ``[-1, 1]`` with a zero
diagonal, signed by what the component means (shared alliances attract, disputes repel). Its
**weight** is data, kept beside it, and the propensity of a pair is the weighted sum

    ``p_ij = sum_k w_k C_k(i, j)``

so a planner can change a weight, drop a component or add one of their own
(:func:`register_component`) without touching the code. The same components, with signs only,
make the signed network of :mod:`~detente.models.coalitions._balance`.

Components shipped here (the defaults), each computed in DuckDB:

======================  ======  ================================================================
name                    weight  value of a pair in ``year``
======================  ======  ================================================================
``alliances``           1.0     ATOP 5.1: 1 if either state is pledged to defend the other,
                                0.5 if they share only another obligation (offence, neutrality,
                                non-aggression, consultation), else 0 [1]
``disputes``            1.0     GML MID 2.2.1: ``-h / 5`` where ``h`` is the highest hostility
                                level (1-5) of a dispute between them in ``year - 4 .. year``,
                                else 0 [2]
``rivalries``           1.0     Thompson-Dreyer: -1 while a strategic rivalry is ongoing [3]
``contiguity``          0.25    COW Direct Contiguity 3.2: proximity friction, ``-(6 - t) / 5``
                                for the closest contiguity type ``t`` (1 land ... 5 400 miles of
                                water) in force during the year, else 0 [4]
======================  ======  ================================================================

Also registered, not in the defaults:

- ``disputes_cow``, the same as ``disputes`` from COW MID 5.0 (Palmer et al. 2022), which runs
  to 2014 where GML stops at 2010 (use it instead of ``disputes``, not with it, or disputes
  count twice);
- ``un_voting`` (weight 1): ``1 - 2 |x_i - x_j| / range``, with ``x`` the states' UN General
  Assembly ideal points (Bailey, Strezhnev and Voeten 2017, full-period estimates) and
  ``range`` the spread among the states compared that year: the closest pair +1, the most
  distant -1, 0 where either state cast no votes [5];
- ``tie_strength`` (weight 1): :func:`detente.measures.tie_strength`, the measured strength of
  the relationship in [0, 1] (alliance, arms, exercises, peacekeeping, IGOs, UN voting). It
  already contains alliances and UN voting: use it *instead of* ``alliances`` and
  ``un_voting``, not with them, or those ties count twice.

References
----------
1. Leeds, B. A., Ritter, J. M., Mitchell, S. M. and Long, A. G. (2002). "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-260.
2. Gibler, D. M., Miller, S. V. and Little, E. K. (2016). "An Analysis of the Militarized
   Interstate Dispute (MID) Dataset, 1816-2001." *International Studies Quarterly* 60(4).
3. Thompson, W. R. and Dreyer, D. R. (2012). *Handbook of International Rivalries,
   1494-2010*. CQ Press.
4. Stinnett, D. M. et al. (2002). "The Correlates of War Project Direct Contiguity Data,
   Version 3." *Conflict Management and Peace Science* 19(2): 59-67.
5. Bailey, M. A., Strezhnev, A. and Voeten, E. (2017). "Estimating Dynamic State Preferences
   from United Nations Voting Data." *Journal of Conflict Resolution* 61(2): 430-456.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from detente._errors import ModelInputError
from detente.panels._align import to_numpy

if TYPE_CHECKING:
    from detente.store._store import Store

ComponentFunction = Callable[["Store", int, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Component:
    """A weighted, documented piece of the propensity matrix.

    Fields:

    name
        Short id (``alliances``).
    weight
        ``w_k`` in ``p_ij = sum_k w_k C_k(i, j)``.
    build
        ``(store, year, codes) -> n x n`` symmetric matrix in ``[-1, 1]``, zero diagonal.
    tables
        Store tables it reads (their sources are recorded in the inputs' data versions).
    description
        What a value means, in one sentence.
    covers
        Tables whose coverage must include the year; ``None`` means all of ``tables``. A
        component that handles partial coverage itself (``tie_strength``) names fewer.
    """

    name: str
    weight: float
    build: ComponentFunction = field(compare=False, repr=False)
    tables: tuple[str, ...]
    description: str
    covers: tuple[str, ...] | None = None

    @property
    def coverage_tables(self) -> tuple[str, ...]:
        return self.tables if self.covers is None else self.covers

    def with_weight(self, weight: float) -> Component:
        return replace(self, weight=float(weight))


COMPONENTS: dict[str, Component] = {}
"""Registered components by name; the defaults are registered on import."""

DEFAULTS: tuple[str, ...] = ("alliances", "disputes", "rivalries", "contiguity")


def register_component(component: Component) -> Component:
    """Add (or replace) a component under its name; returns it."""
    COMPONENTS[component.name] = component
    return component


def get_component(name: str) -> Component:
    """The registered component ``name``; a clear error for planned or unknown names."""
    if name in COMPONENTS:
        return COMPONENTS[name]
    raise ModelInputError(f"unknown propensity component {name!r}; available: "
                          f"{', '.join(sorted(COMPONENTS))}")


ComponentSpec = Sequence["str | Component"] | Mapping[str, float] | None


def resolve_components(spec: ComponentSpec = None) -> tuple[Component, ...]:
    """Components from names, :class:`Component` objects, or a ``{name: weight}`` mapping.

    ``None`` gives :data:`DEFAULTS` with their registered weights; a mapping overrides the
    weights of the components it names (a weight of 0 keeps a component out).
    """
    if spec is None:
        return tuple(get_component(n) for n in DEFAULTS)
    if isinstance(spec, Mapping):
        found = tuple(get_component(n).with_weight(w) for n, w in spec.items())
    else:
        found = tuple(c if isinstance(c, Component) else get_component(c) for c in spec)
    names = [c.name for c in found]
    if len(set(names)) != len(names):
        raise ModelInputError(f"a component is listed twice: {names}")
    return tuple(c for c in found if c.weight != 0)


OutsideCoverage = Literal["error", "skip"]


def combine_components(store: Store, year: int, codes: np.ndarray,
                       components: ComponentSpec = None,
                       outside_coverage: OutsideCoverage = "error",
                       ) -> tuple[np.ndarray, list[Component], list[dict[str, str]]]:
    """The weighted sum ``sum_k w_k C_k`` for the states ``codes`` in ``year``.

    Returns the matrix, the components used and those skipped (with the reason). A
    component whose tables do not cover ``year`` raises :class:`ModelInputError`, or is
    skipped when ``outside_coverage="skip"``: outside coverage its values are unknown, not 0.
    """
    used, skipped = [], []
    for comp in resolve_components(components):
        spans = {t: store.coverage(t) for t in comp.coverage_tables}
        if all(lo <= year <= hi for lo, hi in spans.values()):
            used.append(comp)
            continue
        where = ", ".join(f"{t} ({lo}-{hi})" for t, (lo, hi) in spans.items())
        if outside_coverage == "error":
            raise ModelInputError(
                f"component {comp.name!r} reads {where}, which does not cover {year}; choose "
                f"a year inside, leave the component out, or skip components outside "
                f"coverage (outside_coverage='skip'; on the command line --skip-uncovered)")
        skipped.append({"name": comp.name, "reason": f"{where} does not cover {year}"})
    total = np.zeros((len(codes), len(codes)))
    for comp in used:
        total += comp.weight * comp.build(store, year, codes)
    np.fill_diagonal(total, 0.0)
    return total, used, skipped


def pair_matrix(codes: np.ndarray, pairs: pa.Table, value: str, *,
                combine: str = "max") -> np.ndarray:
    """Place ``(ccode1, ccode2, value)`` rows into a symmetric matrix over ``codes``.

    Rows naming a code outside ``codes`` are ignored; when both directions of a pair appear,
    ``combine`` ("max" or "min") chooses between them.
    """
    n = len(codes)
    out = np.zeros((n, n))
    if pairs.num_rows == 0:
        return out
    order = np.argsort(codes)
    sorted_codes = codes[order]
    a, b = to_numpy(pairs["ccode1"]), to_numpy(pairs["ccode2"])
    v = pairs[value].to_numpy(zero_copy_only=False).astype(np.float64)
    ia = np.minimum(np.searchsorted(sorted_codes, a), n - 1)
    ib = np.minimum(np.searchsorted(sorted_codes, b), n - 1)
    keep = (sorted_codes[ia] == a) & (sorted_codes[ib] == b) & (a != b)
    i, j, v = order[ia[keep]], order[ib[keep]], v[keep]
    ufunc = np.maximum if combine == "max" else np.minimum
    fill = -np.inf if combine == "max" else np.inf
    grid = np.full((n, n), fill)
    ufunc.at(grid, (i, j), v)
    ufunc.at(grid, (j, i), v)
    return np.where(np.isfinite(grid), grid, out)


def _in(codes: np.ndarray) -> str:
    return ", ".join(str(int(c)) for c in codes) or "NULL"


def _query(store: Store, table: str, codes: np.ndarray, value: str, where: str,
           combine: str, *, grouped: bool = True) -> np.ndarray:
    """``value`` per ``(ccode1, ccode2)`` of ``table`` rows matching ``where``, both states
    among ``codes``, placed in a matrix by :func:`pair_matrix`."""
    store.require(table)
    group = " GROUP BY ALL" if grouped else ""
    pairs = store.arrow(
        f"SELECT ccode1, ccode2, {value} AS v FROM {table} WHERE {where} "
        f"AND ccode1 IN ({_in(codes)}) AND ccode2 IN ({_in(codes)}){group}")
    return pair_matrix(codes, pairs, "v", combine=combine)


def alliances(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """ATOP 5.1: 1 for a defence pledge in either direction, 0.5 for any other shared pledge."""
    return _query(store, "atop_dyad_years", codes,
                  "CASE WHEN max(atop_defense) = 1 THEN 1.0 ELSE 0.5 END",
                  f"year = {int(year)}", "max")


DISPUTE_WINDOW = 5
"""Years of disputes (``year - 4`` to ``year``) the ``disputes`` component looks back over."""


def _disputes(store: Store, table: str, year: int, codes: np.ndarray) -> np.ndarray:
    return _query(store, table, codes, "-max(hostlev) / 5.0",
                  f"year BETWEEN {int(year) - DISPUTE_WINDOW + 1} AND {int(year)}", "min")


def disputes(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """GML MID 2.2.1: ``-h/5`` for the highest hostility level ``h`` in the last five years."""
    return _disputes(store, "gml_mid_dyad_years", year, codes)


def disputes_cow(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """COW MID 5.0 (to 2014): ``-h/5`` for the highest hostility level in the last five years."""
    return _disputes(store, "cow_mid_dyad_years", year, codes)


def rivalries(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """Thompson-Dreyer: -1 while a strategic rivalry between the two is ongoing."""
    return _query(store, "td_rivalries", codes, "-1.0",
                  f"{int(year)} BETWEEN styear AND endyear", "min", grouped=False)


def contiguity(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """COW contiguity 3.2: ``-(6 - t)/5`` for the closest type ``t`` in force in the year."""
    return _query(store, "cow_contiguity", codes, "-(6 - min(conttype)) / 5.0",
                  f"conttype > 0 AND {int(year)} BETWEEN year(stdate) AND year(enddate)", "min")


def un_voting(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """UN ideal points: ``1 - 2 |x_i - x_j| / range`` (closest +1, farthest -1, 0 if missing)."""
    store.require("unga_idealpoints")
    rows = store.arrow(f"SELECT ccode, idealpointfp AS x FROM unga_idealpoints WHERE year = "
                       f"{int(year)} AND ccode IN ({_in(codes)}) AND idealpointfp IS NOT NULL")
    x = np.full(len(codes), np.nan)
    pos = {int(c): i for i, c in enumerate(codes)}
    x[[pos[int(c)] for c in rows["ccode"].to_pylist()]] = rows["x"].to_numpy()
    spread = np.nanmax(x) - np.nanmin(x) if np.isfinite(x).sum() > 1 else 0.0
    if spread <= 0:
        return np.zeros((len(codes), len(codes)))
    out = 1.0 - 2.0 * np.abs(x[:, None] - x[None, :]) / spread
    out = np.where(np.isnan(out), 0.0, out)
    np.fill_diagonal(out, 0.0)
    return out


def tie_strength_component(store: Store, year: int, codes: np.ndarray) -> np.ndarray:
    """Measured tie strength (:func:`detente.measures.tie_strength`), 0 to 1, attracting."""
    from detente.measures import tie_strength

    table = tie_strength(store, years=int(year))
    pairs = table.select(["ccode1", "ccode2", "tie_strength"])
    return pair_matrix(codes, pairs.filter(pa.compute.is_valid(pairs["tie_strength"])),
                       "tie_strength", combine="max")


for _component in (
    Component("alliances", 1.0, alliances, ("atop_dyad_years",),
              "ATOP: 1 defence pledge (either way), 0.5 any other shared obligation"),
    Component("disputes", 1.0, disputes, ("gml_mid_dyad_years",),
              "GML MIDs: -(highest hostility level)/5 over the last 5 years"),
    Component("disputes_cow", 1.0, disputes_cow, ("cow_mid_dyad_years",),
              "COW MID 5.0 (to 2014): -(highest hostility level)/5 over the last 5 years"),
    Component("rivalries", 1.0, rivalries, ("td_rivalries",),
              "Thompson-Dreyer: -1 during a strategic rivalry"),
    Component("contiguity", 0.25, contiguity, ("cow_contiguity",),
              "COW contiguity: -1 land border ... -0.2 within 400 miles of water"),
    Component("un_voting", 1.0, un_voting, ("unga_idealpoints",),
              "UN ideal points: +1 closest pair ... -1 most distant, 0 if a state did not vote"),
    Component("tie_strength", 1.0, tie_strength_component,
              ("atop_dyad_years", "sipri_tiv", "mme_exercises", "un_pko_contributions",
               "cow_igo_dyad_years", "un_roll_calls"),
              "measured relationship strength, 0-1 (use instead of alliances and un_voting)",
              covers=()),
):
    register_component(_component)
