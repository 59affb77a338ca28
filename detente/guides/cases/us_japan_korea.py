"""The United States with Japan and South Korea in Asia: the three-way exercise network by
year (MME), its trilateral exercises, the alliance obligations between the three (ATOP) and
their tie strength."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number
from detente.guides._data import coverage, engagement_frame, exercises_between, in_years, yearly
from detente.guides._plots import lines
from detente.measures import tie_strength

if TYPE_CHECKING:
    from detente.store import Store

USA, JPN, ROK = 2, 740, 732
LABEL = {USA: "US", JPN: "Japan", ROK: "South Korea"}
TRIO = (USA, JPN, ROK)


def compute(store: Store) -> Computed:
    end = coverage(store, "mme")[1]
    ex = exercises_between(store, list(TRIO), list(TRIO)).filter(
        (pl.col("source_id") == "mme") & (pl.col("ccode") < pl.col("partner")))
    with_all = ex.group_by("event_id").agg(pl.col("year").first(),
                                           pl.len().alias("pairs")).filter(pl.col("pairs") == 3)
    n: dict[str, Number] = {
        "mme_last": Number(end, "Last year of MME", "year", ("mme",), "d"),
        "trilateral": Number(with_all.height, f"Exercises with all three, 1980-{end} (MME)",
                             "exercises", ("mme",)),
        "trilateral_2000s": Number(with_all.filter(in_years(2000, end)).height,
                                   f"Of which in 2000-{end}", "exercises", ("mme",)),
    }
    series: dict[str, list[float]] = {}
    years = list(range(1980, end + 1))
    for a, b in combinations(TRIO, 2):
        pair = ex.filter(pl.col("ccode").is_in([a, b]) & pl.col("partner").is_in([a, b]))
        key = f"{LABEL[a]}-{LABEL[b]}"
        n[f"ex_{LABEL[a].lower()}_{LABEL[b].lower().replace(' ', '_')}"] = Number(
            pair["event_id"].n_unique(), f"{key} exercises, 1980-{end} (MME)", "exercises",
            ("mme",))
        series[key] = yearly(pair, years, pl.col("event_id").n_unique())["all"]
    series["all three"] = yearly(with_all, years, pl.len())["all"]

    atop_last = coverage(store, "atop")[1]
    pledges = engagement_frame(store, "alliance", years=(atop_last, atop_last)).filter(
        pl.col("ccode1").is_in(TRIO) & pl.col("ccode2").is_in(TRIO)
        & pl.col("detail").str.contains("defense"))
    n["atop_last"] = Number(atop_last, "Last year of ATOP", "year", ("atop",), "d")
    n["us_pledges"] = Number(pledges.filter(pl.col("ccode1") == USA).height,
                             f"US defence pledges to Japan and South Korea, {atop_last}",
                             "pledges", ("atop",))
    n["jk_pledges"] = Number(pledges.filter(pl.col("ccode1").is_in([JPN, ROK])
                                            & pl.col("ccode2").is_in([JPN, ROK])).height,
                             f"Defence pledges between Japan and South Korea, {atop_last}",
                             "pledges", ("atop",))
    ties = pl.from_arrow(tie_strength(store, years=end))
    assert isinstance(ties, pl.DataFrame)
    for a, b in combinations(TRIO, 2):
        row = ties.filter((pl.col("ccode1") == min(a, b)) & (pl.col("ccode2") == max(a, b)))
        n[f"tie_{LABEL[a].lower()}_{LABEL[b].lower().replace(' ', '_')}"] = Number(
            float(row["tie_strength"][0]), f"Tie strength {LABEL[a]}-{LABEL[b]}, {end}",
            "0-1", ("atop", "sipri_tiv", "mme", "un_pko", "cow_igo", "unvotes"), ".2f")

    fig = lines(years, series, f"Exercises among the United States, Japan and South Korea, "
                f"1980–{end}", "exercises per year (MME)", hover=".0f")
    return Computed(n, (
        Figure("us-jpn-rok-exercises", fig, "Exercises per year for each pair of the three "
               "and those with all three (MME; a trilateral exercise also counts for each "
               "pair).", ("mme",)),
    ), TRIO, tuple(combinations(TRIO, 2)))


CASE = Case(
    id="us_japan_korea",
    title="The United States with Japan and South Korea in Asia",
    question="measure",
    seed_file=SEED_B,
    seed_passage="The U.S. conducts joint exercises with allies like Japan and South Korea, "
    "aiming to project strength and deter aggression in the region.",
    summary="The exercise network of the three by year and its trilateral exercises (MME v7), "
    "defence pledges between them (ATOP 5.1) and their tie strength.",
    compute=compute,
    shows=(
        Claim("MME records {ex_us_japan} US-Japan and {ex_us_south_korea} US-South Korea "
              "exercises in 1980-{mme_last} but only {ex_japan_south_korea} between Japan and "
              "South Korea, and {trilateral} with all three, {trilateral_2000s} of them in "
              "2000-{mme_last}.",
              lambda v: v["ex_japan_south_korea"] < min(v["ex_us_japan"], v["ex_us_south_korea"])
              and 2 * v["trilateral_2000s"] > v["trilateral"]),
        Claim("The alliances have the same hub-and-spokes shape: in {atop_last} ATOP records "
              "{us_pledges} US defence pledges, to Japan and to South Korea, and {jk_pledges} "
              "between Japan and South Korea; in {mme_last} the Japan-South Korea tie "
              "strength was {tie_japan_south_korea}, against {tie_us_japan} (US-Japan) and "
              "{tie_us_south_korea} (US-South Korea).",
              lambda v: v["us_pledges"] == 2 and v["jk_pledges"] == 0
              and v["tie_japan_south_korea"] < min(v["tie_us_japan"], v["tie_us_south_korea"])),
    ),
    limits=(
        Claim("Whether the exercises deter anyone is not something counts of exercises can "
              "show, and MME ends in {mme_last}: the trilateral drills of later years must be "
              "entered by the user."),
    ),
    map=("defence_centrality", 2010),
)
