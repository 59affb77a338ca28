"""Sections of the country page (and the country brief) on the instruments of military
diplomacy: engagements by instrument over time with top partners, soft power with its
pillars and rank interval, and centrality in the defence network."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from detente.engagements import INSTRUMENTS, profile
from detente.interfaces.web.sections._context import CountryContext
from detente.interfaces.web.sections._figures import lines, span_label
from detente.interfaces.web.sections._instrument_figures import (
    Series,
    facets,
    loaded_link,
    rank_band,
)
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)
from detente.measures import get_measure, measure_coverage, measure_sources, measure_table
from detente.measures._soft_power import INDICATORS
from detente.sources import get_source
from detente.store import Store

WAYS = {"to": "outgoing", "from": "incoming", "with": ""}


def short_source(source_id: str) -> str:
    """``SIPRI TIV`` for ``sipri_tiv`` (the source id, as on /sources); ``user: file.csv``
    for imports."""
    if source_id.startswith("user:"):
        return "user: " + source_id[5:]
    return get_source(source_id).id.replace("_", " ").upper()


def _sources(store: Store, ids: Sequence[str]) -> tuple[SourceLink, ...]:
    links = [loaded_link(store, s) for s in dict.fromkeys(ids)]
    return tuple(link for link in links if link is not None)


def engagements(ctx: CountryContext, top: int = 3) -> SectionView:
    """Per instrument, partners engaged each year and the top partners (engagement profile;
    MME and JME, and different units, are never added together)."""
    p = ctx.profile
    prof = profile(ctx.store, p.actor.ccode, years=p.span, top=top)
    found = prof["instruments"]
    every = {s["id"] for ins in found.values() for s in ins["sources"]}
    links = _sources(ctx.store, sorted(every))
    if not found:
        return SectionView("engagements", "Engagements by instrument", empty=(
            f"No engagement of {p.actor.name} is recorded in {p.span[0]}–{p.span[1]}, in open "
            "data or user entries."), sources=links)
    panels = []
    for ins in INSTRUMENTS:
        if ins.id not in found:
            continue
        data = found[ins.id]
        several_units = len(data["units"]) > 1
        series: Series = {}
        rows: dict[str, list[dict[str, Any]]] = {}
        for r in data["series"]:
            label = short_source(r["source"]) + (f", {WAYS[r['way']]}" if WAYS[r["way"]] else "")
            rows.setdefault(label + (f" ({r['unit']})" if several_units else ""), []).append(r)
        for label, points in rows.items():
            series[label] = ([r["year"] for r in points], [r["partners"] for r in points],
                             [f"{r['engagements']:,} engagements, {r['magnitude']:,.1f} "
                              f"{r['unit']}" for r in points])
        panels.append((data["name"], "partners", series))
    figure = FigureView("fig-engagements", facets(
        panels, f"{p.actor.name}: partners engaged per year, by instrument, "
        f"{span_label(list(p.span))}", hover=",.0f"),
        "Distinct partners (states, organisations, UN missions) each year; hover for the "
        "engagements and their magnitude. Each source is drawn on its own: MME and JME "
        "record many of the same exercises. Blank years lie outside a source's coverage.",
        links)
    return SectionView("engagements", "Engagements by instrument",
                       "Every instrument of military diplomacy with data for this state, from "
                       "open sources and user entries.", (figure,),
                       (_partner_table(ctx, found, top),), sources=links)


def _partner_table(ctx: CountryContext, found: dict[str, Any], top: int) -> TableView:
    me = ctx.profile.actor.ccode
    counts = {(i, c["source"], c["way"], c["unit"]): c["partners"]
              for i, d in found.items() for c in d["counts"]}
    rows = []
    for ins in INSTRUMENTS:
        if ins.id not in found:
            continue
        for way, partners in found[ins.id]["partners"].items():
            for r in partners:
                link = loaded_link(ctx.store, r["source"])
                href = link.href if link else None
                partner = (Cell(r["name"], f"/dyad/{me}/{r['partner']}")
                           if r["partner"].isdigit() else Cell(r["name"]))
                of = counts[(ins.id, r["source"], way, r["unit"])]
                rows.append((Cell(found[ins.id]["name"].split(" (")[0]),
                             Cell(short_source(r["source"]), href),
                             Cell(WAYS[way] or "mutual"), partner,
                             number(r["total"], ",.1f" if r["total"] % 1 else ",.0f", href=href),
                             Cell(r["unit"]),
                             Cell(f"{r['first_year']}–{r['last_year']}"
                                  if r["first_year"] != r["last_year"] else str(r["first_year"])),
                             number(of, "d", href=href)))
    span = ctx.profile.span
    return TableView("tbl-engagement-partners", f"Top {top} partners per instrument, source "
                     f"and direction, {span[0]}–{span[1]}",
                     ("instrument", "source", "direction", "partner", "total", "unit", "years",
                      "partners in all"), tuple(rows),
                     _sources(ctx.store, sorted({r["source"] for d in found.values()
                                                 for ps in d["partners"].values() for r in ps})),
                     "Partners ranked by summed magnitude; a state's name opens the dyad page.")


def _measure_rows(ctx: CountryContext, name: str
                  ) -> tuple[list[dict[str, Any]], tuple[SourceLink, ...], str]:
    """The state's rows of a registered measure over the page's years (clipped to the
    measure's coverage), the measure's sources, and the years it covers."""
    m = get_measure(name)
    first, last = measure_coverage(ctx.store, m)
    links = _sources(ctx.store, measure_sources(m))
    lo, hi = max(ctx.profile.span[0], first), min(ctx.profile.span[1], last)
    if lo > hi:
        return [], links, f"{first}–{last}"
    rows = measure_table(ctx.store, m, (lo, hi), states=[ctx.profile.actor.ccode]).to_pylist()
    return rows, links, f"{first}–{last}"


def _pillars() -> dict[str, list[str]]:
    """Pillar -> source ids of its indicators (open data only)."""
    from detente.sources.registry import table_owner

    out: dict[str, list[str]] = {}
    for ind in INDICATORS.values():
        ids = [table_owner(t).id for t in ind.tables if t != "user_engagements"]
        out.setdefault(ind.pillar, [])
        out[ind.pillar] += [i for i in ids if i not in out[ind.pillar]]
    return out


def soft_power(ctx: CountryContext) -> SectionView:
    """The soft-power composite over time: score, pillars, rank and its interval."""
    p = ctx.profile
    rows, links, covered = _measure_rows(ctx, "soft_power")
    if not rows:
        return SectionView("soft-power", "Soft power", empty=(
            f"No soft-power score for {p.actor.name} in {p.span[0]}–{p.span[1]} (the "
            f"composite covers {covered})."), sources=links)
    years, label = [r["year"] for r in rows], span_label([r["year"] for r in rows])
    pillars = _pillars()
    series = {"soft power (overall)": [r["value"] for r in rows]}
    for pillar in pillars:
        series[pillar.replace("_", " ")] = [r.get(f"pillar_{pillar}") for r in rows]
    scores = lines(years, series, f"{p.actor.name}: soft power and its pillars, {label}",
                   "score 0-100", hover=".1f")
    scores["data"][0]["line"]["width"] = 3.5
    scores["layout"]["yaxis"].update(range=[0, 102], rangemode="normal")
    band = rank_band(years, [r["rank"] for r in rows], [r["rank_p05"] for r in rows],
                     [r["rank_p95"] for r in rows],
                     f"{p.actor.name}: soft-power rank with its interval, {label}",
                     "rank (1 = highest)",
                     "5th-95th percentile rank over weight draws")
    figures = (
        FigureView("fig-soft-power", scores, "Scores 0-100 among all states each year: "
                   "pillars are min-max scaled and averaged with the shipped weights; a pillar "
                   "with no data that year is left out, not counted as 0.", links),
        FigureView("fig-soft-power-rank", band, f"Among {rows[-1]['ranked']} states in "
                   f"{years[-1]}. Shaded: the rank under 1,000 seeded Dirichlet "
                   "draws of the pillar weights (5th to 95th percentile); a wide band means the "
                   "rank depends on how the pillars are weighed.", links))
    last = rows[-1]
    first_link = links[0].href if links else None
    table_rows = [
        (Cell("Soft power (overall)"), number(last["value"], ".1f", href=first_link),
         Cell("score 0-100"), _source_cells(links)),
        (Cell("Rank"), number(last["rank"], "d", href=first_link),
         Cell(f"of {last['ranked']} states"), _source_cells(links)),
        (Cell("Rank interval (5th-95th pct.)"),
         Cell(f"{last['rank_p05']:.0f}–{last['rank_p95']:.0f}"
              if last["rank_p05"] is not None else "–", first_link, True),
         Cell("ranks over weight draws"), _source_cells(links)),
        (Cell("Weight coverage"), number(100 * last["coverage"], ".0f", href=first_link),
         Cell("% of the intended weight observed"), _source_cells(links)),
        (Cell("Power gap"), number(last["power_gap"], "+.1f", href=first_link),
         Cell("score points above what log CINC predicts"), _source_cells(links)),
    ]
    for pillar, ids in pillars.items():
        pillar_links = _sources(ctx.store, ids)
        table_rows.append((Cell(f"Pillar: {pillar.replace('_', ' ')}"),
                           number(last.get(f"pillar_{pillar}"), ".1f",
                                  href=pillar_links[0].href if pillar_links else None),
                           Cell("score 0-100" + ("" if pillar_links else " (user entries)")),
                           _source_cells(pillar_links)))
    table = TableView("tbl-soft-power", f"Latest year with a score: {last['year']}",
                      ("measure", "value", "unit", "sources"), tuple(table_rows), links,
                      "Each value links to its first source; all are listed per row.")
    return SectionView("soft-power", "Soft power", "Attraction built through military "
                       "diplomacy (peacekeeping, defence attraction, diplomatic reach, UN "
                       "alignment, humanitarian relief): a composite after the Lowy Asia Power "
                       "Index. Read the pillars, not only the total.", figures, (table,),
                       sources=links)


def _source_cells(links: Sequence[SourceLink]) -> Cell:
    """The sources of a row, as the label of the first with a count of the others."""
    if not links:
        return Cell("user entries")
    more = f" and {len(links) - 1} more" if len(links) > 1 else ""
    return Cell(f"{short_source(links[0].id)} {links[0].version}{more}", links[0].href)


def centrality(ctx: CountryContext) -> SectionView:
    """Eigenvector centrality, strength and betweenness in the combined defence network."""
    p = ctx.profile
    rows, links, covered = _measure_rows(ctx, "defence_centrality")
    if not rows:
        return SectionView("centrality", "Centrality in the defence network", empty=(
            f"{p.actor.name} has no tie in the defence network in {p.span[0]}–{p.span[1]} "
            f"(the network covers {covered})."), sources=links)
    years, label = [r["year"] for r in rows], span_label([r["year"] for r in rows])
    panels = [("Eigenvector centrality", "unit length", {"eigenvector": (
                  years, [r["value"] for r in rows], None)}),
              ("Strength", "sum of combined weights", {"strength": (
                  years, [r["strength"] for r in rows], None)}),
              ("Betweenness", "share of shortest paths", {"betweenness": (
                  years, [r["betweenness"] for r in rows], None)})]
    fig = facets(panels, f"{p.actor.name}: centrality in the combined defence network, "
                 f"{label}", hover=".3f", panel_height=130)
    fig["layout"]["showlegend"] = False
    rank = lines(years, {"rank": [r["rank"] for r in rows]},
                 f"{p.actor.name}: rank by eigenvector centrality, {label}",
                 "rank (1 = most central)", hover=".0f")
    rank["layout"]["yaxis"].update(autorange="reversed", rangemode="normal", tickformat="d")
    last = rows[-1]
    href = links[0].href if links else None
    table = TableView("tbl-centrality", f"Latest year: {last['year']}",
                      ("measure", "value", "unit"), (
        (Cell("Eigenvector centrality"), number(last["value"], ".3f", href=href),
         Cell("unit length (leading eigenvector)")),
        (Cell("Rank"), number(last["rank"], "d", href=href),
         Cell(f"of {last['ranked']} states")),
        (Cell("Strength"), number(last["strength"], ".2f", href=href),
         Cell("sum of combined tie weights")),
        (Cell("Betweenness"), number(last["betweenness"], ".3f", href=href),
         Cell("share of shortest paths through it")),
    ), links, "The network: alliances (ATOP), arms transfers (SIPRI), exercises (MME) and "
       "peacekeeping co-deployment (UN), each layer scaled to its strongest tie that year.")
    return SectionView("centrality", "Centrality in the defence network",
                       f"Where {p.actor.name} sits in the yearly multiplex defence network "
                       "(see the network page).", (
                           FigureView("fig-centrality", fig, "Eigenvector: tied to central "
                                      "states; strength: how much it is tied; betweenness: how "
                                      "often it lies between others (edge length 1/weight).",
                                      links),
                           FigureView("fig-centrality-rank", rank, "Rank among all states "
                                      "in the network that year.", links)),
                       (table,), sources=links)
