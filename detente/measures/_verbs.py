"""Panel verbs for measures: add a measure's columns to a state-year or dyad-year panel."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from detente.measures._similarity import SIMILARITY_COLUMNS, AllianceData, alliance_similarity
from detente.panels._align import gather, match, pack, to_numpy
from detente.panels._panel import Panel


def add_similarity(panel: Panel, source: AllianceData = "atop",
                   columns: Sequence[str] = SIMILARITY_COLUMNS) -> Panel:
    """Add alliance-portfolio similarity to a dyad-year panel.

    Columns ``{source}_s_abs``, ``{source}_s_sq`` (Signorino-Ritter S, unweighted, absolute
    or squared distance), ``{source}_s_abs_w``, ``{source}_s_sq_w`` (weighted by CINC),
    ``{source}_kappa``, ``{source}_kappa_abs``, ``{source}_kappa_sq`` (Cohen's kappa,
    nominal and weighted, as Haege 2011 recommends) and ``{source}_taub`` (Kendall's tau-b).
    Portfolios are valued 3 defence, 2 neutrality/non-aggression, 1 entente/consultation,
    0 none, self 3; ``source`` is ``"atop"`` (ATOP 5.1, 1815-2018) or ``"cow"`` (COW 4.1,
    1816-2012). The portfolio dimensions are the panel's own states in each year (so a
    panel extended past 2016 reaches ATOP's 2017-2018). Every measure is symmetric, so (A, B) and (B, A) carry the same values; null
    outside the alliance data's coverage. See :mod:`detente.measures._similarity` for the
    formulas and references.

    Example: in 1985 the United Kingdom and the Soviet Union have unweighted S = 0.77 but
    kappa = 0.38, while the United States and the United Kingdom have S = 0.49 and kappa =
    0.48: S rewards two sparse portfolios for agreeing on the many states neither is allied
    with; kappa corrects for that chance agreement.
    """
    panel.require_unit("add_similarity", "dyad_year")
    states = pa.table({"year": pa.array(panel.year), "ccode": pa.array(panel.cow_codes()[0])})
    table = alliance_similarity(panel.store, years=panel.years, source=source,
                                members=states.filter(pc.greater_equal(states["ccode"], 0)),
                                columns=columns)
    keys = pack(to_numpy(table["year"]), to_numpy(table["ccode1"]), to_numpy(table["ccode2"]))
    found = gather(table, match(panel.pair_keys(), keys), list(columns),
                   [f"{source}_{c}" for c in columns])
    read = ("atop_dyad_years" if source == "atop" else "cow_alliance_dyad_years", "cow_nmc")
    return panel.with_columns(found, *read)


def add_soft_power(panel: Panel, weights: object = None) -> Panel:
    """Add the soft-power composite: ``soft_power`` (0-100 among all system members that
    year), ``soft_power_coverage``, the rank interval ``soft_power_rank_p05/p95``,
    ``soft_power_gap`` (score above what log CINC predicts) and each pillar
    (``soft_power_pillar_<name>``); dyad-years get each column suffixed 1 and 2.

    See :mod:`detente.measures._soft_power` for the indicators and
    :mod:`detente.measures._composite` for the method; ``weights`` is a
    :class:`~detente.measures._composite.CompositeWeights` or a TOML/JSON file.
    """
    from detente.measures._engagement_measures import soft_power_values
    from detente.measures._soft_power import soft_power_tables
    from detente.panels._spine import attach_state_values

    table = soft_power_values(panel.store, panel.years, None, weights=weights)  # type: ignore[arg-type]
    names = {"value": "soft_power", "coverage": "soft_power_coverage",
             "rank_p05": "soft_power_rank_p05", "rank_p95": "soft_power_rank_p95",
             "power_gap": "soft_power_gap",
             **{c: f"soft_power_{c}" for c in table.column_names if c.startswith("pillar_")}}
    table = table.select(["ccode", "year", *names]).rename_columns(["ccode", "year", *names.values()])
    found = attach_state_values(panel, table, list(names.values()))
    return panel.with_columns(found, *soft_power_tables(), "cow_nmc")


def add_network_centrality(panel: Panel, instruments: Sequence[str] | None = None,
                           betweenness: bool = True) -> Panel:
    """Add defence-network centrality per layer and combined: ``net_<layer>_strength``,
    ``net_<layer>_eigenvector``, ``net_<layer>_betweenness`` (and ``_out_strength`` /
    ``_in_strength`` for directed layers such as arms transfers), with ``<layer>`` one of the
    instruments or ``combined``. Null outside a layer's coverage; 0 for a member without ties
    in a covered year. See :mod:`detente.measures._centrality` for the definitions;
    ``betweenness=False`` skips the costly measure.
    """
    from detente.engagements import DEFAULT_INSTRUMENTS
    from detente.measures._centrality import CENTRALITY_COLUMNS, network_centrality
    from detente.panels._spine import attach_state_values

    chosen = tuple(instruments or DEFAULT_INSTRUMENTS)
    long = network_centrality(panel.store, years=panel.years, instruments=chosen,
                              betweenness=betweenness)
    wide = None
    for (layer,), block in long.partition_by("layer", as_dict=True).items():
        cols = [c for c in CENTRALITY_COLUMNS if block[c].null_count() < block.height]
        part = block.select("ccode", "year", *[pl.col(c).alias(f"net_{layer}_{c}") for c in cols])
        wide = part if wide is None else wide.join(part, on=["ccode", "year"], how="full",
                                                   coalesce=True)
    if wide is None:
        return panel
    names = [c for c in wide.columns if c not in ("ccode", "year")]
    found = attach_state_values(panel, wide.to_arrow(), names)
    return panel.with_columns(found, "atop_dyad_years", "sipri_tiv", "mme_exercises",
                              "un_pko_contributions")
