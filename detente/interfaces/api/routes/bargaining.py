"""Negotiation forecasting: Bueno de Mesquita's expected-utility model, what-ifs for posture
and coalitions, seeded sensitivity and pivotal actors.

Open (no token) and bounded: at most 100 actors, 500 rounds, 8 scenarios and 1,000 draws,
and every request is priced before it runs (runs x rounds x (actors^2 + 400) work units, at
most 4,000,000, a few seconds). A request over a bound is refused with 422 naming the
field.
"""

from __future__ import annotations

from fastapi import APIRouter

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.runs.bargaining_runs import (
    get_example,
    run_issue,
    run_pivotal,
    run_sensitivity,
    run_whatif,
)
from detente.interfaces.api.runs.bargaining_schemas import (
    ExampleOut,
    PivotalRequest,
    PivotalResult,
    RunRequest,
    RunResult,
    SensitivityRequest,
    SensitivityResult,
    WhatIfRequest,
    WhatIfResult,
)

router = APIRouter(prefix="/bargaining", tags=["bargaining"])


@router.get("/example", response_model=ExampleOut)
def get_example_issue(store: StoreDep) -> ExampleOut:
    """The EC car-emission example's actors, to edit and send back as ``kind: given``."""
    return get_example(store)


@router.post("/run", response_model=RunResult)
def post_run(body: RunRequest, store: StoreDep) -> RunResult:
    """Run the model: positions by round, the median and mean forecasts, every offer."""
    return run_issue(store, body)


@router.post("/whatif", response_model=WhatIfResult)
def post_whatif(body: WhatIfRequest, store: StoreDep) -> WhatIfResult:
    """Compare the baseline with changed capability, salience, position or coalitions."""
    return run_whatif(store, body)


@router.post("/sensitivity", response_model=SensitivityResult)
def post_sensitivity(body: SensitivityRequest, store: StoreDep) -> SensitivityResult:
    """Seeded Monte Carlo over small input shocks: the distribution of the forecast."""
    return run_sensitivity(store, body)


@router.post("/pivotal", response_model=PivotalResult)
def post_pivotal(body: PivotalRequest, store: StoreDep) -> PivotalResult:
    """Actors ranked by how far the forecast moves when each leaves or surges."""
    return run_pivotal(store, body)
