"""The escalation page: choose states (or a region) and a year, strategies, noise and channel
levels; run a bounded comparison; read outcomes against noise, spirals, time to
de-escalation and the calibration behind them.

The form is a plain GET, so every result has an address that can be shared and reproduced
(the seed is part of it). The comparison is the one ``POST /api/v1/escalation/compare`` runs.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from detente._errors import NotLoadedError
from detente.actors import regions
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.runs.escalation_runs import (
    MAX_DYAD_ROUNDS,
    MAX_DYADS,
    CompareRequest,
    compare,
)
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections.escalation import comparison_sections
from detente.models.escalation import MILITARY_DIPLOMACY, strategy_table
from detente.store import Store

router = APIRouter(include_in_schema=False)

DEFAULTS: dict[str, Any] = {
    "year": "2010", "states": "USA, CHN, JPN, RUS, UKG, FRN, IND, PAK, GMY, ITA",
    "region": "", "dyads": "all", "strategies": ["tft", "gtft", "grit", "wsls"],
    "noise": "0, 0.05, 0.1, 0.2", "channels": "", "rounds": "50", "replicates": "20",
    "seed": "0", "misperception": "shift", "engagement": "",
}
"""What the form shows before the first run: ten large states in 2010, four strategies."""

_LISTS = ("states", "noise", "channels")


def form_values(request: Request) -> dict[str, Any]:
    """The form as submitted (or the defaults), for running and for filling the form again."""
    params = request.query_params
    if "run" not in params:
        return dict(DEFAULTS)
    values = {key: params.get(key, "") for key in DEFAULTS if key != "strategies"}
    values["strategies"] = params.getlist("strategies")
    return values


def comparison_request(values: dict[str, Any]) -> dict[str, Any]:
    """The JSON body of ``POST /api/v1/escalation/compare`` that the form stands for."""
    body: dict[str, Any] = {}
    for key, value in values.items():
        if key in _LISTS:
            parts = [p.strip() for p in str(value).split(",") if p.strip()]
            if parts:
                body[key] = parts
        elif key == "strategies":
            body[key] = list(value)
        elif str(value).strip():
            body[key] = str(value).strip()
    return body


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "body") or "request"


def _known_regions(store: Store) -> list[str]:
    try:
        return regions(store)
    except NotLoadedError:
        return []


@router.get("/escalation", response_class=HTMLResponse)
def escalation_page(request: Request, store: StoreDep) -> HTMLResponse:
    values = form_values(request)
    errors: list[tuple[str, str]] = []
    sections = []
    if "run" in request.query_params:
        try:
            body = CompareRequest.model_validate(comparison_request(values))
            table, network = compare(store, body)
            sections = comparison_sections(table, network, body)
        except ValidationError as exc:
            errors = [(_field(tuple(e["loc"])), e["msg"]) for e in exc.errors()]
        except RequestValidationError as exc:
            errors = [(_field(tuple(e["loc"])), e["msg"]) for e in exc.errors()]
    return render(request, "escalation.html", status_code=422 if errors else 200,
                  title="Escalation under misperception", values=values, errors=errors,
                  sections=sections, strategies=strategy_table(),
                  engagements=[a for a in MILITARY_DIPLOMACY.actions if a.cooperative],
                  regions=_known_regions(store), max_dyads=MAX_DYADS,
                  max_dyad_rounds=MAX_DYAD_ROUNDS)


PAGE = Page(router, NavItem("Escalation", "/escalation"))
