"""Sections of the dyad page on the instruments of military diplomacy: relationship (tie)
strength and its components, alliance-portfolio similarity, and what the two did together."""

from __future__ import annotations

from detente.engagements import INSTRUMENTS, dyad_engagements
from detente.interfaces.web.sections._context import DyadContext
from detente.interfaces.web.sections._figures import lines, span_label
from detente.interfaces.web.sections._instrument_figures import Series, facets, loaded_link
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)
from detente.interfaces.web.sections.country_instruments import short_source
from detente.measures import pair_similarity
from detente.measures._tie_strength import TIE_COMPONENTS
from detente.profiles import pair_ties
from detente.sources.registry import table_owner

TIE_LABELS = {"alliance": "alliance obligation", "arms": "arms transfers",
              "exercise": "joint exercises", "peacekeeping": "UN missions shared",
              "igo": "shared IGOs", "un_voting": "UN voting agreement"}


def _links(ctx: DyadContext, ids: list[str]) -> tuple[SourceLink, ...]:
    found = [loaded_link(ctx.store, i) for i in dict.fromkeys(ids)]
    return tuple(link for link in found if link is not None)


def ties(ctx: DyadContext) -> SectionView:
    """Tie strength (0-1) and its six components over the years both states existed."""
    p = ctx.profile
    years = p.years["year"].to_numpy()
    owners = {name: table_owner(c.coverage_table).id for name, c in TIE_COMPONENTS.items()}
    links = _links(ctx, list(owners.values()))
    t = pair_ties(ctx.store, p.a.ccode, p.b.ccode, years).to_pydict()
    shown = [y for y, v in zip(t["year"], t["tie_strength"], strict=True) if v is not None]
    if not shown:
        return SectionView("ties", "Relationship strength", empty=(
            f"No component of tie strength covers {p.a.name} and {p.b.name} in "
            f"{p.span[0]}–{p.span[1]}."), sources=links)
    first = t["year"].index(shown[0])
    last_i = t["year"].index(shown[-1])
    part = slice(first, last_i + 1)
    series = {"tie strength": t["tie_strength"][part]}
    for name in TIE_COMPONENTS:
        if f"tie_{name}" in t:
            series[TIE_LABELS[name]] = t[f"tie_{name}"][part]
    label = span_label(t["year"][part])
    fig = lines(t["year"][part], series, f"Relationship strength, {p.a.name} and {p.b.name}, "
                f"{label}", "0-1 (1 = strongest pair)", hover=".2f")
    fig["data"][0]["line"]["width"] = 3.5
    fig["layout"]["yaxis"].update(range=[0, 1.02], rangemode="normal")
    at = last_i
    rows = [(Cell("Tie strength"), number(t["tie_strength"][at], ".2f",
                                           href=links[0].href if links else None),
             Cell(f"mean of {t['tie_components'][at]} components"), Cell("all below"))]
    for name in TIE_COMPONENTS:
        if f"tie_{name}" not in t:
            continue
        link = loaded_link(ctx.store, owners[name])
        rows.append((Cell(TIE_LABELS[name][0].upper() + TIE_LABELS[name][1:]),
                     number(t[f"tie_{name}"][at], ".2f", href=link.href if link else None),
                     Cell("0-1"), Cell(link.label if link else "", link.href if link else None)))
    table = TableView("tbl-ties", f"Latest year with a score: {t['year'][at]}",
                      ("component", "value", "scale", "source"), tuple(rows), links,
                      "Blank (–): outside the component's coverage, or no UN votes by one of them.")
    return SectionView("ties", "Relationship strength", "The weighted mean of the components "
                       "covering each year (equal weights), each scaled to [0, 1] among all "
                       "pairs that year: logs for arms and exercises; UN voting agreement as is.",
                       (FigureView("fig-ties", fig, "Inside a component's coverage a pair "
                                   "without a record scores 0; outside it the component is left "
                                   "out.", links),), (table,), sources=links)


SIMILARITY = {"s_abs": "S (unweighted)", "s_abs_w": "S (CINC-weighted)",
              "kappa_abs": "Cohen's kappa (weighted)", "taub": "Kendall's tau-b"}


def similarity(ctx: DyadContext) -> SectionView:
    """Alliance-portfolio similarity (S, kappa, tau-b) from ATOP, by year."""
    p = ctx.profile
    links = _links(ctx, ["atop", "cow_nmc"])
    table = pair_similarity(ctx.store, p.a.ccode, p.b.ccode, years=p.span,
                            columns=tuple(SIMILARITY)).to_pydict()
    if not table["year"]:
        return SectionView("similarity", "Alliance-portfolio similarity", empty=(
            f"ATOP has no year in which both {p.a.name} and {p.b.name} were members in "
            f"{p.span[0]}–{p.span[1]}."), sources=links)
    years = table["year"]
    fig = lines(years, {label: table[c] for c, label in SIMILARITY.items()},
                f"Alliance-portfolio similarity, {p.a.name} and {p.b.name}, "
                f"{span_label(years)}", "similarity (-1 to 1)", hover=".2f")
    fig["layout"]["yaxis"].update(range=[-1.02, 1.02], rangemode="normal", zeroline=True)
    last = len(years) - 1
    atop = links[0].href if links else None
    rows = tuple((Cell(label), number(table[c][last], ".2f",
                                      href=links[1].href if c == "s_abs_w" and len(links) > 1
                                      else atop), Cell("-1 to 1"))
                 for c, label in SIMILARITY.items())
    return SectionView("similarity", "Alliance-portfolio similarity",
                       "How alike the two states' alliance portfolios are (ATOP obligations "
                       "toward every state, valued 3 defence, 2 neutrality or non-aggression, 1 "
                       "consultation): S rewards agreeing on the many states neither is allied "
                       "with; kappa and tau-b correct for that.", (FigureView(
                           "fig-similarity", fig, "Signorino-Ritter S, Cohen's kappa (Haege "
                           "2011) and Kendall's tau-b, from 4x4 contingency tables of the two "
                           "portfolios. Null when a portfolio is constant.", links),),
                       (TableView("tbl-similarity", f"Latest year: {years[last]}",
                                  ("measure", "value", "range"), rows, links),),
                       sources=links)


WAY_LABELS = {"with": "", "a_to_b": "{a} → {b}", "b_to_a": "{b} → {a}"}


def engagements(ctx: DyadContext) -> SectionView:
    """Every engagement between the two per instrument and source, year by year."""
    p = ctx.profile
    a, b = p.a.stateabb, p.b.stateabb
    found = dyad_engagements(ctx.store, str(p.a.ccode), str(p.b.ccode),
                             years=p.span).to_pylist()
    links = _links(ctx, sorted({r["source_id"] for r in found}))
    if not found:
        return SectionView("engagements", "Engagements between them", empty=(
            f"No engagement between {p.a.name} and {p.b.name} is recorded in "
            f"{p.span[0]}–{p.span[1]}."), sources=links)
    names = {i.id: i.name.split(" (")[0] for i in INSTRUMENTS}
    panels = []
    rows = []
    for ins in INSTRUMENTS:
        mine = [r for r in found if r["instrument"] == ins.id]
        if not mine:
            continue
        units = sorted({r["unit"] for r in mine})
        for unit in units:
            series: Series = {}
            for key in sorted({(r["source_id"], r["way"]) for r in mine if r["unit"] == unit}):
                pts = [r for r in mine if r["unit"] == unit and (r["source_id"], r["way"]) == key]
                way = WAY_LABELS[key[1]].format(a=a, b=b)
                label = short_source(key[0]) + (f", {way}" if way else "")
                series[label] = ([r["year"] for r in pts], [r["magnitude"] for r in pts],
                                 [f"{r['engagements']:,} engagement(s)" for r in pts])
                link = loaded_link(ctx.store, key[0])
                href = link.href if link else None
                rows.append((Cell(names[ins.id]), Cell(short_source(key[0]), href),
                             Cell(way or "mutual"),
                             Cell(f"{pts[0]['year']}–{pts[-1]['year']}"
                                  if len(pts) > 1 else str(pts[0]["year"])),
                             number(len(pts), "d", href=href),
                             number(sum(r["magnitude"] for r in pts), ",.1f", href=href),
                             Cell(unit)))
            title = names[ins.id] + (f" ({unit})" if len(units) > 1 else "")
            panels.append((title, unit, series))
    fig = facets(panels, f"Engagements between {p.a.name} and {p.b.name}, "
                 f"{span_label(list(p.span))}", hover=",.1f", panel_height=130)
    table = TableView("tbl-dyad-engagements", "Per instrument, source and direction",
                      ("instrument", "source", "direction", "years", "years active",
                       "total", "unit"), tuple(rows), links,
                      "Peacekeeping: the UN missions both contributed to (co-deployment).")
    return SectionView("engagements", "Engagements between them",
                       "What the two did together through each instrument, in its own unit; "
                       "sources are never added together.", (FigureView(
                           "fig-dyad-engagements", fig, "Magnitude per year in each "
                           "instrument's unit; hover for the number of engagements.", links),),
                       (table,), sources=links)
