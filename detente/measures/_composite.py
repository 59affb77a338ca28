"""Composite indices in the style of the Lowy Institute Asia Power Index.

Indicators are grouped into pillars (Lowy's "measures"); pillars combine into an overall
score. Every step is stated and every weight is data the user can change.

Method, for each year and within the compared set of states:

1. **Transform.** Skewed volumes (personnel, TIV, counts of partners) take ``log(1 + x)``;
   the indicator declares which.
2. **Normalise.** Min-max to 0-100 within the compared set: ``100 (x - min) / (max - min)``
   (reversed when lower is better). Re-running with another set of states changes the
   scores, as it does in the Lowy index; say which set you compared. An indicator with no
   spread among the states that report it carries no information that year and is left out
   (reported as ``constant``).
3. **Missing data.** A missing cell is never imputed and never read as 0. A state's pillar
   score is the weighted mean of the indicators it reports, with the weights renormalised
   over those; the overall score likewise over its pillars. Every cell's status
   (``observed``, ``missing``, ``constant``) and every score's *weight coverage* (the share
   of the intended weight that was available) are returned, so thin evidence is visible.
4. **Weights** come from a :class:`CompositeWeights` (a TOML or JSON file or a dict):
   pillar weights, and indicator weights within each pillar; each level is renormalised to
   sum to 1.
5. **Rank uncertainty.** Pillar weights are redrawn from a Dirichlet distribution centred on
   the chosen weights, ``Dirichlet(kappa * w)`` (``kappa`` the concentration: larger means
   closer to ``w``), with a seed; each draw re-scores and re-ranks every state. Rank
   intervals are the 5th and 95th percentiles of those ranks (Saisana, Saltelli and Tarantola
   2005 recommend this kind of weight-perturbation analysis for composite indicators).
6. **Power gap.** Lowy reports whether a state's influence exceeds what its resources
   predict. Here: the residual of an OLS fit of the overall score on ``log`` of a resource
   measure (CINC by default) across the compared states; positive means more influence
   than resources predict, in score points.

References
----------
.. [1] Lowy Institute. 2023. "Asia Power Index: Methodology." Sydney: Lowy Institute.
.. [2] OECD and JRC. 2008. Handbook on Constructing Composite Indicators: Methodology and
   User Guide. Paris: OECD.
.. [3] Saisana, Michaela, Andrea Saltelli, and Stefano Tarantola. 2005. "Uncertainty and
   Sensitivity Analysis Techniques as Tools for the Quality Assessment of Composite
   Indicators." Journal of the Royal Statistical Society A 168(2): 307-323.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import polars as pl
import pyarrow as pa
from threadpoolctl import threadpool_limits

from detente._errors import DetenteError
from detente._seed import SeedLike, resolve_seed

if TYPE_CHECKING:
    from detente.store._store import Store

IndicatorCompute = Callable[["Store", tuple[int, int], "Sequence[int] | None"], pa.Table]


@dataclass(frozen=True)
class Indicator:
    """One input of a composite: how to compute it and how to treat it."""

    name: str
    title: str
    pillar: str
    unit: str
    source: str
    tables: tuple[str, ...]
    compute: IndicatorCompute = field(compare=False)
    transform: Literal["none", "log"] = "none"
    higher_is_better: bool = True


class WeightsError(DetenteError):
    """A weights file or mapping does not fit the composite's indicators."""


@dataclass(frozen=True)
class CompositeWeights:
    """Pillar weights and, within each pillar, indicator weights (renormalised per level)."""

    pillars: Mapping[str, float]
    indicators: Mapping[str, Mapping[str, float]]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "weights") -> CompositeWeights:
        """``{"pillars": {p: w}, "indicators": {p: {i: w}}}``, checked for shape and sign."""
        try:
            pillars = {str(k): float(v) for k, v in data["pillars"].items()}
            indicators = {str(p): {str(k): float(v) for k, v in d.items()}
                          for p, d in data["indicators"].items()}
        except (KeyError, AttributeError, TypeError, ValueError) as exc:
            raise WeightsError(f"{where}: expected tables 'pillars' and 'indicators' of numbers "
                               f"({exc})") from None
        for label, value in [*pillars.items(),
                             *((f"{p}.{i}", w) for p, d in indicators.items() for i, w in d.items())]:
            if not np.isfinite(value) or value < 0:
                raise WeightsError(f"{where}: weight {label} = {value} must be a non-negative number")
        if sum(pillars.values()) <= 0:
            raise WeightsError(f"{where}: the pillar weights sum to 0")
        missing = set(pillars) - set(indicators)
        if missing:
            raise WeightsError(f"{where}: pillars without indicator weights: {sorted(missing)}")
        return cls(pillars, indicators)

    @classmethod
    def from_file(cls, path: str | Path) -> CompositeWeights:
        """Read weights from a ``.toml`` or ``.json`` file."""
        path = Path(path)
        try:
            text = path.read_bytes()
            data = tomllib.loads(text.decode()) if path.suffix == ".toml" else json.loads(text)
        except (OSError, ValueError) as exc:
            raise WeightsError(f"{path}: cannot read weights: {exc}") from None
        return cls.from_mapping(data, where=str(path))

    def to_dict(self) -> dict[str, Any]:
        return {"pillars": dict(self.pillars),
                "indicators": {p: dict(d) for p, d in self.indicators.items()}}

    def check(self, indicators: Mapping[str, Indicator]) -> None:
        """Every weighted indicator exists and sits in the pillar it is weighted under."""
        for pillar, items in self.indicators.items():
            for name in items:
                if name not in indicators:
                    raise WeightsError(f"weights name an unknown indicator {name!r}; "
                                       f"known: {sorted(indicators)}")
                if indicators[name].pillar != pillar:
                    raise WeightsError(f"indicator {name!r} belongs to pillar "
                                       f"{indicators[name].pillar!r}, not {pillar!r}")


@dataclass(frozen=True)
class CompositeResult:
    """Scores, ranks and the evidence behind them.

    ``cells``: one row per state, year and indicator (raw and normalised value, status).
    ``pillars``: one row per state, year and pillar (score 0-100, weight coverage).
    ``overall``: one row per state and year (score, rank, weight coverage, rank interval,
    power gap when resources were given).
    """

    cells: pl.DataFrame
    pillars: pl.DataFrame
    overall: pl.DataFrame
    weights: CompositeWeights
    draws: int
    seed: int | None


def _normalise(cells: pl.DataFrame, indicators: Mapping[str, Indicator]) -> pl.DataFrame:
    meta = pl.DataFrame({
        "indicator": list(indicators),
        "log": [i.transform == "log" for i in indicators.values()],
        "higher": [i.higher_is_better for i in indicators.values()],
    })
    x = cells.join(meta, on="indicator", how="left").with_columns(
        pl.when(pl.col("log")).then((pl.col("raw").clip(lower_bound=0) + 1).log())
        .otherwise(pl.col("raw")).alias("transformed"))
    grp = ["year", "indicator"]
    x = x.with_columns(pl.col("transformed").min().over(grp).alias("_lo"),
                       pl.col("transformed").max().over(grp).alias("_hi"))
    spread = pl.col("_hi") - pl.col("_lo")
    scaled = 100 * (pl.col("transformed") - pl.col("_lo")) / spread
    return x.with_columns(
        pl.when(pl.col("transformed").is_null()).then(pl.lit("missing"))
        .when(spread <= 0).then(pl.lit("constant")).otherwise(pl.lit("observed")).alias("status"),
        pl.when(spread > 0).then(pl.when(pl.col("higher")).then(scaled).otherwise(100 - scaled))
        .alias("normalised"),
    ).drop("log", "higher", "_lo", "_hi")


def _weighted_mean(frame: pl.DataFrame, by: list[str], value: str, weight: str) -> pl.DataFrame:
    """Weighted mean per group over non-null values, with the share of weight present.

    Rows are sorted first and groups kept in order, so sums always add in the same order and
    the same inputs give bit-identical scores (joins do not preserve row order).
    """
    present = pl.col(value).is_not_null()
    return frame.sort([*by, *[c for c in frame.columns if c not in by]]).group_by(
        by, maintain_order=True).agg(
        ((pl.col(value) * pl.col(weight)).filter(present).sum()
         / pl.col(weight).filter(present).sum()).alias("score"),
        (pl.col(weight).filter(present).sum() / pl.col(weight).sum()).alias("coverage"),
    ).with_columns(pl.when(pl.col("coverage") > 0).then(pl.col("score")).alias("score"))


def composite(
    values: pl.DataFrame,
    indicators: Mapping[str, Indicator],
    weights: CompositeWeights,
    *,
    resources: pl.DataFrame | None = None,
    draws: int = 1000,
    concentration: float = 50.0,
    seed: SeedLike = None,
) -> CompositeResult:
    """Score states on a composite index (see the module docstring for every step).

    Parameters
    ----------
    values
        Long table ``ccode, year, indicator, raw`` (one row per state, year and indicator;
        a null ``raw`` is a missing cell). States absent for an indicator are missing too.
    indicators
        The indicators by name.
    weights
        Pillar and indicator weights.
    resources
        Optional ``ccode, year, resource`` (e.g. CINC) for the power gap.
    draws, concentration, seed
        Dirichlet weight perturbation for rank intervals (``draws=0`` skips it).
    """
    weights.check(indicators)
    states = values.select("ccode", "year").unique()
    used = [name for p in weights.indicators.values() for name in p]
    grid = states.join(pl.DataFrame({"indicator": used}), how="cross")
    cells = grid.join(values.select("ccode", "year", "indicator", pl.col("raw").cast(pl.Float64)),
                      on=["ccode", "year", "indicator"], how="left")
    cells = _normalise(cells, indicators)
    pillar_of = pl.DataFrame({"indicator": used,
                              "pillar": [indicators[n].pillar for n in used],
                              "iweight": [weights.indicators[indicators[n].pillar][n] for n in used]})
    cells = cells.join(pillar_of, on="indicator", how="left")
    usable = cells.with_columns(
        pl.when(pl.col("status") == "observed").then(pl.col("normalised")).alias("normalised"))
    pillars = _weighted_mean(usable, ["ccode", "year", "pillar"], "normalised", "iweight")
    pw = pl.DataFrame({"pillar": list(weights.pillars), "pweight": list(weights.pillars.values())})
    pillars = pillars.join(pw, on="pillar", how="inner")
    overall = _weighted_mean(pillars, ["ccode", "year"], "score", "pweight").drop("coverage")
    # Coverage of the whole: the share of all intended weight (pillar x indicator) observed.
    covered = pillars.sort("ccode", "year", "pillar").group_by(
        "ccode", "year", maintain_order=True).agg(
        ((pl.col("pweight") * pl.col("coverage")).sum() / sum(weights.pillars.values()))
        .alias("coverage"))
    overall = overall.join(covered, on=["ccode", "year"], how="left").with_columns(
        pl.col("score").rank("min", descending=True).over("year").cast(pl.Int32).alias("rank"))
    rng_seed = seed if isinstance(seed, int) else None
    if draws > 0:
        overall = overall.join(_rank_intervals(pillars, weights, draws, concentration, seed),
                               on=["ccode", "year"], how="left")
    if resources is not None:
        overall = overall.join(_power_gap(overall, resources), on=["ccode", "year"], how="left")
    order = ["year", "ccode"]
    return CompositeResult(cells.sort([*order, "indicator"]), pillars.sort([*order, "pillar"]),
                           overall.sort(order), weights, draws, rng_seed)


def _rank_intervals(pillars: pl.DataFrame, weights: CompositeWeights, draws: int,
                    concentration: float, seed: SeedLike) -> pl.DataFrame:
    """5th, 50th and 95th percentile ranks under Dirichlet-perturbed pillar weights."""
    rng = resolve_seed(seed)
    names = list(weights.pillars)
    base = np.array([weights.pillars[p] for p in names], dtype=np.float64)
    base = base / base.sum()
    alpha = np.maximum(concentration * base, 1e-6)
    sampled = rng.dirichlet(alpha, size=draws)  # (draws, pillars)
    if pillars.height == 0:
        return pl.DataFrame(schema={"ccode": pl.Int32, "year": pl.Int32, "rank_p05": pl.Float64,
                                    "rank_p50": pl.Float64, "rank_p95": pl.Float64})
    wide = pillars.pivot(on="pillar", index=["year", "ccode"], values="score").sort("year", "ccode")
    scores = np.column_stack([wide[p].to_numpy().astype(np.float64) if p in wide.columns
                              else np.full(wide.height, np.nan) for p in names])
    present = ~np.isnan(scores)
    filled = np.where(present, scores, 0.0)
    year = wide["year"].to_numpy()
    starts = np.flatnonzero(np.r_[True, year[1:] != year[:-1]])
    q = np.full((3, wide.height), np.nan)
    with threadpool_limits(limits=1, user_api="blas"):  # small products: threads only wait
        for lo, hi in zip(starts, np.r_[starts[1:], year.size], strict=True):  # one step a year
            num = sampled @ filled[lo:hi].T  # (draws, states)
            den = sampled @ present[lo:hi].astype(np.float64).T
            with np.errstate(invalid="ignore", divide="ignore"):
                total = np.where(den > 0, num / den, np.nan)
            q[:, lo:hi] = _rank_percentiles(total, _ranks_desc(total))
    return pl.DataFrame({"ccode": wide["ccode"], "year": wide["year"],
                         "rank_p05": q[0], "rank_p50": q[1], "rank_p95": q[2]})


def _ranks_desc(scores: np.ndarray) -> np.ndarray:
    """Rank 1 = highest within each row (one draw per row, one state per column); NaN
    scores rank last (and are masked by the caller)."""
    filled = np.where(np.isnan(scores), -np.inf, scores)
    order = np.argsort(-filled, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, scores.shape[1] + 1)[None, :], axis=1)
    return ranks.astype(np.float64)


def _rank_percentiles(total: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """5th, 50th and 95th percentile of each state's ranks over the draws where it has a
    score (``numpy.nanpercentile`` per column, vectorised for the usual columns without
    gaps); NaN for a state scored in no draw."""
    missing = np.isnan(total)
    q = np.full((3, total.shape[1]), np.nan)
    whole = ~missing.any(axis=0)
    if whole.any():
        q[:, whole] = np.percentile(ranks[:, whole], [5, 50, 95], axis=0)
    partial = missing.any(axis=0) & ~missing.all(axis=0)
    if partial.any():
        q[:, partial] = np.nanpercentile(np.where(missing, np.nan, ranks)[:, partial],
                                         [5, 50, 95], axis=0)
    return q


def _power_gap(overall: pl.DataFrame, resources: pl.DataFrame) -> pl.DataFrame:
    """Residual of overall score on log(resources), OLS per year across the compared states."""
    data = overall.join(resources, on=["ccode", "year"], how="inner").filter(
        pl.col("score").is_not_null() & (pl.col("resource") > 0))
    out = []
    for (year,), block in data.partition_by("year", as_dict=True).items():  # one step a year
        x = np.log(block["resource"].to_numpy())
        y = block["score"].to_numpy()
        if x.size < 3:
            continue
        design = np.column_stack([np.ones_like(x), x])
        beta, *_ = np.linalg.lstsq(design, y, rcond=None)
        out.append(pl.DataFrame({"ccode": block["ccode"], "year": year,
                                 "expected": design @ beta, "power_gap": y - design @ beta}))
    return pl.concat(out) if out else pl.DataFrame(
        schema={"ccode": pl.Int32, "year": pl.Int32, "expected": pl.Float64,
                "power_gap": pl.Float64})
