"""The THAAD deployment in South Korea (2016-2017): what the posture data (troopdata: US
personnel and construction), arms transfers (SIPRI TIV) and UN voting (ideal points) show
around it, and what they cannot."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_A
from detente.guides._case import Case, Claim, Computed, Figure, Number
from detente.guides._data import engagement_frame, in_years
from detente.guides._plots import lines, shade_years

if TYPE_CHECKING:
    from detente.store import Store

USA, CHINA, ROK = 2, 710, 732
BEFORE = (2010, 2015)
DEPLOYMENT = (2016, 2017)
SITE = "Seongju"  # the county of the THAAD battery


def compute(store: Store) -> Computed:
    troops = engagement_frame(store, "deployment", actor=ROK).filter(
        (pl.col("ccode1") == USA) & (pl.col("ccode2") == ROK) & in_years(BEFORE[0], 9999)
    ).sort("year")

    def troops_in(year: int) -> float:
        return float(troops.filter(pl.col("year") == year)["magnitude"].sum())

    n: dict[str, Number] = {
        f"troops_{y}": Number(troops_in(y), f"US active-duty personnel in South Korea, {y}",
                              "personnel", ("us_presence",)) for y in (2015, 2016, 2017)}
    building = engagement_frame(store, "basing", actor=ROK).filter(
        (pl.col("source_table") == "us_construction") & (pl.col("ccode1") == USA))
    n |= {
        "projects": Number(building.height, "US military construction projects in South Korea "
                           "in the data", "projects", ("us_presence",)),
        "build_span": Number(f"{building['year'].min()}-{building['year'].max()}",
                             "Their years", "years", ("us_presence",)),
        "site_projects": Number(building.filter(pl.col("detail").str.contains(SITE)).height,
                                f"Of which at {SITE}", "projects", ("us_presence",)),
    }
    arms = engagement_frame(store, "arms_transfer", actor=ROK).filter(
        (pl.col("ccode1") == USA) & (pl.col("ccode2") == ROK))
    for y in DEPLOYMENT:
        n[f"tiv_{y}"] = Number(float(arms.filter(pl.col("year") == y)["magnitude"].sum()),
                               f"US arms delivered to South Korea, {y}", "TIV millions",
                               ("sipri_tiv",))
    ideal = pl.from_arrow(store.arrow(
        "SELECT year, ccode, idealpointfp FROM unga_idealpoints WHERE ccode IN (?, ?, ?) "
        "AND year >= ? AND idealpointfp IS NOT NULL", [USA, CHINA, ROK, BEFORE[0]]))
    assert isinstance(ideal, pl.DataFrame)
    wide = ideal.pivot("ccode", index="year", values="idealpointfp").sort("year")
    gap = wide.select("year", (pl.col(str(ROK)) - pl.col(str(CHINA))).abs().alias("china"),
                      (pl.col(str(ROK)) - pl.col(str(USA))).abs().alias("us"))
    before = gap.filter(in_years(*BEFORE))["china"]
    n |= {
        "gap_min": Number(float(before.min()), "Smallest South Korea-China ideal-point "  # type: ignore[arg-type]
                          f"distance, {BEFORE[0]}-{BEFORE[1]}", "ideal-point units",
                          ("unga_idealpoints",), ".2f"),
        "gap_max": Number(float(before.max()), "Largest, same years",  # type: ignore[arg-type]
                          "ideal-point units", ("unga_idealpoints",), ".2f"),
    }
    for y in DEPLOYMENT:
        n[f"gap_{y}"] = Number(float(gap.filter(pl.col("year") == y)["china"][0]),
                               f"South Korea-China ideal-point distance, {y}",
                               "ideal-point units", ("unga_idealpoints",), ".2f")

    t_years = troops["year"].to_list()
    fig_troops = shade_years(lines(t_years, {"US active duty in South Korea": troops[
        "magnitude"].to_list()}, f"US active-duty personnel in South Korea, {t_years[0]}–"
        f"{t_years[-1]}", "personnel", hover=",.0f"), *DEPLOYMENT, "THAAD deployed")
    g_years = gap["year"].to_list()
    fig_votes = shade_years(lines(g_years, {"South Korea-China": gap["china"].to_list(),
                                            "South Korea-United States": gap["us"].to_list()},
                                  f"Distance between UN General Assembly ideal points, "
                                  f"{g_years[0]}–{g_years[-1]}", "ideal-point distance",
                                  hover=".2f"), *DEPLOYMENT, "THAAD deployed")
    return Computed(n, (
        Figure("thaad-troops", fig_troops, "US active-duty personnel assigned to South Korea "
               "(DMDC via troopdata), 2016-2017 shaded.", ("us_presence",)),
        Figure("thaad-votes", fig_votes, "Absolute difference of yearly ideal points estimated "
               "from UN General Assembly votes (Bailey, Strezhnev and Voeten), 2016-2017 "
               "shaded.", ("unga_idealpoints",)),
    ), (ROK, USA, CHINA), ((USA, ROK), (ROK, CHINA)))


CASE = Case(
    id="thaad_korea",
    title="The THAAD deployment in South Korea",
    question="observe",
    seed_file=SEED_A,
    seed_passage="For instance, the sale of THAAD (Terminal High Altitude Area Defense) "
    "systems to South Korea highlights how military assets can facilitate diplomatic "
    "engagements and strengthen alliances.",
    summary="US personnel and military construction in South Korea (troopdata), US arms "
    "deliveries (SIPRI TIV) and South Korea's distance from China and the United States in UN "
    "votes (ideal points), before and during the 2016-2017 deployment.",
    compute=compute,
    shows=(
        Claim("The posture data do not register the battery: US active-duty personnel in "
              "South Korea numbered {troops_2015} in 2015, {troops_2016} in 2016 and "
              "{troops_2017} in 2017, and the {projects} US construction projects listed for "
              "{build_span} include {site_projects} at Seongju, the battery's site.",
              lambda v: v["troops_2016"] <= v["troops_2015"]
              and v["troops_2017"] <= v["troops_2015"] and v["site_projects"] == 0),
        Claim("Nor do UN votes show a break with China: the South Korea-China ideal-point "
              "distance was {gap_2016} in 2016 and {gap_2017} in 2017, inside its range of "
              "{gap_min} to {gap_max} in 2010-2015.",
              lambda v: v["gap_min"] <= v["gap_2016"] <= v["gap_max"]
              and v["gap_min"] <= v["gap_2017"] <= v["gap_max"]),
    ),
    limits=(
        Claim("The battery is operated by US forces rather than sold, and SIPRI's yearly TIV "
              "tables could not single out one system anyway: they give only totals (US "
              "deliveries to South Korea: {tiv_2016} TIV million in 2016, {tiv_2017} in "
              "2017)."),
        Claim("The deployment itself, and China's diplomatic and economic response, would "
              "need news event data for 2016-2017 or user-entered engagements; the open "
              "data in this store show only their absence."),
    ),
    map=("cinc", 2017),
)
