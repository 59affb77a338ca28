"""Reading the store for the case studies: engagements as polars frames, exercises between
two groups of states, zero-filled yearly series, state names, and the years a source covers
in full.

Everything goes through the public readers (:func:`detente.engagements.engagements`, the
store's tables); MME and JME are always counted apart, since they often record the same
exercise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import polars as pl

from detente.engagements import engagements

if TYPE_CHECKING:
    from detente.store import Store

EXERCISE_SOURCES = ("mme", "jme")


def engagement_frame(store: Store, instrument: str, *, actor: int | str | None = None,
                     years: tuple[int, int] | None = None) -> pl.DataFrame:
    """Engagements of one instrument (open data and user imports) as a polars frame."""
    frame = pl.from_arrow(engagements(store, instrument=instrument,
                                      actor=None if actor is None else str(actor), years=years))
    assert isinstance(frame, pl.DataFrame)
    return frame


def exercises_between(store: Store, side: Sequence[int], others: Sequence[int]
                      ) -> pl.DataFrame:
    """One row per exercise and pair of participants with one state in ``side`` and the other
    in ``others``: ``source_id`` (mme or jme), ``event_id``, ``year``, ``ccode`` (the state
    of ``side``) and ``partner`` (the state of ``others``)."""
    frame = engagement_frame(store, "exercise").filter(pl.col("year").is_not_null())
    one = frame.filter(pl.col("ccode1").is_in(side) & pl.col("ccode2").is_in(others)).select(
        "source_id", "event_id", "year", pl.col("ccode1").alias("ccode"),
        pl.col("ccode2").alias("partner"))
    two = frame.filter(pl.col("ccode2").is_in(side) & pl.col("ccode1").is_in(others)).select(
        "source_id", "event_id", "year", pl.col("ccode2").alias("ccode"),
        pl.col("ccode1").alias("partner"))
    return pl.concat([one, two]).unique().sort("source_id", "year", "event_id", "partner")


def yearly(frame: pl.DataFrame, years: Iterable[int], value: pl.Expr, *,
           by: str | None = None, on: str = "year") -> dict[str, list[float]]:
    """``value`` per year (or per value of ``on``, such as a decade), zero where the frame has
    no row, one series per value of ``by`` (or one series named ``"all"``)."""
    span = pl.DataFrame({on: list(years)}, schema={on: pl.Int32})
    groups = [None] if by is None else sorted(frame[by].unique().to_list())
    out: dict[str, list[float]] = {}
    for group in groups:
        part = frame if group is None else frame.filter(pl.col(by) == group)
        totals = part.group_by(on).agg(value.cast(pl.Float64).alias("v")).with_columns(
            pl.col(on).cast(pl.Int32))
        series = span.join(totals, on=on, how="left").sort(on)["v"].fill_null(0.0)
        out["all" if group is None else str(group)] = series.to_list()
    return out


def in_years(lo: int, hi: int) -> pl.Expr:
    return pl.col("year").is_between(lo, hi)


def decades(first: int, last: int) -> list[tuple[int, int]]:
    """``(1950, 1959), ..., (2020, 2021)``: the decades from ``first`` to ``last``, the last
    one cut at ``last``."""
    return [(d, min(d + 9, last)) for d in range(first // 10 * 10, last + 1, 10)]


def period_of(periods: Sequence[tuple[int, int]]) -> pl.Expr:
    """The first year of the period (first, last) each row's ``year`` falls in (else null)."""
    expr = pl.lit(None, dtype=pl.Int32)
    for lo, hi in reversed(periods):
        expr = pl.when(in_years(lo, hi)).then(pl.lit(lo, dtype=pl.Int32)).otherwise(expr)
    return expr


def names(store: Store, actors: Iterable[int | str]) -> dict[str, str]:
    """Actor names by actor id (a state's id is its COW code as text), from the store."""
    wanted = sorted({str(a) for a in actors})
    if not wanted:
        return {}
    rows = store.rows("SELECT actor_id, name FROM actors WHERE actor_id IN ("
                      + ", ".join("?" for _ in wanted) + ")", wanted)
    return {str(a): str(n) for a, n in rows}


def coverage(store: Store, *sources: str) -> tuple[int, int]:
    """The first and last year the tables of ``sources`` cover in this store (provenance)."""
    marks = ", ".join("?" for _ in sources)
    lo, hi = store.rows("SELECT min(coverage_start), max(coverage_end) FROM provenance "
                        f"WHERE source_id IN ({marks})", list(sources))[0]
    if lo is None or hi is None:
        raise LookupError(f"none of {', '.join(sources)} is loaded with a coverage")
    return int(lo), int(hi)


def peacekeeping_years(store: Store) -> tuple[list[int], list[int]]:
    """UN peacekeeping years the source covers in full, and those it covers only in part.

    A year is partial when its world total of uniformed personnel is under half the median
    year's, or fewer than half the median number of states contributed: the yearly means
    are computed from the monthly reports present, so a year with months missing (2010
    starts late; 2017 and 2021 lack months in this release) shows every country too low.
    """
    rows = store.rows(
        "SELECT year, sum(magnitude), count(DISTINCT actor1) FROM all_engagements "
        "WHERE instrument = 'peacekeeping' AND source_id = 'un_pko' AND magnitude > 0 "
        "GROUP BY year ORDER BY year")
    totals = pl.DataFrame(rows, schema=["year", "total", "states"], orient="row")
    total_median = float(totals["total"].median() or 0.0)
    states_median = float(totals["states"].median() or 0.0)
    full = totals.filter((pl.col("total") >= total_median / 2)
                         & (pl.col("states") >= states_median / 2))["year"].to_list()
    partial = [y for y in totals["year"].to_list() if y not in full]
    return full, partial


def mme_purposes(store: Store) -> pl.DataFrame:
    """Every MME exercise and participant with its purpose flags: ``event_id``, ``year``,
    ``ccode``, ``humanitarian``, ``peacekeeping``, ``warfighting`` (0/1 as MME codes them)."""
    flags = pl.from_arrow(store.arrow(
        "SELECT source_row, humanitarian, peacekeeping, warfighting FROM mme_exercises"))
    assert isinstance(flags, pl.DataFrame)
    frame = engagement_frame(store, "exercise").filter(pl.col("source_id") == "mme")
    ends = pl.concat([frame.select("event_id", "year", "source_row", pl.col(c).alias("ccode"))
                      for c in ("ccode1", "ccode2")]).unique()
    return ends.join(flags, on="source_row", how="left").drop("source_row")


def year_ranges(years: Iterable[int]) -> str:
    """``2011-2016, 2018-2020`` for a set of years."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def share(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole`` (0 when ``whole`` is 0)."""
    return 100.0 * part / whole if whole else 0.0
