"""The coalitions page: landscape theory on a year's states (or the Syria study's inputs), the
frustration index of structural balance over time, and partner ranking with what-ifs.

The page is a form over the REST API (``/api/v1/coalitions/...``); its script renders the
answers. The server fills in what the forms offer: size measures, components and their
weights, regions, and the years the default components cover.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.runs.coalition_runs import coalition_options
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections._figures import layout
from detente.models.coalitions import BALANCE_COMPONENTS, DEFAULTS, get_component
from detente.store import Store

router = APIRouter(include_in_schema=False)

LANDSCAPE_STATES = "USA, RUS, CHN, UKG, FRN, GMY, JPN, IND, PAK, IRN, ISR, SAU, TUR, EGY, SYR"
"""A default set: the major powers and the Middle East's main states (15: exhaustive)."""


def covered_years(store: Store, components: Iterable[str], extra: Iterable[str] = ()
                  ) -> tuple[int, int]:
    """The years every table of ``components`` (and ``extra`` tables) covers in the store."""
    tables = [t for name in components for t in get_component(name).coverage_tables]
    spans = [store.coverage(t) for t in (*tables, *extra)]
    return max(s[0] for s in spans), min(s[1] for s in spans)


@router.get("/coalitions", response_class=HTMLResponse)
def coalitions_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The forms, filled with the registries' choices and the years the store covers."""
    landscape = covered_years(store, DEFAULTS, ["cow_nmc"])
    balance = covered_years(store, BALANCE_COMPONENTS)
    return render(request, "coalitions.html", title="Coalitions", options=coalition_options(),
                  landscape_years=landscape, balance_years=balance,
                  balance_from=max(balance[0], balance[1] - 19), states=LANDSCAPE_STATES,
                  house_layout=layout("", y_title=""))


PAGE = Page(router, NavItem("Coalitions", "/coalitions"))
