"""The dyad page: two states' alliances, disputes and capabilities over time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from detente.actors import resolve_actor
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear, span
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections import DYAD_SECTIONS, DyadContext, SourceLink
from detente.profiles import dyad_profile

router = APIRouter(include_in_schema=False)


@router.get("/dyad", response_class=HTMLResponse, response_model=None)
def find_dyad(request: Request, store: StoreDep,
              a: Annotated[str, Query(max_length=100)] = "",
              b: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse | RedirectResponse:
    """Pick two states by name or code."""
    if a.strip() and b.strip():
        first, second = resolve_actor(store, a), resolve_actor(store, b)
        return RedirectResponse(f"/dyad/{first.ccode}/{second.ccode}", status_code=303)
    return render(request, "find_dyad.html", title="Compare two states", a=a, b=b)


@router.get("/dyad/{first_state}/{second_state}", response_class=HTMLResponse)
def dyad_page(request: Request, first_state: ActorPath, second_state: ActorPath,
              store: StoreDep, first: FromYear = None, last: ToYear = None) -> HTMLResponse:
    profile = dyad_profile(store, first_state, second_state, years=span(first, last))
    ctx = DyadContext(store, profile)
    sections = [section(ctx) for section in DYAD_SECTIONS]
    sources = [SourceLink.of(s, v) for s, v in sorted(profile.data_versions.items())]
    return render(request, "dyad.html", title=f"{profile.a.name} – {profile.b.name}",
                  p=profile, sections=sections, sources=sources)


PAGE = Page(router, NavItem("Dyads", "/dyad"))
