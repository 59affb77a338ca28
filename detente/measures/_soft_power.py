"""The soft-power composite: attraction built through military diplomacy, from open data.

Pillars follow the seeds (military diplomacy "enhances a nation's soft power"; "humanitarian
assistance"; "participation in international humanitarian missions"; coalitions and
partnerships) and what the data can support. Each indicator is computed per state-year from
the store and combined by :func:`detente.measures._composite.composite` (min-max 0-100 within
the compared states, logs for skewed volumes, missing cells reported, weights as data, seeded
rank intervals, power gap against CINC). Default weights: ``soft_power_weights.toml``.

================== ====================== ================================================
pillar             indicator              definition (coverage)
================== ====================== ================================================
peacekeeping       ``pko_personnel``      mean monthly uniformed personnel in UN missions,
                                          log (UN DPO, 2010-2021)
                   ``pko_missions``       UN missions contributed to (2010-2021)
defence_attraction ``exercise_partners``  states that exercised with it (MME, 1980-2010), log
                   ``arms_clients``       states that received its arms (SIPRI, 1950-2021), log
                   ``alliance_partners``  states allied with it (ATOP, 1815-2018), log
diplomatic_reach   ``igo_memberships``    full IGO memberships (COW IGO v3, 1816-2014)
                   ``attache_partners``   states hosting its attachés (user-entered)
un_alignment       ``un_agreement``       mean UN voting agreement with all other voting
                                          states (1946-2020)
humanitarian       ``hadr_partners``      states receiving its disaster relief (user-entered)
================== ====================== ================================================

Inside an open source's coverage a state with no record scores 0 (it sent no troops, found
no clients); outside it, and for user-entered indicators wherever the user entered nothing
for the state, the cell is *missing* and the composite reports it, since silence in a
user's partial records is not evidence of zero. The index measures attraction *through
defence engagement*; culture, education, aid and reputation, which the Soft Power 30 and
the Lowy index also weigh, are not in the open data here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import polars as pl
import pyarrow as pa

from detente.measures._composite import CompositeResult, CompositeWeights, Indicator, composite
from detente.measures._hard_power import cinc

if TYPE_CHECKING:
    from detente.store._store import Store

WEIGHTS_FILE = "soft_power_weights.toml"


def members(store: Store, years: tuple[int, int]) -> pa.Table:
    """``ccode, year`` of the compared universe: COW members, carried past 2016 (as ``mry``)."""
    last = store.rows("SELECT max(year) FROM state_codes")[0][0]
    return store.arrow(
        "SELECT ccode, year FROM state_codes WHERE year BETWEEN ? AND ? "
        "UNION ALL SELECT ccode, unnest(range(greatest(?, ?), ? + 1))::INTEGER FROM state_codes "
        "WHERE year = ? AND ? > ?",
        [years[0], years[1], last + 1, years[0], years[1], last, years[1], last])


def _counted(table: str, sql: str, *, zero_inside: bool = True) -> object:
    """An indicator from ``sql`` (``ccode, year, value``): 0 for members without a record
    inside ``table``'s coverage when ``zero_inside``, else missing."""

    def compute(store: Store, years: tuple[int, int], states: Sequence[int] | None) -> pa.Table:
        if not store.has_table(table):
            return pa.table({"ccode": pa.array([], pa.int32()), "year": pa.array([], pa.int32()),
                             "value": pa.array([], pa.float64())})
        lo, hi = (store.coverage(table) if zero_inside and table != "all_engagements"
                  else (years[0], years[1]))
        universe = store.con.from_arrow(members(store, years))
        keep = f"AND m.ccode IN ({', '.join(str(int(c)) for c in states) or 'NULL'})" \
            if states is not None else ""
        fill = f"CASE WHEN m.year BETWEEN {lo} AND {hi} THEN coalesce(v.value, 0) END" \
            if zero_inside else "v.value"
        return store.con.sql(
            f"SELECT m.ccode, m.year, ({fill})::DOUBLE AS value FROM universe m "
            f"LEFT JOIN ({sql}) v ON v.ccode = m.ccode AND v.year = m.year "
            f"WHERE m.year BETWEEN {years[0]} AND {years[1]} {keep}").to_arrow_table()

    return compute


def _user(instrument: str) -> object:
    return _counted("all_engagements", (
        f"SELECT ccode1 AS ccode, year, count(DISTINCT actor2) AS value FROM all_engagements "
        f"WHERE instrument = '{instrument}' AND source_id LIKE 'user:%' GROUP BY ALL"),
        zero_inside=False)


INDICATORS: dict[str, Indicator] = {i.name: i for i in (
    Indicator("pko_personnel", "UN peacekeeping personnel", "peacekeeping",
              "uniformed personnel (mean of monthly reports)", "UN DPO via un_pko",
              ("un_pko_contributions",), _counted("un_pko_contributions", (
                  "SELECT ccode1 AS ccode, year, sum(magnitude) AS value FROM all_engagements "
                  "WHERE instrument = 'peacekeeping' GROUP BY ALL")), transform="log"),
    Indicator("pko_missions", "UN missions contributed to", "peacekeeping", "missions",
              "UN DPO via un_pko", ("un_pko_contributions",),
              _counted("un_pko_contributions", (
                  "SELECT ccode1 AS ccode, year, count(DISTINCT actor2) AS value "
                  "FROM all_engagements WHERE instrument = 'peacekeeping' AND magnitude > 0 "
                  "GROUP BY ALL"))),
    Indicator("exercise_partners", "Exercise partners", "defence_attraction", "states",
              "MME v7", ("mme_exercises",), _counted("mme_exercises", (
                  "SELECT ccode, year, count(DISTINCT partner) AS value FROM ("
                  "SELECT ccode1 AS ccode, ccode2 AS partner, year FROM all_engagements "
                  "WHERE instrument = 'exercise' AND source_id = 'mme' UNION ALL "
                  "SELECT ccode2, ccode1, year FROM all_engagements "
                  "WHERE instrument = 'exercise' AND source_id = 'mme') "
                  "WHERE ccode IS NOT NULL AND partner IS NOT NULL GROUP BY ALL")),
              transform="log"),
    Indicator("arms_clients", "Arms clients", "defence_attraction", "states",
              "SIPRI TIV", ("sipri_tiv",), _counted("sipri_tiv", (
                  "SELECT ccode1 AS ccode, year, count(DISTINCT ccode2) AS value "
                  "FROM all_engagements WHERE instrument = 'arms_transfer' "
                  "AND ccode2 IS NOT NULL GROUP BY ALL")), transform="log"),
    Indicator("alliance_partners", "Alliance partners", "defence_attraction", "states",
              "ATOP 5.1", ("atop_dyad_years",), _counted("atop_dyad_years", (
                  "SELECT ccode1 AS ccode, year, count(DISTINCT ccode2) AS value "
                  "FROM atop_dyad_years GROUP BY ALL")), transform="log"),
    Indicator("igo_memberships", "IGO memberships", "diplomatic_reach", "full memberships",
              "COW IGO v3", ("cow_igo_state_years",), _counted("cow_igo_state_years", (
                  "SELECT ccode, year, sum_igo_full AS value FROM cow_igo_state_years"))),
    Indicator("attache_partners", "Attaché postings", "diplomatic_reach", "states",
              "user-entered engagements (instrument attache)", ("user_engagements",),
              _user("attache"), transform="log"),
    Indicator("un_agreement", "UN voting agreement", "un_alignment",
              "mean share of identical votes", "Voeten unvotes", ("un_roll_calls",),
              _counted("un_roll_calls", (
                  "SELECT ccode, year, avg(un_agree) AS value FROM (SELECT ccode1 AS ccode, "
                  "year, un_agree FROM un_agreement UNION ALL SELECT ccode2, year, un_agree "
                  "FROM un_agreement) GROUP BY ALL"), zero_inside=False)),
    Indicator("hadr_partners", "Disaster-relief recipients", "humanitarian", "states",
              "user-entered engagements (instrument hadr)", ("user_engagements",),
              _user("hadr"), transform="log"),
)}


@cache
def default_weights() -> CompositeWeights:
    """The shipped weights (``detente/measures/soft_power_weights.toml``)."""
    import tomllib

    text = files("detente.measures").joinpath(WEIGHTS_FILE).read_text()
    return CompositeWeights.from_mapping(tomllib.loads(text), where=WEIGHTS_FILE)


def indicator_values(store: Store, years: tuple[int, int], states: Sequence[int] | None,
                     names: Sequence[str]) -> pl.DataFrame:
    """Long ``ccode, year, indicator, raw`` for the named indicators."""
    frames = []
    for name in names:
        table = pl.from_arrow(INDICATORS[name].compute(store, years, states))
        frames.append(table.select(pl.col("ccode").cast(pl.Int32), pl.col("year").cast(pl.Int32),
                                   pl.lit(name).alias("indicator"),
                                   pl.col("value").cast(pl.Float64).alias("raw")))
    return pl.concat(frames)


def soft_power(
    store: Store,
    *,
    years: tuple[int, int] | int,
    states: Sequence[int] | None = None,
    weights: CompositeWeights | None = None,
    draws: int = 1000,
    concentration: float = 50.0,
    seed: int | None = 0,
) -> CompositeResult:
    """Score states on the soft-power composite (see the module docstring).

    ``states`` limits the compared set (min-max and ranks are within it); ``weights`` replaces
    the shipped ones (:meth:`CompositeWeights.from_file`); rank intervals use ``draws``
    Dirichlet draws of the pillar weights with ``concentration`` and ``seed``. The power gap
    compares the overall score with ``log(CINC)`` among the compared states.
    """
    span = (years, years) if isinstance(years, int) else years
    weights = weights or default_weights()
    weights.check(INDICATORS)  # an unknown indicator is named before anything is computed
    used = [name for pillar in weights.indicators.values() for name in pillar]
    values = indicator_values(store, span, states, used)
    resources = pl.from_arrow(cinc(store, years=span, states=states)).select(
        pl.col("ccode").cast(pl.Int32), pl.col("year").cast(pl.Int32),
        pl.col("cinc").alias("resource"))
    return composite(values, INDICATORS, weights, resources=resources, draws=draws,
                     concentration=concentration, seed=seed)


def soft_power_tables(weights: CompositeWeights | None = None) -> tuple[str, ...]:
    """Store tables the composite reads with these weights (for data versions)."""
    weights = weights or default_weights()
    names = [n for pillar in weights.indicators.values() for n in pillar]
    return tuple(dict.fromkeys(t for n in names for t in INDICATORS[n].tables
                               if t != "user_engagements"))
