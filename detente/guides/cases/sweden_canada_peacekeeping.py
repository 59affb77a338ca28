"""Sweden and Canada in peacekeeping: their UN contributions against European peers, in
personnel and per million inhabitants (UN DPO, complete years; NMC population), and their
peacekeeping exercises (MME)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from detente.engagements._taxonomy import SEED_A
from detente.guides._case import Case, Claim, Computed, Figure, Number
from detente.guides._data import (
    coverage,
    in_years,
    mme_purposes,
    names,
    peacekeeping_years,
    year_ranges,
)
from detente.guides._plots import lines, note_years
from detente.panels import add_capabilities, add_peacekeeping, create_state_years

if TYPE_CHECKING:
    from detente.store import Store

SWEDEN, CANADA = 380, 20
PEERS = (385, 390, 375, 210, 205)
"""Norway, Denmark, Finland, the Netherlands and Ireland: smaller European democracies with a
UN peacekeeping tradition, the comparison the seed's claim invites (edit to compare others)."""


def compute(store: Store) -> Computed:
    full, partial = peacekeeping_years(store)
    panel = (create_state_years(store, years=(min(full), max(full)), extend_to=max(full))
             .pipe(add_peacekeeping).pipe(add_capabilities))
    frame = panel.to_polars().filter(pl.col("year").is_in(full)).with_columns(
        pl.col("pko_personnel").fill_null(0.0),
        (pl.col("pko_personnel") / pl.col("tpop") * 1000).alias("per_million"),
        pl.col("pko_personnel").rank("min", descending=True).over("year").alias("rank"))
    first, last = min(full), max(full)
    label = names(store, [SWEDEN, CANADA, *PEERS])

    def value(ccode: int, year: int, col: str = "pko_personnel") -> float:
        return float(frame.filter((pl.col("ccode") == ccode) & (pl.col("year") == year))[col][0])

    def mean_per_million(ccode: int) -> float:
        return float(frame.filter(pl.col("ccode") == ccode)["per_million"].mean())  # type: ignore[arg-type]

    peers = {c: mean_per_million(c) for c in PEERS}
    contributors = frame.filter((pl.col("year") == last) & (pl.col("pko_personnel") > 0)).height
    n: dict[str, Number] = {
        "full_years": Number(year_ranges(full), "Years the UN series covers in full", "years",
                             ("un_pko",)),
        "partial_years": Number(year_ranges(partial), "Years it covers in part", "years",
                                ("un_pko",)),
        "first_year": Number(first, "First complete year", "year", ("un_pko",), "d"),
        "last_year": Number(last, "Last complete year", "year", ("un_pko",), "d"),
        "contributors": Number(contributors, f"States contributing in {last}", "states",
                               ("un_pko",)),
    }
    for key, code in (("swe", SWEDEN), ("can", CANADA)):
        name = label[str(code)]
        n[f"{key}_first"] = Number(value(code, first), f"{name}, UN uniformed personnel, "
                                   f"{first}", "personnel (yearly mean)", ("un_pko",))
        n[f"{key}_last"] = Number(value(code, last), f"{name}, UN uniformed personnel, "
                                  f"{last}", "personnel (yearly mean)", ("un_pko",))
        n[f"{key}_rank"] = Number(value(code, last, "rank"), f"{name}'s rank among "
                                  f"contributors, {last}", "rank", ("un_pko",), ".0f")
        n[f"{key}_pc"] = Number(mean_per_million(code), f"{name}, personnel per million "
                                "inhabitants, mean of complete years", "per million",
                                ("un_pko", "cow_nmc"), ".1f")
    n |= {
        "peer_pc_min": Number(min(peers.values()), "Lowest peer, per million", "per million",
                              ("un_pko", "cow_nmc"), ".1f"),
        "peer_pc_max": Number(max(peers.values()), "Highest peer, per million", "per million",
                              ("un_pko", "cow_nmc"), ".1f"),
        "peer_names": Number(", ".join(label[str(c)] for c in PEERS), "The peers", "states",
                             ("countrycode",)),
    }
    end = coverage(store, "mme")[1]
    drills = mme_purposes(store).filter(in_years(1990, end) & (pl.col("peacekeeping") == 1))
    n["mme_last"] = Number(end, "Last year of MME", "year", ("mme",), "d")
    for key, code in (("swe", SWEDEN), ("can", CANADA)):
        n[f"{key}_drills"] = Number(drills.filter(pl.col("ccode") == code)["event_id"].n_unique(),
                                    f"{label[str(code)]}: MME exercises with a peacekeeping "
                                    f"purpose, 1990-{end}", "exercises", ("mme",))

    shown = [SWEDEN, CANADA, *PEERS]
    span = list(range(first, last + 1))
    series = {label[str(c)]: [value(c, y) if y in full else None for y in span] for c in shown}
    fig = note_years(lines(span, series, f"UN uniformed personnel of Sweden, Canada and peers, "
                           f"{year_ranges(full)}", "personnel (yearly mean)", hover=",.0f"),
                     [y for y in partial if first < y < last], "incomplete in the source")
    return Computed(n, (
        Figure("swe-can-pko", fig, "Uniformed personnel in UN peace operations, yearly mean of "
               f"the monthly reports; {year_ranges(partial)} are left out because the source "
               "covers them only in part.", ("un_pko",)),
    ), tuple(shown), ((SWEDEN, CANADA),))


CASE = Case(
    id="sweden_canada_peacekeeping",
    title="Sweden and Canada in peacekeeping",
    question="measure",
    seed_file=SEED_A,
    seed_passage="In countries like Sweden and Canada, the integration of civilian "
    "perspectives has led to successful peacekeeping missions and international "
    "collaborations.",
    summary="UN uniformed personnel of Sweden and Canada against five European peers, in "
    "people and per million inhabitants (UN DPO, complete years; COW NMC 7.0 population), "
    "and their peacekeeping exercises (MME v7).",
    compute=compute,
    shows=(
        Claim("Over the complete years {full_years}, Sweden's UN contribution grew from "
              "{swe_first} uniformed personnel in {first_year} to {swe_last} in {last_year} "
              "while Canada's fell from {can_first} to {can_last}; in {last_year} they ranked "
              "{swe_rank} and {can_rank} of {contributors} contributors.",
              lambda v: v["swe_last"] > v["swe_first"] and v["can_last"] < v["can_first"]),
        Claim("Per million inhabitants Sweden sent {swe_pc} a year on average, within the "
              "range of {peer_names} ({peer_pc_min} to {peer_pc_max}); Canada sent {can_pc}, "
              "fewer than any of them.",
              lambda v: v["can_pc"] < v["peer_pc_min"] <= v["swe_pc"] <= v["peer_pc_max"]),
        Claim("Both train for it: in 1990-{mme_last} Sweden took part in {swe_drills} and "
              "Canada in {can_drills} multinational exercises that MME codes as having a "
              "peacekeeping purpose.", lambda v: v["swe_drills"] > 0 and v["can_drills"] > 0),
    ),
    limits=(
        Claim("The seed credits the integration of civilian perspectives for these missions' "
              "success; the store holds neither mission outcomes nor measures of civil-military "
              "relations (V-Dem and Polity, `add_democracy`, measure democracy, not civilian "
              "oversight of operations)."),
        Claim("The UN series starts in 2010 and covers {partial_years} only in part, so "
              "earlier contributions, and non-UN operations such as NATO's, are not in it."),
    ),
    map=("soft_power", 2014),
)
