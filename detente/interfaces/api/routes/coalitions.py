"""Coalitions: landscape theory, structural balance, partner ranking and what-if.

Computations that change nothing are open (no token) and bounded: at most 250 actors, 4,096
random starts, 24 actors for the exhaustive search, 60 years and 20 solver-seconds for
structural balance. A request over a bound is refused with 422 naming the field.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.runs.coalition_runs import (
    coalition_options,
    export_inputs,
    run_balance,
    run_landscape,
    run_partners,
    run_whatif,
)
from detente.interfaces.api.runs.coalition_schemas import (
    BalanceQuery,
    BalanceResult,
    CoalitionOptions,
    InputsExport,
    InputsRequest,
    LandscapeRequest,
    LandscapeResult,
    PartnersRequest,
    PartnersResult,
    WhatIfRequest,
    WhatIfResult,
)

router = APIRouter(prefix="/coalitions", tags=["coalitions"])


@router.get("/options", response_model=CoalitionOptions)
def get_options() -> CoalitionOptions:
    """Propensity components and weights, size measures, regions, and the request bounds."""
    return coalition_options()


@router.post("/inputs", response_model=InputsExport)
def post_inputs(body: InputsRequest, store: StoreDep) -> InputsExport:
    """Build landscape inputs from the store, to edit and send back as ``kind: given``."""
    return export_inputs(store, body)


@router.post("/landscape", response_model=LandscapeResult)
def post_landscape(body: LandscapeRequest, store: StoreDep) -> LandscapeResult:
    """Landscape theory (Axelrod and Bennett 1993): local minima with energies, camps and
    basins, and each actor's frustration; exhaustive up to 24 actors, seeded heuristic beyond."""
    return run_landscape(store, body)


@router.get("/balance", response_model=BalanceResult)
def get_balance(query: Annotated[BalanceQuery, Query()], store: StoreDep) -> BalanceResult:
    """Structural balance year by year: frustration index, proven bound, blocs, broken ties."""
    return run_balance(store, query)


@router.post("/partners", response_model=PartnersResult)
def post_partners(body: PartnersRequest, store: StoreDep) -> PartnersResult:
    """Rank partners for a lead state's coalition against a rival or within a region."""
    return run_partners(store, body)


@router.post("/whatif", response_model=WhatIfResult)
def post_whatif(body: WhatIfRequest, store: StoreDep) -> WhatIfResult:
    """What adding or removing members does to capability, cohesion and energy."""
    return run_whatif(store, body)
