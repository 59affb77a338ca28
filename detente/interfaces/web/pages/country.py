"""The country page: header facts, then every registered country section."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from detente.actors import search_actors
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear, span
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections import COUNTRY_SECTIONS, CountryContext, SourceLink
from detente.profiles import country_profile

router = APIRouter(include_in_schema=False)


@router.get("/country", response_class=HTMLResponse, response_model=None)
def find_country(request: Request, store: StoreDep,
                 q: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse | RedirectResponse:
    """Search by name or code; one match goes straight to its page."""
    found = search_actors(store, q, limit=50) if q.strip() else []
    if len(found) == 1:
        return RedirectResponse(f"/country/{found[0].ccode}", status_code=303)
    return render(request, "find.html", title="Find a country", q=q, found=found)


@router.get("/country/{query}", response_class=HTMLResponse)
def country_page(request: Request, query: ActorPath, store: StoreDep,
                 first: FromYear = None, last: ToYear = None) -> HTMLResponse:
    profile = country_profile(store, query, years=span(first, last))
    ctx = CountryContext(store, profile)
    sections = [section(ctx) for section in COUNTRY_SECTIONS]
    sources = [SourceLink.of(s, v) for s, v in sorted(profile.data_versions.items())]
    return render(request, "country.html", title=profile.actor.name, p=profile,
                  sections=sections, sources=sources)


PAGE = Page(router, NavItem("Countries", "/country"))
