"""The United States and the Gulf Cooperation Council states: arms deliveries (SIPRI TIV),
joint exercises (MME, JME) and US forces in the six states (troopdata)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.actors import resolve_actor
from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number
from detente.guides._data import (
    coverage,
    decades,
    engagement_frame,
    exercises_between,
    in_years,
    period_of,
    share,
    yearly,
)
from detente.guides._plots import bars, lines, period_label

if TYPE_CHECKING:
    from detente.store import Store

USA = 2
GCC = ("SAU", "KWT", "BHR", "QAT", "ARE", "OMN")


def compute(store: Store) -> Computed:
    gcc = [resolve_actor(store, code).ccode for code in GCC]
    arms = engagement_frame(store, "arms_transfer").filter(pl.col("ccode2").is_in(gcc))
    first, last = int(arms["year"].min()), int(arms["year"].max())  # type: ignore[arg-type]
    from_us = pl.col("ccode1") == USA
    whole = [d for d in decades(first, last) if d[1] == d[0] + 9]
    per_decade = arms.with_columns(period_of(whole).alias("decade")).drop_nulls(
        "decade").group_by("decade").agg(pl.col("magnitude").sum().alias("all"),
                                         pl.col("magnitude").filter(from_us).sum().alias("us"))
    biggest = per_decade.sort("all", descending=True).row(0, named=True)
    n: dict[str, Number] = {
        "arms_span": Number(f"{first}-{last}", "Years of the SIPRI data", "years",
                            ("sipri_tiv",)),
        "us_share": Number(share(float(arms.filter(from_us)["magnitude"].sum()),
                                 float(arms["magnitude"].sum())),
                           "US share of the GCC states' arms imports", "%", ("sipri_tiv",),
                           ".0f"),
        "top_decade": Number(period_label(biggest["decade"], biggest["decade"] + 9),
                             "The whole decade of their largest imports",
                             "decade", ("sipri_tiv",)),
        "top_decade_tiv": Number(biggest["all"], "Their imports that decade", "TIV millions",
                                 ("sipri_tiv",)),
        "top_decade_us_share": Number(share(biggest["us"], biggest["all"]), "US share that "
                                      "decade", "%", ("sipri_tiv",), ".0f"),
    }
    end = coverage(store, "mme", "jme")[1]
    ex = exercises_between(store, [USA], gcc)
    mme = ex.filter(pl.col("source_id") == "mme")
    n |= {
        "mme_1980s": Number(mme.filter(in_years(1980, 1989))["event_id"].n_unique(),
                            "US exercises with GCC states, 1980-1989 (MME)", "exercises",
                            ("mme",)),
        "mme_1990s": Number(mme.filter(in_years(1990, 1999))["event_id"].n_unique(),
                            "US exercises with GCC states, 1990-1999 (MME)", "exercises",
                            ("mme",)),
        "partners_1990s": Number(mme.filter(in_years(1990, 1999))["partner"].n_unique(),
                                 "GCC states in them", "states", ("mme",)),
        "exercise_last": Number(end, "Last year of the exercise data", "year", ("mme", "jme"),
                                "d"),
    }
    troops = engagement_frame(store, "deployment").filter(
        (pl.col("ccode1") == USA) & pl.col("ccode2").is_in(gcc))
    per_year = troops.group_by("year").agg(pl.col("magnitude").sum()).sort("year")
    peak = per_year.sort("magnitude", descending=True).row(0, named=True)
    n |= {
        "troops_peak": Number(peak["magnitude"], "Most US active-duty personnel in the six "
                              "states in a year", "personnel", ("us_presence",)),
        "troops_peak_year": Number(peak["year"], "That year", "year", ("us_presence",), "d"),
    }

    years = list(range(first, last + 1))
    supplier = arms.with_columns(pl.when(from_us).then(pl.lit("United States"))
                                 .otherwise(pl.lit("all other suppliers")).alias("supplier"))
    flows = yearly(supplier, years, pl.col("magnitude").sum(), by="supplier")
    fig_arms = bars(years, {k: flows[k] for k in ("United States", "all other suppliers")},
                    f"Arms imports of the GCC states, {first}–{last}", "TIV millions",
                    stacked=True)
    ex_years = list(range(1980, end + 1))
    per_source = yearly(ex, ex_years, pl.col("event_id").n_unique(), by="source_id")
    fig_ex = lines(ex_years, {s.upper(): v for s, v in per_source.items()},
                   f"Exercises of the United States with GCC states, 1980–{end}",
                   "exercises per year", hover=".0f")
    return Computed(n, (
        Figure("us-gcc-arms", fig_arms, "Major arms delivered to Saudi Arabia, Kuwait, "
               "Bahrain, Qatar, the United Arab Emirates and Oman, from the United States and "
               "from everyone else (TIV: a volume index, not the price paid).", ("sipri_tiv",)),
        Figure("us-gcc-exercises", fig_ex, "Exercises of the United States with at least one "
               "GCC state, per year, as MME and JME record them (never added: they overlap).",
               ("mme", "jme")),
    ), (USA, *gcc), tuple((USA, g) for g in gcc))


CASE = Case(
    id="us_gcc",
    title="The United States and the Gulf Cooperation Council states",
    question="observe",
    seed_file=SEED_B,
    seed_passage="The U.S. and Gulf Cooperation Council (GCC) states engage in military "
    "training and arms deals, leveraging soft power to bolster security and stability against "
    "common threats, such as terrorism.",
    summary="Arms deliveries to the six GCC states by supplier (SIPRI TIV), US exercises with "
    "them (MME v7, JME v3) and US forces stationed there (troopdata).",
    compute=compute,
    shows=(
        Claim("The United States delivered {us_share}% of the major arms the six GCC states "
              "imported in {arms_span} (SIPRI TIV), and {top_decade_us_share}% in the "
              "{top_decade}, the decade of their largest imports ({top_decade_tiv} TIV "
              "million).",
              lambda v: v["us_share"] > 40 and v["top_decade_us_share"] > 50),
        Claim("Exercises jumped with the 1990s: MME records {mme_1980s} US exercises with GCC "
              "states in the 1980s and {mme_1990s} in the 1990s ({partners_1990s} of the six "
              "states took part); US active-duty personnel in the six peaked at {troops_peak} in "
              "{troops_peak_year}.",
              lambda v: v["mme_1990s"] > 5 * v["mme_1980s"]),
    ),
    limits=(
        Claim("The data show volumes, not deals: TIV values deliveries of weapons, not the "
              "money paid or the training and support sold with them, and the exercise data "
              "end in {exercise_last}. Training courses and the aims the seed names "
              "(counter-terrorism, soft power) are not recorded."),
    ),
    map=("milex_share", 2010),
)
