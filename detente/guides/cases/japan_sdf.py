"""Japan's Self-Defense Forces abroad: UN peacekeeping contributions (UN DPO, complete years
only) and multinational exercises with a humanitarian purpose (MME); disaster relief itself is
not in the open data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_B
from detente.guides._case import Case, Claim, Computed, Figure, Number, UserEntry
from detente.guides._data import (
    coverage,
    engagement_frame,
    in_years,
    mme_purposes,
    names,
    peacekeeping_years,
    period_of,
    share,
    year_ranges,
    yearly,
)
from detente.guides._plots import bars, note_years, period_axis

if TYPE_CHECKING:
    from detente.store import Store

JAPAN = 740


def compute(store: Store) -> Computed:
    full, partial = peacekeeping_years(store)
    pko = engagement_frame(store, "peacekeeping", actor=JAPAN).filter(
        pl.col("year").is_in(full))
    by_year = pko.group_by("year").agg(pl.col("magnitude").sum()).sort("year")
    peak = by_year.sort("magnitude", descending=True).row(0, named=True)
    last = by_year.row(-1, named=True)
    everyone = engagement_frame(store, "peacekeeping", years=(peak["year"], peak["year"]))
    ranked = everyone.group_by("ccode1").agg(pl.col("magnitude").sum()).sort(
        "magnitude", descending=True)["ccode1"].to_list()
    mission = pko.group_by("actor2").agg(pl.col("magnitude").sum()).sort(
        "magnitude", descending=True).row(0, named=True)
    mission_name = names(store, [mission["actor2"]]).get(mission["actor2"], mission["actor2"])
    n: dict[str, Number] = {
        "full_years": Number(year_ranges(full), "Years the UN series covers in full",
                             "years", ("un_pko",)),
        "partial_years": Number(year_ranges(partial), "Years it covers only in part",
                                "years", ("un_pko",)),
        "peak": Number(peak["magnitude"], "Japan's largest yearly contribution (mean of "
                       "monthly reports)", "personnel", ("un_pko",)),
        "peak_year": Number(peak["year"], "Its year", "year", ("un_pko",), "d"),
        "peak_rank": Number(ranked.index(JAPAN) + 1, "Japan's rank among contributors that "
                            "year", "rank", ("un_pko",), "d"),
        "contributors": Number(len(ranked), "Contributors that year", "states", ("un_pko",)),
        "last": Number(last["magnitude"], "Japan's contribution in the last complete year",
                       "personnel", ("un_pko",)),
        "last_year": Number(last["year"], "The last complete year", "year", ("un_pko",), "d"),
        "top_mission": Number(mission_name, "The mission that received the most",
                              "mission", ("un_pko",)),
        "top_mission_share": Number(share(mission["magnitude"], float(pko["magnitude"].sum())),
                                    "Its share of Japan's personnel in complete years", "%",
                                    ("un_pko",), ".0f"),
    }
    end = coverage(store, "mme")[1]
    periods = ((1980, 1989), (1990, 1999), (2000, end))
    mine = mme_purposes(store).filter(pl.col("ccode") == JAPAN).with_columns(
        period_of(periods).alias("period"))
    for label, (lo, hi) in zip(("1980s", "1990s", "2000s"), periods, strict=True):
        n[f"humanitarian_{label}"] = Number(
            mine.filter(in_years(lo, hi) & (pl.col("humanitarian") == 1))["event_id"].n_unique(),
            f"Japan's MME exercises with a humanitarian purpose, {lo}-{hi}", "exercises",
            ("mme",))
    n["mme_last"] = Number(end, "Last year of MME", "year", ("mme",), "d")
    n["hadr"] = Number(engagement_frame(store, "hadr", actor=JAPAN).height,
                       "Humanitarian or disaster-relief deployments of Japan in the store",
                       "engagements", ("user",))

    mission_names = names(store, pko["actor2"].unique().to_list())
    per_mission = pko.with_columns(pl.col("actor2").replace_strict(mission_names,
                                                                   default=pl.col("actor2")))
    stacked = yearly(per_mission, full, pl.col("magnitude").sum(), by="actor2")
    fig_pko = note_years(bars(full, stacked, f"Japan's uniformed personnel in UN peace "
                              f"operations, {year_ranges(full)} (complete years)",
                              "personnel (yearly mean)", stacked=True),
                         [y for y in partial if min(full) < y < max(full)],
                         "incomplete in the source")
    starts = [lo for lo, _ in periods]
    count = pl.col("event_id").n_unique()
    purpose = {
        "all exercises": yearly(mine, starts, count, on="period")["all"],
        "humanitarian purpose": yearly(mine.filter(pl.col("humanitarian") == 1), starts, count,
                                       on="period")["all"],
        "peacekeeping purpose": yearly(mine.filter(pl.col("peacekeeping") == 1), starts, count,
                                       on="period")["all"],
    }
    fig_ex = period_axis(bars(starts, purpose, f"Japan's multinational exercises by purpose, "
                              f"1980–{end}", "exercises"), periods)
    return Computed(n, (
        Figure("japan-pko", fig_pko, "Japan's uniformed personnel in UN peace operations by "
               f"mission; {n['partial_years'].text()} are left out because the source covers "
               "them only in part.", ("un_pko",)),
        Figure("japan-exercises", fig_ex, "Japan's multinational exercises per decade and "
               "those MME codes as having a humanitarian or a peacekeeping purpose (an "
               "exercise may have both).", ("mme",)),
    ), (JAPAN,))


CASE = Case(
    id="japan_sdf",
    title="Japan's Self-Defense Forces in humanitarian missions",
    question="observe",
    seed_file=SEED_B,
    seed_passage="Another significant case is Japan’s Self-Defense Forces’ involvement in "
    "humanitarian missions. This demonstrates military diplomacy by engaging with nations in "
    "need while reflecting Japan’s commitment to global peace.",
    summary="Japan's uniformed personnel in UN peace operations by mission (UN DPO, complete "
    "years) and its multinational exercises by purpose (MME v7).",
    compute=compute,
    shows=(
        Claim("In the UN series (complete years {full_years}) Japan's contribution peaked at "
              "{peak} uniformed personnel in {peak_year} (rank {peak_rank} of {contributors} "
              "contributors) and fell to {last} by {last_year}; {top_mission} took "
              "{top_mission_share}% of it.",
              lambda v: v["last"] < v["peak"] / 10),
        Claim("In multinational exercises Japan trained for humanitarian work more and more: "
              "MME codes {humanitarian_1980s} of its exercises in the 1980s as having a "
              "humanitarian purpose, {humanitarian_1990s} in the 1990s and "
              "{humanitarian_2000s} in 2000-{mme_last}.",
              lambda v: v["humanitarian_1980s"] < v["humanitarian_1990s"]
              < v["humanitarian_2000s"]),
    ),
    limits=(
        Claim("Disaster relief itself, the heart of the seed's example, is in no open source "
              "here: the store holds {hadr} humanitarian or disaster-relief deployments by "
              "Japan.", lambda v: v["hadr"] == 0),
        Claim("The UN figures are yearly means of uniformed personnel in UN operations only; "
              "{partial_years} are incomplete in the source, and nothing before 2010 is in "
              "it."),
    ),
    map=("soft_power", 2014),
    user_entry=UserEntry(
        "hadr", "made_up_japan_disaster_relief.csv",
        "Disaster-relief deployments are not recorded in any open dataset detente reads; "
        "enter them as humanitarian assistance and disaster relief, with the personnel "
        "deployed as the magnitude."),
)
