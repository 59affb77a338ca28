"""The network page: the combined defence network of a year, filtered by instrument, with a
year slider, a legend and the strongest states; a click on a state opens its page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from detente._errors import DetenteError
from detente.engagements import DEFAULT_INSTRUMENTS, instrument_coverage, layer_years
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.refusals import invalid
from detente.interfaces.api.routes.network import WeightsQuery, checked_network
from detente.interfaces.links import source_href
from detente.interfaces.web._network import layer_label, network_figure, strongest
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.store import Store

router = APIRouter(include_in_schema=False)

LayersQuery = Annotated[list[str] | None, Query(max_length=16, alias="instrument")]
YearQuery = Annotated[int | None, Query(ge=1000, le=3000)]


def _layers(store: Store, asked: list[str] | None) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The chosen layers that have data, with their years; 422 naming unknown ones."""
    from detente.engagements._network import instrument_ids

    try:
        ids = list(dict.fromkeys(instrument_ids(asked or list(DEFAULT_INSTRUMENTS))))
    except DetenteError as exc:
        invalid("instrument", str(exc))
    years = layer_years(store, ids)
    return [i for i in ids if i in years], years


def default_year(years: dict[str, tuple[int, int]]) -> int | None:
    """The last year every chosen layer covers, else the last year any does."""
    if not years:
        return None
    common = min(s[1] for s in years.values())
    return common if common >= max(s[0] for s in years.values()) else \
        max(s[1] for s in years.values())


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, year: YearQuery = None,
                 instrument: LayersQuery = None) -> HTMLResponse:
    ids, years = _layers(store, instrument)
    choices = sorted({r["instrument"] for r in instrument_coverage(store).to_pylist()
                      if r["first_year"] is not None and r["table"] != "us_bases"},
                     key=lambda i: (i not in DEFAULT_INSTRUMENTS, i))
    first = min((s[0] for s in years.values()), default=None)
    last = max((s[1] for s in years.values()), default=None)
    chosen = default_year(years) if year is None or first is None else \
        min(max(year, first), last)  # type: ignore[type-var]
    return render(request, "network.html", title="Defence network", year=chosen, first=first,
                  last=last, chosen=ids, choices=[(i, layer_label(i)) for i in choices],
                  spans={i: f"{s[0]}–{s[1]}" for i, s in years.items()})


@router.get("/fragments/network")
def network_fragment(store: StoreDep, year: Annotated[int, Query(ge=1000, le=3000)],
                     instrument: LayersQuery = None, weights: WeightsQuery = None
                     ) -> dict[str, Any]:
    """The figure and the strongest states for the page (JSON)."""
    ids, _ = _layers(store, instrument)
    view, span = checked_network(store, year, ids, weights, with_layout=True)
    tied = sum(1 for d in view.nodes["degree"].to_pylist() if d > 0)
    return {"year": view.year, "coverage": list(span), "figure": network_figure(view),
            "rows": strongest(view),
            "layers": [{"id": i, "label": layer_label(i), "source": view.layer_sources[i],
                        "href": source_href(s, view.data_versions.get(s)) if
                        (s := view.layer_sources[i]) else None} for i in view.instruments],
            "states": tied, "members": int(sum(view.nodes["member"].to_pylist())),
            "ties": view.links.num_rows,
            "sources": [{"id": s, "version": v, "href": source_href(s, v)}
                        for s, v in sorted(view.data_versions.items())]}


PAGE = Page(router, NavItem("Network", "/network"))
