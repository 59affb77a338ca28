"""Sections of the country page (and the country brief): hard power, instruments over time,
alliance partners, disputes."""

from __future__ import annotations

from detente.interfaces.web.sections._context import CountryContext
from detente.interfaces.web.sections._figures import bars, counts_axis, lines, span_label
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)

HOSTILITY = {0: "none", 1: "no militarized action", 2: "threat to use force",
             3: "display of force", 4: "use of force", 5: "war"}


def _link(ctx: CountryContext, source_id: str) -> SourceLink:
    return SourceLink.of(source_id, ctx.profile.data_versions.get(source_id))


def hard_power(ctx: CountryContext) -> SectionView:
    """CINC and its rank over time (NMC 7.0)."""
    p, nmc = ctx.profile, _link(ctx, "cow_nmc")
    rows = p.years.select(["year", "cinc", "cinc_rank", "cinc_ranked", "milex", "milper"])
    rows = rows.filter(rows["cinc"].is_valid()).to_pydict()
    if not rows["year"]:
        return SectionView("hard-power", "Hard power", empty=(
            f"NMC 7.0 has no capability data for {p.actor.name} in {p.span[0]}–{p.span[1]}."),
            sources=(nmc,))
    years, label = rows["year"], span_label(rows["year"])
    cinc = FigureView("fig-cinc", lines(years, {"CINC": rows["cinc"]},
                                        f"{p.actor.name}: CINC, {label}",
                                        "share of world capabilities (0-1)"),
                      "Composite Index of National Capability: the mean of six shares of the "
                      "world total.", (nmc,))
    rank = lines(years, {"rank": rows["cinc_rank"]}, f"{p.actor.name}: CINC rank, {label}",
                 "rank (1 = highest)", hover=".0f")
    ranks = [r for r in rows["cinc_rank"] if r is not None]
    rank["layout"]["yaxis"].update(autorange="reversed", rangemode="normal", tickformat="d",
                                   dtick=1 if ranks and max(ranks) - min(ranks) <= 10 else None)
    rank_fig = FigureView("fig-cinc-rank", rank, "Rank among all states with a CINC that "
                          "year.", (nmc,))
    last = len(years) - 1
    table = TableView("tbl-hard-power", f"Latest year with data: {years[last]}",
                      ("measure", "value", "unit"), (
        (Cell("CINC"), number(rows["cinc"][last], ".4f", href=nmc.href), Cell("share (0-1)")),
        (Cell("CINC rank"), number(rows["cinc_rank"][last], "d", href=nmc.href),
         Cell(f"of {rows['cinc_ranked'][last]} states")),
        (Cell("Military expenditure"), number(rows["milex"][last], ",.0f", href=nmc.href),
         Cell("thousands (current USD from 1914)")),
        (Cell("Military personnel"), number(rows["milper"][last], ",.0f", href=nmc.href),
         Cell("thousands")),
    ), (nmc,))
    return SectionView("hard-power", "Hard power", "Material capabilities from the Correlates "
                       "of War National Material Capabilities data.", (cinc, rank_fig),
                       (table,), sources=(nmc,))


def instruments(ctx: CountryContext) -> SectionView:
    """Alliance obligations and disputes per year (ATOP 5.1, GML MID 2.2.1)."""
    p, atop, gml = ctx.profile, _link(ctx, "atop"), _link(ctx, "gml_mid")
    t = p.years.to_pydict()
    years, label = t["year"], span_label(t["year"])
    alliances = FigureView("fig-alliances", counts_axis(lines(years, {
        "defence": t["atop_defense_n"], "neutrality": t["atop_neutral_n"],
        "non-aggression": t["atop_nonagg_n"], "consultation": t["atop_consul_n"],
        "offence": t["atop_offense_n"], "any obligation": t["atop_anypledge_n"]},
        f"{p.actor.name}: alliance partners by obligation, {label}", "partner states",
        hover=".0f")),
        "Number of states this state holds each ATOP obligation toward. Blank after 2018: "
        "outside ATOP's coverage, not zero.", (atop,))
    disputes = FigureView("fig-disputes", counts_axis(bars(years, {
        "MID opponents": t["gml_mid_partners"]},
        f"{p.actor.name}: states in a militarized dispute with it, {label}", "states")),
        "Opponents in Gibler-Miller-Little MIDs each year. Blank after 2010: outside GML's "
        "coverage, not peace.", (gml,))
    return SectionView("instruments", "Instruments over time",
                       "Alliances and militarized disputes, year by year. Exercises, arms "
                       "transfers, peacekeeping and the other instruments follow in "
                       "Engagements by instrument.", (alliances, disputes), sources=(atop, gml))


def partners(ctx: CountryContext, top: int = 15) -> SectionView:
    """Top alliance partners by years of shared obligations (ATOP 5.1)."""
    p, atop = ctx.profile, _link(ctx, "atop")
    found = p.partners.slice(0, top).to_pylist()
    if not found:
        return SectionView("partners", "Top alliance partners", empty=(
            f"{p.actor.name} shares no ATOP obligation with any state in "
            f"{p.span[0]}–{p.span[1]}."), sources=(atop,))
    me = p.actor.ccode
    rows = tuple((
        Cell(r["name"] or str(r["ccode"]), f"/country/{r['ccode']}"),
        Cell(f"{r['first_year']}–{r['last_year']}"),
        number(r["years"], "d", href=atop.href),
        number(r["years_defending"], "d", href=atop.href),
        number(r["years_defended"], "d", href=atop.href),
        number(r["years_nonaggression"], "d", href=atop.href),
        number(r["years_consultation"], "d", href=atop.href),
        Cell("dyad", f"/dyad/{me}/{r['ccode']}"),
    ) for r in found)
    table = TableView("tbl-partners", f"Top {len(found)} of {p.partners.num_rows} partners, "
                      f"{p.span[0]}–{p.span[1]}",
                      ("partner", "years", "years allied", "defends partner",
                       "defended by partner", "non-aggression", "consultation", ""), rows,
                      (atop,), "Years with each ATOP obligation; obligations are directed.")
    return SectionView("partners", "Top alliance partners", tables=(table,), sources=(atop,))


def disputes(ctx: CountryContext, top: int = 25) -> SectionView:
    """Militarized interstate disputes, latest first (GML MID 2.2.1)."""
    p, gml = ctx.profile, _link(ctx, "gml_mid")
    found = p.disputes.slice(0, top).to_pylist()
    if not found:
        return SectionView("disputes", "Militarized disputes", empty=(
            f"No Gibler-Miller-Little MID involves {p.actor.name} in "
            f"{p.span[0]}–{min(p.span[1], 2010)} (GML covers 1816–2010)."), sources=(gml,))
    me = p.actor.ccode
    rows = []
    for r in found:
        first_opponent = r["opponent_codes"][0]
        rows.append((
            Cell(str(r["dispnum"]), gml.href, True),
            Cell(f"{r['first_year']}" if r["first_year"] == r["last_year"]
                 else f"{r['first_year']}–{r['last_year']}"),
            Cell(r["opponents"], f"/dyad/{me}/{first_opponent}"),
            Cell(HOSTILITY.get(r["own_hostlev"] or 0, "unknown"), gml.href),
            Cell(HOSTILITY.get(r["hostlev"] or 0, "unknown"), gml.href),
            Cell("yes" if r["originator"] else "no"),
        ))
    table = TableView("tbl-disputes", f"{len(found)} of {p.disputes.num_rows} disputes, "
                      "latest first", ("MID", "years", "opponents", "own highest action",
                                       "dispute highest action", "originator"),
                      tuple(rows), (gml,))
    return SectionView("disputes", "Militarized disputes", tables=(table,), sources=(gml,))
