"""Relationship (tie) strength: one documented score per dyad-year combining instruments.

Each component is scaled to [0, 1] within the year and is symmetric (the pair, not the
direction):

============== ============================================================ ===========
component      value for the pair (i, j) in year t                          coverage
============== ============================================================ ===========
``alliance``   strongest ATOP obligation either holds toward the other,      ATOP
               valued 3 defence/offence, 2 neutrality or non-aggression,
               1 consultation, divided by 3
``arms``       ``log(1 + TIV_ij + TIV_ji) / log(1 + max over pairs)``        SIPRI TIV
``exercise``   ``log(1 + exercises together) / log(1 + max over pairs)``     MME
               (MME only: JME overlaps it)
``peacekeeping`` UN missions both contributed to, over the year's maximum    UN PKO
``igo``        shared full IGO memberships over the year's maximum          COW IGO
``un_voting``  share of identical votes where both voted (Voeten; abstention UN votes
               a third category)
============== ============================================================ ===========

Inside a component's coverage a pair without a record scores 0 on it (no alliance, no
transfer), except ``un_voting``, which is *missing* when either state cast no vote that year.
The score is the weighted mean of the components available for the pair-year:

    ``tie_strength = sum_k w_k x_k / sum_{k available} w_k``

with weights ``w_k`` given as data (:data:`DEFAULT_TIE_WEIGHTS`, all 1), and
``tie_components`` counts the components that entered. The logs tame SIPRI's and MME's heavy
tails (a single large supplier-recipient pair would otherwise compress every other pair
toward 0). Null where no component covers the year.

This follows the common practice of measuring relationship intensity as a composite of
cooperative interactions across issue areas (e.g. the multiplex ties of Cranmer, Menninga and
Mucha 2015; Maoz 2010 on multiple networks of international relations); the components and
their scaling are detente's documented choices, and the weights are the user's to change.

References
----------
.. [1] Maoz, Zeev. 2010. Networks of Nations: The Evolution, Structure, and Impact of
   International Networks, 1816-2001. Cambridge University Press.
.. [2] Cranmer, Skyler J., Elizabeth J. Menninga, and Peter J. Mucha. 2015. "Kantian
   Fractionalization Predicts the Conflict Propensity of States." PNAS 112(38): 11812-11816.
.. [3] Voeten, Erik. 2013. "Data and Analyses of Voting in the United Nations General
   Assembly." In Routledge Handbook of International Organization.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detente.panels._align import gather, match, pack, to_numpy
from detente.panels._panel import Panel

if TYPE_CHECKING:
    from detente.store._store import Store


@dataclass(frozen=True)
class TieComponent:
    """One component: the source table whose recorded coverage sets the component's years,
    and SQL giving ``c1 < c2, year, value`` in [0, 1] for the pairs that have a record."""

    name: str
    coverage_table: str
    sql: Callable[[], str]
    absent_is_zero: bool = True


def _scaled(inner: str, log: bool) -> str:
    value = "ln(1 + v) / nullif(ln(1 + max(v) OVER (PARTITION BY year)), 0)" if log else \
        "v / nullif(max(v) OVER (PARTITION BY year), 0)"
    return f"SELECT c1, c2, year, {value} AS value FROM ({inner})"


def _pairs(where: str, value: str, source: str | None = None) -> str:
    src = f" AND source_id = '{source}'" if source else ""
    return (f"SELECT least(ccode1, ccode2) AS c1, greatest(ccode1, ccode2) AS c2, year, "
            f"{value} AS v FROM all_engagements WHERE {where}{src} AND ccode1 IS NOT NULL "
            f"AND ccode2 IS NOT NULL AND ccode1 <> ccode2 GROUP BY ALL")


TIE_COMPONENTS: dict[str, TieComponent] = {
    c.name: c for c in (
        TieComponent("alliance", "atop_dyad_years", lambda: (
            "SELECT least(ccode1, ccode2) AS c1, greatest(ccode1, ccode2) AS c2, year, "
            "max(CASE WHEN atop_defense = 1 OR atop_offense = 1 THEN 3 WHEN atop_neutral = 1 "
            "OR atop_nonagg = 1 THEN 2 WHEN atop_consul = 1 THEN 1 ELSE 0 END) / 3.0 AS value "
            "FROM atop_dyad_years GROUP BY ALL")),
        TieComponent("arms", "sipri_tiv", lambda: _scaled(
            _pairs("instrument = 'arms_transfer'", "sum(magnitude)"), log=True)),
        TieComponent("exercise", "mme_exercises", lambda: _scaled(
            _pairs("instrument = 'exercise'", "count(DISTINCT event_id)", "mme"), log=True)),
        TieComponent("peacekeeping", "un_pko_contributions", lambda: _scaled(
            "SELECT a.ccode1 AS c1, b.ccode1 AS c2, a.year, count(DISTINCT a.actor2) AS v "
            "FROM all_engagements a JOIN all_engagements b ON a.actor2 = b.actor2 "
            "AND a.year = b.year AND a.ccode1 < b.ccode1 WHERE a.instrument = 'peacekeeping' "
            "AND b.instrument = 'peacekeeping' GROUP BY ALL", log=False)),
        TieComponent("igo", "cow_igo_dyad_years", lambda: _scaled(
            "SELECT least(ccode1, ccode2) AS c1, greatest(ccode1, ccode2) AS c2, year, "
            "max(dyadigos) AS v FROM cow_igo_dyad_years GROUP BY ALL", log=False)),
        TieComponent("un_voting", "un_roll_calls", lambda: (
            "SELECT least(ccode1, ccode2) AS c1, greatest(ccode1, ccode2) AS c2, year, "
            "any_value(un_agree) AS value FROM un_agreement GROUP BY ALL"),
            absent_is_zero=False),
    )
}
DEFAULT_TIE_WEIGHTS: Mapping[str, float] = {name: 1.0 for name in TIE_COMPONENTS}


def _component_values(panel: Panel, component: TieComponent) -> pa.Array | None:
    """The component aligned to the panel's pairs (null where missing), or None if absent."""
    store = panel.store
    if not store.has_table(component.coverage_table):
        return None
    inside = panel.within(component.coverage_table)
    if not inside.any():
        return pa.nulls(len(panel), pa.float64())
    lo, hi = panel.years
    table = store.arrow(f"SELECT c1, c2, year, value::DOUBLE AS value FROM ({component.sql()}) "
                        f"WHERE year BETWEEN ? AND ?", [lo, hi])
    keys = pack(to_numpy(table["year"]), to_numpy(table["c1"]), to_numpy(table["c2"]))
    values = gather(table, match(panel.pair_keys(), keys), ["value"])["value"]
    if component.absent_is_zero:
        values = pc.fill_null(values, 0.0)
    return pc.if_else(pa.array(inside), values, pa.nulls(len(values), pa.float64()))


def add_tie_strength(panel: Panel, weights: Mapping[str, float] | None = None,
                     components: bool = True) -> Panel:
    """Add ``tie_strength`` (0-1), ``tie_components`` and, with ``components``, each
    component as ``tie_<name>`` to a dyad-year panel. See the module docstring for the
    formula, the components and their coverage; ``weights`` overrides
    :data:`DEFAULT_TIE_WEIGHTS` (unknown names are an error, 0 drops a component).

    Example: in 2005 the United States and the United Kingdom score high on every component
    (defence pledge, arms, exercises, shared IGOs, UN agreement), the United States and Cuba
    near 0 on all but UN voting and IGOs.
    """
    panel.require_unit("add_tie_strength", "dyad_year")
    w = {**DEFAULT_TIE_WEIGHTS, **(weights or {})}
    unknown = set(w) - set(TIE_COMPONENTS)
    if unknown:
        raise ValueError(f"unknown tie components {sorted(unknown)}; "
                         f"choose from {sorted(TIE_COMPONENTS)}")
    total = np.zeros(len(panel))
    denominator = np.zeros(len(panel))
    count = np.zeros(len(panel), dtype=np.int32)
    columns: dict[str, pa.Array] = {}
    read = []
    for name, component in TIE_COMPONENTS.items():
        values = _component_values(panel, component)
        if values is None or w[name] <= 0:
            continue
        read.append(component.coverage_table)
        x = values.to_numpy(zero_copy_only=False).astype(np.float64)
        present = ~np.isnan(x)
        total += np.where(present, w[name] * x, 0.0)
        denominator += np.where(present, w[name], 0.0)
        count += present
        if components:
            columns[f"tie_{name}"] = values
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(denominator > 0, total / denominator, np.nan)
    columns["tie_strength"] = pa.array(score, pa.float64(), mask=np.isnan(score))
    columns["tie_components"] = pa.array(count, pa.int32())
    return panel.with_columns(columns, *read, "engagements")


def tie_strength(store: Store, *, years: tuple[int, int] | int,
                 weights: Mapping[str, float] | None = None) -> pa.Table:
    """Tie strength for every non-directed pair of system members (``ccode1 < ccode2``)."""
    from detente.panels import create_dyad_years

    span = (years, years) if isinstance(years, int) else years
    last = store.coverage("cow_system")[1]
    panel = create_dyad_years(store, years=span, directed=False,
                              extend_to=span[1] if span[1] > last else None)
    return add_tie_strength(panel, weights).table
