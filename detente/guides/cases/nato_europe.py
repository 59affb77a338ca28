"""NATO in Europe: membership and the similarity of members' alliance portfolios (ATOP,
Cohen's kappa), against members paired with other European states, and US forces on NATO's
eastern flank (troopdata)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number
from detente.guides._data import coverage, engagement_frame, in_years
from detente.guides._plots import lines
from detente.measures import alliance_similarity

if TYPE_CHECKING:
    from detente.store import Store

NATO_ATOPID = 3180  # the North Atlantic Treaty in ATOP
EUROPE = (200, 399)  # COW numbers of European states
EAST = {290: "Poland", 366: "Estonia", 367: "Latvia", 368: "Lithuania"}
POLAND = 290


def members(store: Store, years: range) -> pl.DataFrame:
    """NATO members by year (``year``, ``ccode``) from ATOP's member file; ATOP dates
    obligations from signature, and ``yrexit = 0`` means still a member."""
    spells = pl.from_arrow(store.arrow(
        "SELECT member AS ccode, yrent, CASE WHEN yrexit = 0 THEN 9999 ELSE yrexit END AS yrexit "
        "FROM atop_members WHERE atopid = ?", [NATO_ATOPID]))
    assert isinstance(spells, pl.DataFrame)
    return (pl.DataFrame({"year": list(years)}).join(spells, how="cross")
            .filter(pl.col("year").is_between(pl.col("yrent"), pl.col("yrexit")))
            .select(pl.col("year").cast(pl.Int32), pl.col("ccode").cast(pl.Int32)).unique())


def compute(store: Store) -> Computed:
    first = int(store.rows("SELECT begyr FROM atop_alliances WHERE atopid = ?",
                           [NATO_ATOPID])[0][0])
    last = coverage(store, "atop")[1]
    years = range(first, last + 1)
    nato = members(store, years).with_columns(pl.lit(True).alias("member"))
    sim = pl.from_arrow(alliance_similarity(store, years=(first, last), columns=("kappa",)))
    assert isinstance(sim, pl.DataFrame)
    pairs = (sim.filter(pl.col("ccode1") < pl.col("ccode2"))
             .join(nato.rename({"ccode": "ccode1", "member": "m1"}), on=["year", "ccode1"],
                   how="left")
             .join(nato.rename({"ccode": "ccode2", "member": "m2"}), on=["year", "ccode2"],
                   how="left")
             .with_columns(pl.col("m1").fill_null(False), pl.col("m2").fill_null(False)))

    def european(col: str) -> pl.Expr:
        return pl.col(col).is_between(*EUROPE)

    kind = (pl.when(pl.col("m1") & pl.col("m2")).then(pl.lit("within NATO"))
            .when((pl.col("m1") & ~pl.col("m2") & european("ccode2"))
                  | (pl.col("m2") & ~pl.col("m1") & european("ccode1")))
            .then(pl.lit("NATO member with other European state")).otherwise(None))
    # Sorting the values first makes the sums, hence the means, identical from run to run.
    means = (pairs.with_columns(kind.alias("pair")).filter(pl.col("pair").is_not_null())
             .group_by("year", "pair").agg(pl.col("kappa").sort().mean()).pivot(
                 "pair", index="year", values="kappa").sort("year"))
    means = means.with_columns((pl.col("within NATO")
                                - pl.col("NATO member with other European state")).alias("gap"))
    counts = nato.group_by("year").len().sort("year")

    def mean_of(col: str, lo: int, hi: int) -> float:
        return float(means.filter(in_years(lo, hi))[col].mean())  # type: ignore[arg-type]

    cross = "NATO member with other European state"
    n: dict[str, Number] = {
        "first": Number(first, "NATO's first year in ATOP", "year", ("atop",), "d"),
        "last": Number(last, "Last year of ATOP", "year", ("atop",), "d"),
        "members_first": Number(counts["len"][0], f"NATO members in {first}", "states",
                                ("atop",)),
        "members_last": Number(counts["len"][-1], f"NATO members in {last}", "states",
                               ("atop",)),
        "kappa_within_cold": Number(mean_of("within NATO", first, 1989), "Mean kappa between "
                                    f"NATO members, {first}-1989", "kappa", ("atop",), ".2f"),
        "kappa_cross_cold": Number(mean_of(cross, first, 1989), "Mean kappa between NATO "
                                   f"members and other European states, {first}-1989",
                                   "kappa", ("atop",), ".2f"),
        "kappa_within_post": Number(mean_of("within NATO", 1990, last), "Mean kappa between "
                                    f"NATO members, 1990-{last}", "kappa", ("atop",), ".2f"),
        "kappa_cross_post": Number(mean_of(cross, 1990, last), "Mean kappa between NATO "
                                   f"members and other European states, 1990-{last}",
                                   "kappa", ("atop",), ".2f"),
        "min_gap": Number(float(means["gap"].min()), "Smallest yearly gap between the two "  # type: ignore[arg-type]
                          "means", "kappa", ("atop",), ".2f"),
        "poland_entry": Number(int(store.rows(
            "SELECT min(yrent) FROM atop_members WHERE atopid = ? AND member = ?",
            [NATO_ATOPID, POLAND])[0][0]), "Poland's first year in NATO according to ATOP",
            "year", ("atop",), "d"),
    }
    steps = means.with_columns(pl.col(cross).diff().alias("rise")).drop_nulls("rise")
    jump = steps.sort("rise", descending=True).row(0, named=True)
    pact = store.rows(
        "SELECT a.atopid, count(DISTINCT m.member) AS n FROM atop_alliances a JOIN atop_members m "
        "USING (atopid) WHERE a.begyr = ? GROUP BY a.atopid ORDER BY n DESC, a.atopid LIMIT 1",
        [jump["year"]])[0]
    n |= {
        "jump_year": Number(jump["year"], "Year of the largest one-year rise in the kappa of "
                            "members with other European states", "year", ("atop",), "d"),
        "jump": Number(jump["rise"], "That rise", "kappa", ("atop",), ".2f"),
        "cross_rise": Number(float(means[cross][-1] - means[cross][0]), "The whole rise, "
                             f"{first}-{last}", "kappa", ("atop",), ".2f"),
        "jump_pact": Number(pact[0], "The ATOP pact with the most members beginning that year",
                            "ATOP id", ("atop",), "d"),
        "jump_members": Number(pact[1], "Its members over its life", "states", ("atop",)),
    }
    troops = engagement_frame(store, "deployment").filter(
        (pl.col("ccode1") == 2) & pl.col("ccode2").is_in(list(EAST)) & in_years(2010, 9999))
    east = troops.group_by("year").agg(pl.col("magnitude").sum()).sort("year")
    t_years = east["year"].to_list()

    def east_in(year: int) -> float:
        return float(east.filter(pl.col("year") == year)["magnitude"].sum())

    n["east_2016"] = Number(east_in(2016), "US active-duty personnel in Poland and the Baltic "
                            "states, 2016", "personnel", ("us_presence",))
    n["east_2017"] = Number(east_in(2017), "The same, 2017", "personnel", ("us_presence",))

    fig_kappa = lines(means["year"].to_list(), {
        "between NATO members": means["within NATO"].to_list(),
        "NATO members with other European states": means[cross].to_list()},
        f"Alliance-portfolio similarity in Europe, {first}–{last}",
        "mean Cohen's kappa (ATOP)", hover=".2f")
    per_state = {name: [float(troops.filter((pl.col("ccode2") == code)
                                            & (pl.col("year") == y))["magnitude"].sum())
                        for y in t_years] for code, name in EAST.items()}
    fig_east = lines(t_years, per_state, f"US active-duty personnel in Poland and the Baltic "
                     f"states, {t_years[0]}–{t_years[-1]}", "personnel", hover=",.0f")
    return Computed(n, (
        Figure("nato-kappa", fig_kappa, "Mean Cohen's kappa of alliance portfolios over pairs "
               "of NATO members, and over pairs of a member and another European state, by "
               "year (ATOP members of the North Atlantic Treaty as ATOP dates them).",
               ("atop",)),
        Figure("nato-east", fig_east, "US active-duty personnel assigned to Poland, Estonia, "
               "Latvia and Lithuania (DMDC via troopdata); forces on rotation are not "
               "assigned personnel.", ("us_presence",)),
    ), (2, 200, 220, 255, POLAND, 366, 367, 368), ((2, POLAND), (2, 255)))


CASE = Case(
    id="nato_europe",
    title="NATO in Europe",
    question="measure",
    seed_file=SEED_B,
    seed_passage="In Europe, NATO exemplifies military diplomacy, fostering collaboration on "
    "security issues among member states while promoting collective defense principles.",
    summary="NATO membership by year and the similarity of alliance portfolios (Cohen's kappa "
    "on ATOP 5.1) between members and between members and other European states, with US "
    "forces in Poland and the Baltic states (troopdata).",
    compute=compute,
    shows=(
        Claim("ATOP counts {members_first} NATO members in {first} and {members_last} in "
              "{last}; in every one of those years members' alliance portfolios were more "
              "alike than those of a member and another European state (the gap never fell "
              "below {min_gap} in kappa).", lambda v: v["min_gap"] > 0),
        Claim("The gap was smaller after the Cold War: mean kappa between members was "
              "{kappa_within_cold} in {first}-1989 and {kappa_within_post} in 1990-{last}, "
              "between members and other Europeans {kappa_cross_cold} and then "
              "{kappa_cross_post}.",
              lambda v: v["kappa_within_post"] - v["kappa_cross_post"]
              < v["kappa_within_cold"] - v["kappa_cross_cold"]),
        Claim("US active-duty personnel assigned to Poland and the Baltic states rose from "
              "{east_2016} in 2016 to {east_2017} in 2017.",
              lambda v: v["east_2017"] > v["east_2016"]),
    ),
    limits=(
        Claim("Most of the narrowing came in one step, and not with the end of the Cold War: "
              "kappa between members and other Europeans rose by {jump} in {jump_year} alone, "
              "of {cross_rise} over {first}-{last}, the year ATOP's pact {jump_pact} begins, "
              "which comes to bind {jump_members} states; "
              "portfolio similarity follows shared pledges, not collaboration on security "
              "itself.", lambda v: v["jump"] > v["cross_rise"] / 2 and v["jump_year"] < 1990),
        Claim("The troop figures are assigned personnel: forces on rotation, the multinational "
              "battlegroups of NATO's Enhanced Forward Presence and the surveillance systems "
              "the seed names are not in the data, and no other ally's deployments are."),
        Claim("ATOP dates membership from signature (it counts Poland from {poland_entry}) "
              "and ends in {last}."),
    ),
    map=("defence_centrality", 2010),
)
