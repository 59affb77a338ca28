"""The country brief: a state's position in one year and its history up to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import jinja2

from detente.actors import resolve_actor
from detente.interfaces.links import source_anchor
from detente.interfaces.web._assets import TEMPLATES, inline_asset
from detente.interfaces.web.pages.world_map import map_figure
from detente.interfaces.web.sections import (
    COUNTRY_SECTIONS,
    CountryContext,
    FigureView,
    SectionView,
    SourceLink,
)
from detente.measures import get_measure
from detente.profiles import CountryProfile, ProfileError, country_profile, member_years
from detente.sources import Source, get_source
from detente.store import Store

HERE_TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str
    source: SourceLink | None


@dataclass(frozen=True)
class CountryBrief:
    """Everything a brief shows: the profile up to ``year``, key facts for ``year``, the
    world map of CINC in ``year`` with the state outlined, and every section."""

    profile: CountryProfile
    year: int
    facts: tuple[KeyFact, ...]
    world_map: FigureView
    sections: tuple[SectionView, ...]
    sources: tuple[Source, ...]
    generated: str


def _facts(p: CountryProfile, year: int) -> tuple[KeyFact, ...]:
    rows = p.years.filter(p.years["year"].to_numpy() == year).to_pylist()
    nmc = SourceLink.of("cow_nmc", p.data_versions.get("cow_nmc"))
    atop = SourceLink.of("atop", p.data_versions.get("atop"))
    gml = SourceLink.of("gml_mid", p.data_versions.get("gml_mid"))
    majors = SourceLink.of("cow_majors", p.data_versions.get("cow_majors"))
    if not rows:
        return ()
    r = rows[0]

    def show(value: float | int | None, fmt: str) -> str:
        return "no data" if value is None else format(value, fmt)

    rank = (f"{r['cinc_rank']} of {r['cinc_ranked']}" if r["cinc_rank"] is not None
            else "no data")
    return (
        KeyFact("CINC", show(r["cinc"], ".4f"), nmc),
        KeyFact("CINC rank", rank, nmc),
        KeyFact("Military expenditure (thousands)", show(r["milex"], ",.0f"), nmc),
        KeyFact("Military personnel (thousands)", show(r["milper"], ",.0f"), nmc),
        KeyFact("ATOP partners, any obligation", show(r["atop_anypledge_n"], "d"), atop),
        KeyFact("ATOP partners, defence pledge", show(r["atop_defense_n"], "d"), atop),
        KeyFact("States in a MID with it", show(r["gml_mid_partners"], "d"), gml),
        KeyFact("COW major power", {1: "yes", 0: "no"}.get(r["cowmaj"], "no data"), majors),
    )


def country_brief(store: Store, query: str | int, year: int, *,
                  since: int | None = None) -> CountryBrief:
    """Assemble the brief for the state ``query`` names, as of ``year``.

    History runs from ``since`` (default: the state's first COW year) to ``year``. Raises
    ``ProfileError`` when the state did not exist in ``year``.
    """
    actor = resolve_actor(store, query)
    if year not in member_years(store, actor.ccode):
        raise ProfileError(f"{actor.name} was not a COW system member in {year} "
                           f"(it is in {actor.first_year}-{actor.last_year})")
    profile = country_profile(store, actor.ccode, years=(since, year))
    cinc = get_measure("cinc")
    fig = map_figure(store, cinc, year, highlight=profile.actor.iso3).figure
    nmc = SourceLink.of("cow_nmc", profile.data_versions.get("cow_nmc"))
    world = FigureView("fig-world-map", fig, f"{cinc.title} in {year}; "
                       f"{profile.actor.name} outlined. Grey: no value.",
                       (nmc, SourceLink.of("natural_earth")))
    ctx = CountryContext(store, profile)
    sections = tuple(section(ctx) for section in COUNTRY_SECTIONS)
    cited = {link.id for section in sections for link in section.sources}
    ids = sorted({*profile.data_versions, "natural_earth", *cited})
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return CountryBrief(profile, year, _facts(profile, year), world, sections,
                        tuple(get_source(i) for i in ids), stamp)


def _local_href(href: str | None) -> str | None:
    """In a file, only links to the brief's own source list survive."""
    if href and href.startswith("/sources#"):
        return href[len("/sources"):]
    return None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([HERE_TEMPLATES, TEMPLATES]),
        autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.globals["href"] = _local_href
    env.globals["anchor"] = source_anchor
    return env


def render_html(brief: CountryBrief) -> str:
    """The brief as one HTML document with plotly.js, the map outlines, styles and data
    inlined: it opens from ``file://`` with no network."""
    template = _environment().get_template("country_brief.html")
    return template.render(b=brief, p=brief.profile, css=inline_asset("detente.css"),
                           plotly_js=inline_asset("plotly.min.js"),
                           figures_js=inline_asset("figures.js"),
                           geo_assets_js=inline_asset("geo-assets.js"),
                           detente_version=version("detente"))
