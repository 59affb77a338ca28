"""The United States and South Korea: joint exercises (MME, JME), US forces in Korea
(troopdata) and US arms deliveries (SIPRI TIV); cultural exchange is not in the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number, UserEntry
from detente.guides._data import (
    coverage,
    engagement_frame,
    exercises_between,
    in_years,
    share,
    yearly,
)
from detente.guides._plots import lines

if TYPE_CHECKING:
    from detente.store import Store

USA, ROK = 2, 732


def compute(store: Store) -> Computed:
    end = coverage(store, "mme", "jme")[1]
    ex = exercises_between(store, [USA], [ROK])
    mme = ex.filter(pl.col("source_id") == "mme")
    n: dict[str, Number] = {
        "exercise_last": Number(end, "Last year of the exercise data", "year", ("mme", "jme"),
                                "d"),
        "mme_total": Number(mme["event_id"].n_unique(), f"US-South Korea exercises, 1980-{end} "
                            "(MME)", "exercises", ("mme",)),
        "jme_total": Number(ex.filter(pl.col("source_id") == "jme")["event_id"].n_unique(),
                            f"US-South Korea exercises, 1974-{end} (JME)", "exercises",
                            ("jme",)),
        "mme_1980s": Number(mme.filter(in_years(1980, 1989))["event_id"].n_unique(),
                            "US-South Korea exercises, 1980-1989 (MME)", "exercises", ("mme",)),
        "mme_2000s": Number(mme.filter(in_years(2000, end))["event_id"].n_unique(),
                            f"US-South Korea exercises, 2000-{end} (MME)", "exercises",
                            ("mme",)),
    }
    troops = engagement_frame(store, "deployment", actor=ROK).filter(
        (pl.col("ccode1") == USA) & (pl.col("ccode2") == ROK))
    t_last = troops.sort("year").row(-1, named=True)
    n |= {
        "troops_1960s": Number(troops.filter(in_years(1960, 1969))["magnitude"].mean(),
                               "US active-duty personnel in South Korea, mean of 1960-1969",
                               "personnel", ("us_presence",)),
        "troops_last": Number(t_last["magnitude"], "US active-duty personnel in South Korea, "
                              "latest year", "personnel", ("us_presence",)),
        "troops_last_year": Number(t_last["year"], "Latest year of the troop data", "year",
                                   ("us_presence",), "d"),
    }
    arms = engagement_frame(store, "arms_transfer", actor=ROK).filter(pl.col("ccode2") == ROK)
    us = float(arms.filter(pl.col("ccode1") == USA)["magnitude"].sum())
    first, last = int(arms["year"].min()), int(arms["year"].max())  # type: ignore[arg-type]
    n |= {
        "us_share": Number(share(us, float(arms["magnitude"].sum())), "US share of South "
                           f"Korea's arms imports, {first}-{last}", "%", ("sipri_tiv",), ".0f"),
        "arms_span": Number(f"{first}-{last}", "Years of the SIPRI data", "years",
                            ("sipri_tiv",)),
    }
    exchanges = engagement_frame(store, "education_exchange", actor=ROK)
    n["exchanges"] = Number(exchanges.filter((pl.col("ccode1") == USA)
                                             | (pl.col("ccode2") == USA)).height,
                            "Military education or cultural exchanges between the two in the "
                            "store", "engagements", ("user",))

    years = list(range(1980, end + 1))
    per_year = yearly(ex, years, pl.col("event_id").n_unique(), by="source_id")
    fig_ex = lines(years, {s.upper(): v for s, v in per_year.items()},
                   f"Exercises of the United States with South Korea, 1980–{end}",
                   "exercises per year", hover=".0f")
    t_years = troops["year"].sort().to_list()
    fig_troops = lines(t_years, {"US active duty in South Korea": troops.sort("year")[
        "magnitude"].to_list()}, f"US active-duty personnel in South Korea, "
        f"{t_years[0]}–{t_years[-1]}", "personnel", hover=",.0f")
    return Computed(n, (
        Figure("us-rok-exercises", fig_ex, "Exercises with both states, per year, as MME and "
               "JME record them (never added: they overlap).", ("mme", "jme")),
        Figure("us-rok-troops", fig_troops, "US active-duty personnel assigned to South "
               "Korea (DMDC via troopdata).", ("us_presence",)),
    ), (USA, ROK), ((USA, ROK),))


CASE = Case(
    id="us_south_korea",
    title="The United States and South Korea",
    question="observe",
    seed_file=SEED_B,
    seed_passage="A notable example is the United States’ collaboration with South Korea. "
    "Through joint military exercises paired with cultural exchange programs, both countries "
    "reinforce their security partnership while promoting mutual understanding.",
    summary="Joint exercises by year (MME v7, JME v3), US active-duty personnel in South "
    "Korea (troopdata) and the US share of South Korea's arms imports (SIPRI TIV).",
    compute=compute,
    shows=(
        Claim("MME records {mme_total} exercises of the United States with South Korea in "
              "1980-{exercise_last}, rising from {mme_1980s} in the 1980s to {mme_2000s} in "
              "2000-{exercise_last} (JME, which overlaps it, records {jme_total}).",
              lambda v: v["mme_2000s"] > v["mme_1980s"]),
        Claim("Over the same decades the US presence thinned: a mean of {troops_1960s} "
              "active-duty personnel in the 1960s, {troops_last} in {troops_last_year}; and "
              "the United States supplied {us_share}% of South Korea's major arms imports in "
              "{arms_span}.",
              lambda v: v["troops_last"] < v["troops_1960s"] and v["us_share"] > 50),
    ),
    limits=(
        Claim("Cultural exchange, the other half of the seed's claim, is in no open source: "
              "the store holds {exchanges} military education or cultural exchanges between "
              "the two, so it can neither confirm nor weigh the exchange programmes.",
              lambda v: v["exchanges"] == 0),
        Claim("The exercise data end in {exercise_last}; later exercises must be entered by "
              "the user."),
    ),
    map=("defence_centrality", 2010),
    user_entry=UserEntry(
        "education_exchange", "made_up_us_korea_exchanges.csv",
        "Exchange programmes (officers at each other's staff colleges, cadet exchanges, "
        "cultural programmes of the forces) are not in any open dataset; enter them as "
        "education and cultural exchanges, one row per programme and year."),
)
