"""India's military diplomacy in Southeast Asia: its exercise partners among the region's
states by decade (MME, JME), and the region's arms suppliers by decade with India's share
(SIPRI TIV)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.actors import states_in_region
from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number, UserEntry
from detente.guides._data import (
    coverage,
    decades,
    engagement_frame,
    exercises_between,
    in_years,
    names,
    period_of,
    share,
    yearly,
)
from detente.guides._plots import bars, lines, period_axis, period_label

if TYPE_CHECKING:
    from detente.store import Store

INDIA = 750


def compute(store: Store) -> Computed:
    sea = states_in_region(store, "South-eastern Asia")
    end = coverage(store, "mme", "jme")[1]
    ex = exercises_between(store, [INDIA], sea)
    n: dict[str, Number] = {
        "sea_states": Number(len(sea), "Southeast Asian states (UN sub-region)", "states",
                             ("countrycode",)),
        "exercise_last": Number(end, "Last year of the exercise data", "year", ("mme", "jme"),
                                "d"),
    }
    first = ex.sort("year", "partner").row(0, named=True)
    n["first_year"] = Number(first["year"], "First exercise of India with a Southeast Asian "
                             "state (MME or JME)", "year", (first["source_id"],), "d")
    n["first_partner"] = Number(names(store, [first["partner"]])[str(first["partner"])],
                                "Its partner", "state", (first["source_id"],))
    for label, lo, hi in (("1990s", 1990, 1999), ("2000s", 2000, end)):
        span = ex.filter(in_years(lo, hi))
        n[f"partners_{label}"] = Number(
            span["partner"].n_unique(), f"Southeast Asian states exercising with India, "
            f"{lo}-{hi} (MME or JME)", "states", ("mme", "jme"))
        n[f"mme_{label}"] = Number(
            span.filter(pl.col("source_id") == "mme")["event_id"].n_unique(),
            f"Exercises of India with Southeast Asian states, {lo}-{hi} (MME)", "exercises",
            ("mme",))

    arms = engagement_frame(store, "arms_transfer").filter(pl.col("ccode2").is_in(sea))
    arms_first, arms_end = int(arms["year"].min()), int(arms["year"].max())  # type: ignore[arg-type]
    by_supplier = arms.group_by("actor1").agg(pl.col("magnitude").sum()).sort(
        "magnitude", descending=True)
    total = float(by_supplier["magnitude"].sum())
    india = float(arms.filter(pl.col("ccode1") == INDIA)["magnitude"].sum())
    periods = decades(arms_first, arms_end)
    tagged = arms.with_columns(period_of(periods).alias("decade"))
    per_decade = tagged.group_by("decade").agg(
        pl.col("magnitude").sum().alias("all"),
        pl.col("magnitude").filter(pl.col("ccode1") == INDIA).sum().alias("india"))
    best = per_decade.with_columns((pl.col("india") / pl.col("all")).alias("s")).sort(
        "s", descending=True).row(0, named=True)
    top = by_supplier["actor1"].head(4).to_list()
    label = names(store, [*top, str(INDIA)])
    n |= {
        "arms_first": Number(arms_first, "First year of the SIPRI data", "year",
                             ("sipri_tiv",), "d"),
        "arms_last": Number(arms_end, "Last year of the SIPRI data", "year", ("sipri_tiv",),
                            "d"),
        "sea_tiv": Number(total, "Arms imports of Southeast Asian states", "TIV millions",
                          ("sipri_tiv",)),
        "india_tiv": Number(india, "Of which supplied by India", "TIV millions",
                            ("sipri_tiv",)),
        "india_share": Number(share(india, total), "India's share", "%", ("sipri_tiv",),
                              ".1f"),
        "india_share_max": Number(share(best["india"], best["all"]),
                                  "India's largest share in any decade", "%", ("sipri_tiv",),
                                  ".1f"),
        "india_share_max_decade": Number(period_label(best["decade"],
                                                      dict(periods)[best["decade"]]),
                                         "The decade of that share", "decade",
                                         ("sipri_tiv",)),
        "top1": Number(label[top[0]], "Largest supplier", "state", ("sipri_tiv",)),
        "top2": Number(label[top[1]], "Second-largest supplier", "state", ("sipri_tiv",)),
    }
    dialogues = engagement_frame(store, "defence_visit", actor=INDIA)
    n["india_dialogues"] = Number(
        dialogues.filter(pl.col("ccode1").is_in(sea) | pl.col("ccode2").is_in(sea)).height,
        "Defence visits or dialogues between India and Southeast Asian states in the store",
        "engagements", ("us_presence",))

    years = list(range(1980, end + 1))
    per_year = yearly(ex, years, pl.col("event_id").n_unique(), by="source_id")
    fig_ex = lines(years, {s.upper(): v for s, v in per_year.items()},
                   f"Exercises of India with Southeast Asian states, 1980–{end}",
                   "exercises per year", hover=".0f")
    shown = [*top, str(INDIA)]
    stacked = tagged.with_columns(pl.when(pl.col("actor1").is_in(shown)).then(pl.col("actor1"))
                                   .otherwise(pl.lit("others")).alias("supplier"))
    dec = [lo for lo, _ in periods]
    series = {label.get(s, s): v for s, v in yearly(
        stacked, dec, pl.col("magnitude").sum(), by="supplier", on="decade").items()}
    order = [label[s] for s in shown] + ["others"]
    fig_arms = period_axis(bars(dec, {k: series[k] for k in order},
                                f"Arms imports of Southeast Asian states by supplier, "
                                f"{dec[0]}–{arms_end}", "TIV millions", stacked=True), periods)
    return Computed(n, (
        Figure("india-sea-exercises", fig_ex, "Exercises India held with Southeast Asian "
               "states per year, as MME and JME record them (never added: they overlap).",
               ("mme", "jme")),
        Figure("india-sea-arms", fig_arms, "Major arms delivered to Southeast Asian states "
               "per decade by the four largest suppliers, India, and all others.",
               ("sipri_tiv",)),
    ), (INDIA, *sea), tuple((INDIA, s) for s in sorted(ex["partner"].unique().to_list())))


CASE = Case(
    id="india_southeast_asia",
    title="India's military diplomacy in Southeast Asia",
    question="observe",
    seed_file=SEED_B,
    seed_passage="India’s military diplomacy in Southeast Asia further illustrates successful "
    "integration. By participating in joint training exercises and defense dialogues, India "
    "strengthens regional security ties.",
    summary="India's exercise partners among the eleven Southeast Asian states by decade "
    "(MME v7, JME v3) and the region's arms suppliers by decade with India's share "
    "(SIPRI TIV).",
    compute=compute,
    shows=(
        Claim("Neither exercise dataset records an exercise between India and a Southeast "
              "Asian state before {first_year}, with {first_partner}.",
              lambda v: v["first_year"] >= 1990),
        Claim("India exercised with {partners_1990s} of the region's {sea_states} states in "
              "the 1990s and with {partners_2000s} in 2000-{exercise_last} (MME: {mme_1990s} "
              "exercises, then {mme_2000s}).",
              lambda v: v["partners_2000s"] > v["partners_1990s"]
              and v["mme_2000s"] > v["mme_1990s"]),
        Claim("Arms are another matter: of the {sea_tiv} TIV million of major arms the region "
              "imported in {arms_first}-{arms_last}, India supplied {india_tiv} "
              "({india_share}%; at most {india_share_max}%, in {india_share_max_decade}), "
              "while {top1} and {top2} supplied the most.",
              lambda v: v["india_share"] < 1),
    ),
    limits=(
        Claim("Defence dialogues are not in the open data: the store holds {india_dialogues} "
              "defence visits or dialogues between India and these states (its only visit "
              "records are of US officials).", lambda v: v["india_dialogues"] == 0),
        Claim("The exercise data end in {exercise_last}, and the cultural and educational "
              "outreach the seed pairs with the exercises is not in the store."),
    ),
    map=("defence_centrality", 2010),
    user_entry=UserEntry(
        "defence_visit", "made_up_india_defence_dialogues.csv",
        "Defence dialogues and staff talks are recorded nowhere in the open data; enter "
        "them as defence visits, one row per meeting."),
)
