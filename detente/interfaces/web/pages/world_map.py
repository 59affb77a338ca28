"""The world map: any registered measure by year, a year slider, and a ranking table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from detente.actors import world_geojson
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes.measures import find_measure
from detente.interfaces.links import source_href
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections._figures import choropleth
from detente.measures import (
    MEASURES,
    Measure,
    measure_coverage,
    measure_sources,
    measure_table,
)
from detente.store import Store

router = APIRouter(include_in_schema=False)

MeasureQuery = Annotated[str, Query(max_length=64)]
YearQuery = Annotated[int | None, Query(ge=1000, le=3000)]


@dataclass(frozen=True)
class WorldMap:
    """The map figure of a measure in a year, the ranked rows behind it, and the states
    that have a value but no present-day outline to draw (the GDR, Czechoslovakia...)."""

    figure: dict[str, Any]
    rows: list[dict[str, Any]]
    unmapped: list[str]


def map_figure(store: Store, measure: Measure, year: int, *, highlight: str | None = None
               ) -> WorldMap:
    """The world map of ``measure`` in ``year`` over the store's country outlines."""
    rows = measure_table(store, measure, (year, year)).to_pylist()
    outlines = world_geojson(store)
    drawable = {f["id"] for f in outlines["features"]}
    # Rows are ranked, so where two states share a present-day outline in one year (West
    # Germany and Germany in 1990) the map shows the higher value; the table lists both.
    seen: set[str] = set()
    mapped = [r for r in rows if r["iso3"] in drawable
              and not (r["iso3"] in seen or seen.add(r["iso3"]))]
    fig = choropleth(outlines, [r["iso3"] for r in mapped], [r["value"] for r in mapped],
                     [r["name"] for r in mapped], f"{measure.title}, {year}", measure.unit,
                     highlight=highlight)
    fig["data"][1]["customdata"] = [r["ccode"] for r in mapped]
    unmapped = [r["name"] or str(r["ccode"]) for r in rows if r["iso3"] not in drawable]
    return WorldMap(fig, rows, unmapped)


def value_format(values: list[float]) -> str:
    """Digits to show: four decimals for shares and indices below 10, none for levels."""
    return ".4f" if not values or max(abs(v) for v in values) < 10 else ",.0f"


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/map", status_code=307)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, measure: MeasureQuery = "cinc",
             year: YearQuery = None) -> HTMLResponse:
    m = find_measure(measure)
    first, last = measure_coverage(store, m)
    chosen = min(max(year if year is not None else last, first), last)
    return render(request, "map.html", title="World map", measure=m, measures=MEASURES,
                  first=first, last=last, year=chosen)


@router.get("/fragments/map")
def map_fragment(store: StoreDep, measure: MeasureQuery = "cinc",
                 year: YearQuery = None) -> dict[str, Any]:
    """The map figure (without the outlines, which the page fetches once) and ranking rows."""
    m = find_measure(measure)
    first, last = measure_coverage(store, m)
    chosen = min(max(year if year is not None else last, first), last)
    world = map_figure(store, m, chosen)
    fig, rows = world.figure, world.rows
    for trace in fig["data"]:
        trace["geojson"] = None
    version = store.loaded()
    return {"measure": {"name": m.name, "title": m.title, "unit": m.unit,
                        "format": value_format([r["value"] for r in rows])},
            "year": chosen, "coverage": [first, last], "figure": fig,
            "rows": [{k: r[k] for k in ("ccode", "name", "iso3", "value", "rank")}
                     for r in rows],
            "unmapped": world.unmapped,
            "sources": [{"id": s, "version": version.get(s, ""),
                         "href": source_href(s, version.get(s))} for s in measure_sources(m)]}


PAGE = Page(router, NavItem("World map", "/map"))
