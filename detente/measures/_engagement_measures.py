"""Measures built on the instruments of military diplomacy: soft power, its balance with hard
power, and centrality in the defence network."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import pyarrow as pa

from detente.measures._centrality import COMBINED, network_centrality
from detente.measures._composite import CompositeWeights
from detente.measures._hard_power import cinc
from detente.measures._registry import Measure, register_measure
from detente.measures._soft_power import soft_power

if TYPE_CHECKING:
    from detente.store._store import Store

_SOFT_CITATION = ("Method after the Lowy Institute Asia Power Index (2023) and the OECD/JRC "
                  "Handbook on Constructing Composite Indicators (2008); indicators from UN DPO, "
                  "MME v7, SIPRI, ATOP 5.1, COW IGO v3, Voeten's UN votes and user entries")


def _weights(weights: CompositeWeights | str | Path | None) -> CompositeWeights | None:
    if weights is None or isinstance(weights, CompositeWeights):
        return weights
    return CompositeWeights.from_file(weights)


def soft_power_values(store: Store, years: tuple[int, int], states: Sequence[int] | None = None,
                      *, weights: CompositeWeights | str | Path | None = None) -> pa.Table:
    """Overall soft-power score with pillar scores, coverage, rank interval and power gap."""
    result = soft_power(store, years=years, states=states, weights=_weights(weights))
    pillars = result.pillars.pivot(on="pillar", index=["ccode", "year"], values="score")
    pillars = pillars.rename({c: f"pillar_{c}" for c in pillars.columns if c not in ("ccode", "year")})
    overall = result.overall.rename({"score": "value"}).drop("rank")
    return overall.join(pillars, on=["ccode", "year"], how="left").sort("year", "ccode").to_arrow()


def _hard_score(store: Store, years: tuple[int, int], states: Sequence[int] | None) -> pl.DataFrame:
    """CINC as a 0-100 score: min-max of log(CINC) within the compared states, per year."""
    frame = pl.from_arrow(cinc(store, years=years, states=states)).filter(pl.col("cinc") > 0)
    logged = pl.col("cinc").log()
    lo, hi = logged.min().over("year"), logged.max().over("year")
    return frame.select(pl.col("ccode").cast(pl.Int32), pl.col("year").cast(pl.Int32),
                        (100 * (logged - lo) / (hi - lo)).alias("hard_score"))


def soft_hard_balance(store: Store, years: tuple[int, int], states: Sequence[int] | None = None,
                      *, weights: CompositeWeights | str | Path | None = None) -> pa.Table:
    """Soft-power score minus hard-power score (both 0-100 within the compared states).

    Hard power is CINC rescaled: ``100 (log c - min log c) / (max log c - min log c)``, so the
    two sit on the same scale. Positive values mean a state's attraction through defence
    engagement outruns its material capabilities (the seeds' "soft power vs. hard power").
    """
    soft = pl.from_arrow(soft_power_values(store, years, states, weights=weights)).select(
        pl.col("ccode").cast(pl.Int32), pl.col("year").cast(pl.Int32),
        pl.col("value").alias("soft_score"))
    joined = soft.join(_hard_score(store, years, states), on=["ccode", "year"], how="inner")
    return joined.with_columns((pl.col("soft_score") - pl.col("hard_score")).alias("value")
                               ).select("ccode", "year", "value", "soft_score", "hard_score"
                                        ).sort("year", "ccode").to_arrow()


def centrality_values(store: Store, years: tuple[int, int], states: Sequence[int] | None = None
                      ) -> pa.Table:
    """Eigenvector centrality in the combined defence network, with strength and betweenness."""
    table = network_centrality(store, years=years, states=states, layers=(COMBINED,))
    return table.select("ccode", "year", pl.col("eigenvector").alias("value"), "strength",
                        "betweenness").to_arrow()


register_measure(Measure(
    "soft_power", "Soft power through military diplomacy", "score 0-100 within the compared states",
    "Lowy-style composite: indicators (UN peacekeeping personnel and missions; exercise "
    "partners, arms clients, alliance partners; IGO memberships and user-entered attaché "
    "postings; mean UN voting agreement; user-entered disaster-relief recipients) are logged "
    "where skewed, min-max scaled to 0-100 within the compared states, averaged into five "
    "pillars and an overall score with weights from soft_power_weights.toml (renormalised over "
    "what each state reports; coverage says how much of the intended weight was observed). "
    "Rank interval: 5th-95th percentile rank over 1,000 Dirichlet draws of the pillar weights "
    "(concentration 50, seed 0). Power gap: residual of the score on log CINC. Mean UN "
    "agreement rewards voting with the Assembly's majority.",
    _SOFT_CITATION, ("un_pko_contributions", "mme_exercises", "sipri_tiv", "atop_dyad_years",
                     "cow_igo_state_years", "un_roll_calls", "cow_nmc"),
    soft_power_values, options=("weights",), partial=True))
register_measure(Measure(
    "soft_hard_balance", "Soft-to-hard power balance", "score points (-100 to 100)",
    "soft_power score minus CINC rescaled to 0-100 (min-max of log CINC within the compared "
    "states). Positive: attraction through defence engagement outruns material capability.",
    _SOFT_CITATION + "; COW NMC 7.0", ("un_pko_contributions", "mme_exercises", "sipri_tiv",
                                       "atop_dyad_years", "cow_igo_state_years",
                                       "un_roll_calls", "cow_nmc"),
    soft_hard_balance, options=("weights",), partial=True))
register_measure(Measure(
    "defence_centrality", "Centrality in the defence network",
    "eigenvector centrality (unit length)",
    "Leading eigenvector of the symmetric combined multiplex network (alliance, arms transfers, "
    "exercises, peacekeeping co-deployment; each layer scaled by its strongest tie that year and "
    "summed). Extra columns: strength and weighted betweenness (edge length 1/weight).",
    "Bonacich (1972); Barrat et al. (2004); Brandes (2001); Opsahl et al. (2010)",
    ("atop_dyad_years", "sipri_tiv", "mme_exercises", "un_pko_contributions"),
    centrality_values, partial=True))

