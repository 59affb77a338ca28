"""The monitor page: what the store holds of the event stream, the latest alerts (each linking
to its dyad), and the most reported dyads. A dyad's temperature chart is a section of the
dyad page (:func:`detente.interfaces.web.sections.monitor.temperature_section`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes.monitor import dyad_links
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections.monitor import (
    alerts_section,
    busiest_section,
    coverage_section,
)
from detente.monitor import alert_history, event_coverage

router = APIRouter(include_in_schema=False)

RECENT = 100
"""Alerts listed, latest first."""


@router.get("/monitor", response_class=HTMLResponse)
def monitor_page(request: Request, store: StoreDep) -> HTMLResponse:
    cover = event_coverage(store)
    history = alert_history(store, newest_first=True)
    recent = history.slice(0, RECENT)
    sections = [coverage_section(store, cover),
                alerts_section(store, dyad_links(store, recent) if recent.num_rows else [],
                               recent, history.num_rows)]
    if cover.dyadic:
        sections.append(busiest_section(store))
    return render(request, "monitor.html", title="Monitor", sections=sections)


PAGE = Page(router, NavItem("Monitor", "/monitor"))
