"""Sections of the dyad page: alliances each way, disputes, relative capabilities."""

from __future__ import annotations

from detente.interfaces.web.sections._context import DyadContext
from detente.interfaces.web.sections._figures import bars, layout, lines, span_label
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
)
from detente.interfaces.web.sections.country import HOSTILITY

_OBLIGATIONS = (("defense", "defence"), ("offense", "offence"), ("neutral", "neutrality"),
                ("nonagg", "non-aggression"), ("consul", "consultation"))


def _link(ctx: DyadContext, source_id: str) -> SourceLink:
    return SourceLink.of(source_id, ctx.profile.data_versions.get(source_id))


def alliances(ctx: DyadContext) -> SectionView:
    """ATOP obligations each way, as a year-by-obligation grid."""
    p, atop = ctx.profile, _link(ctx, "atop")
    t = p.years.to_pydict()
    years = t["year"]
    # Every calendar year gets a column, so years the dyad did not exist stay blank instead
    # of the neighbouring cells stretching over them.
    columns = list(range(years[0], years[-1] + 1))
    position = {y: i for i, y in enumerate(years)}
    a, b = p.a.stateabb, p.b.stateabb
    labels, z = [], []
    for key, name in _OBLIGATIONS:
        for suffix, arrow in (("ab", f"{a} → {b}"), ("ba", f"{b} → {a}")):
            labels.append(f"{name} {arrow}")
            row = t[f"atop_{key}_{suffix}"]
            z.append([row[position[y]] if y in position else None for y in columns])
    heat = {"type": "heatmap", "x": columns, "y": labels, "z": z, "zmin": 0, "zmax": 1,
            "colorscale": [[0, "#f3f3f3"], [1, "#1f4e79"]], "xgap": 0, "ygap": 2,
            "colorbar": {"title": {"text": "obligation (1 = yes)"}, "tickvals": [0, 1],
                         "len": 0.6},
            "hovertemplate": "%{y}, %{x}: %{z}<extra></extra>"}
    fig = {"data": [heat], "layout": layout(
        f"ATOP obligations, {p.a.name} and {p.b.name}, {span_label(years)}", y_title="",
        height=360, hovermode="closest", margin={"l": 200, "r": 16, "t": 48, "b": 48})}
    fig["layout"]["yaxis"]["autorange"] = "reversed"
    any_years = sum(1 for v in t["atop_anypledge"] if v)
    intro = (f"{any_years} year(s) with a shared ATOP obligation. Grey cells: none; blank "
             "columns after 2018 lie outside ATOP's coverage.")
    return SectionView("alliances", "Alliances over time", intro, (FigureView(
        "fig-dyad-alliances", fig, "Arrows give the direction of the pledge (A → B: A is "
        "obliged toward B).", (atop,)),), sources=(atop,))


def disputes(ctx: DyadContext) -> SectionView:
    """GML MID hostility per year and the list of disputes between the two."""
    p, gml = ctx.profile, _link(ctx, "gml_mid")
    t = p.years.to_pydict()
    years = t["year"]
    fig = bars(years, {"highest hostility level": t["gml_hostlev"]},
               f"Militarized disputes, {p.a.name} and {p.b.name}, {span_label(years)}",
               "hostility level (0 none - 5 war)")
    fig["layout"]["yaxis"].update(range=[0, 5.2], dtick=1)
    figure = FigureView("fig-dyad-disputes", fig, "Highest hostility of a GML MID between "
                        "them each year; blank after 2010 is outside GML's coverage.", (gml,))
    found = p.disputes.to_pylist()
    tables: tuple[TableView, ...] = ()
    if found:
        rows = tuple((
            Cell(str(r["dispnum"]), gml.href, True),
            Cell(f"{r['first_year']}" if r["first_year"] == r["last_year"]
                 else f"{r['first_year']}–{r['last_year']}"),
            Cell(HOSTILITY.get(r["hostlev1"] or 0, "unknown"), gml.href),
            Cell(HOSTILITY.get(r["hostlev2"] or 0, "unknown"), gml.href),
            Cell(HOSTILITY.get(r["hostlev"] or 0, "unknown"), gml.href),
        ) for r in found)
        tables = (TableView("tbl-dyad-disputes", f"{len(found)} disputes",
                            ("MID", "years", f"{p.a.name} highest action",
                             f"{p.b.name} highest action", "dispute highest action"),
                            rows, (gml,)),)
    empty = None if found or any(v for v in t["gml_hostlev"] if v) else (
        f"No GML MID between {p.a.name} and {p.b.name} in {p.span[0]}–{min(p.span[1], 2010)}.")
    return SectionView("disputes", "Disputes over time", figures=(figure,), tables=tables,
                       empty=empty, sources=(gml,))


def capabilities(ctx: DyadContext) -> SectionView:
    """Both states' CINC over time (NMC 7.0)."""
    p, nmc = ctx.profile, _link(ctx, "cow_nmc")
    t = p.years.to_pydict()
    years = t["year"]
    fig = lines(years, {p.a.name: t["cinc_a"], p.b.name: t["cinc_b"]},
                f"CINC, {p.a.name} and {p.b.name}, {span_label(years)}",
                "share of world capabilities (0-1)")
    share = lines(years, {f"{p.a.name}'s share": t["cinc_share_a"]},
                  f"{p.a.name}'s share of the pair's capabilities, {span_label(years)}",
                  "cinc_a / (cinc_a + cinc_b)", hover=".2f")
    share["layout"]["yaxis"].update(range=[0, 1], rangemode="normal")
    return SectionView("capabilities", "Relative capabilities", figures=(
        FigureView("fig-dyad-cinc", fig, "Composite Index of National Capability.", (nmc,)),
        FigureView("fig-dyad-share", share, "0.5 = parity.", (nmc,))), sources=(nmc,))


