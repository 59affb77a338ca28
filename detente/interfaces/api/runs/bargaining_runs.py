"""The bargaining computations the API answers: a run, what-ifs, sensitivity, pivotal actors.

Each request is priced before it runs. One round of the model costs about ``n^2 + 400``
units for ``n`` actors (pairwise arrays plus a fixed overhead of a few hundred microseconds
per round, measured on the EC example and on 100 actors); a request may do at most
:data:`WORK_BUDGET` units: a few seconds (4,000,000 units took about 5.5 s on the busy
two-core machine the bounds were measured on). The EC example (10 actors, 100 rounds) costs
50,500 units a run, so 78 sensitivity draws fit; the pivotal test of it costs 1,060,500.
"""

from __future__ import annotations

import polars as pl

from detente.interfaces.api.refusals import Loc, at_field, reject
from detente.interfaces.api.runs._results import meta_for, records, run_meta
from detente.interfaces.api.runs.bargaining_issue import request_issue, scenario
from detente.interfaces.api.runs.bargaining_schemas import (
    ExampleOut,
    GivenActor,
    GivenIssue,
    IssueRequest,
    ModelParams,
    PivotalRequest,
    PivotalResult,
    RunRequest,
    RunResult,
    SensitivityRequest,
    SensitivityResult,
    WhatIfRequest,
    WhatIfResult,
)
from detente.interfaces.api.schemas import source_refs
from detente.models.bargaining import (
    BargainingSensitivity,
    ExpectedUtilityBargaining,
    Issue,
    compare_scenarios,
    example_issue,
    pivotal_actors,
)
from detente.store import Store

WORK_BUDGET = 4_000_000
"""Most work units (runs x rounds x (actors^2 + 400)) one request may do."""
MAX_ROWS = 100_000
"""Most rows of positions and offers in one answer."""


def work(actors: int, rounds: int, runs: int) -> int:
    """Work units of ``runs`` model runs of up to ``rounds`` rounds on ``actors`` actors."""
    return runs * (rounds + 1) * (actors * actors + 400)


def _priced(issue: Issue, params: ModelParams, runs: int, loc: Loc, what: str) -> None:
    cost = work(len(issue), params.max_rounds, runs)
    if cost > WORK_BUDGET:
        reject((loc, f"{what} runs the model {runs:,} time(s) on {len(issue)} actors for up "
                     f"to {params.max_rounds + 1} rounds each: {cost:,} units of work, over "
                     f"the {WORK_BUDGET:,} one request may do; ask for fewer, lower "
                     "model.max_rounds, or run it with the CLI (detente bargain)"))


def _prepare(store: Store, body: IssueRequest) -> tuple[Issue, ExpectedUtilityBargaining]:
    return request_issue(store, body.issue), ExpectedUtilityBargaining(**body.model.model_dump())


def get_example(store: Store) -> ExampleOut:
    """The EC example as actors a request can edit and send back (``kind: given``)."""
    issue = example_issue(store)
    lo, hi = issue.scale or (None, None)
    actors = [GivenActor(actor=a, capability=float(c), position=float(x), salience=float(s))
              for a, c, x, s in zip(issue.actors, issue.capability, issue.position,
                                    issue.salience, strict=True)]
    given = GivenIssue(kind="given", actors=actors, name=issue.name,
                       scale=None if lo is None else (lo, hi))
    versions = dict(issue.data_versions)
    return ExampleOut(issue=given, data_versions=versions, sources=source_refs(versions))


def run_issue(store: Store, body: RunRequest) -> RunResult:
    """Run the model: positions by round, forecasts, offers."""
    issue, model = _prepare(store, body)
    _priced(issue, body.model, 1, ("body", "model", "max_rounds"), "this run")
    n, rounds = len(issue), body.model.max_rounds + 1
    offers = {"all": n * (n - 1) * rounds, "last": n * (n - 1), "none": 0}[body.offers]
    if n * rounds + offers > MAX_ROWS:
        reject((("body", "offers"), f"up to {n * rounds + offers:,} rows of positions and "
                f"offers, over the {MAX_ROWS:,} one answer may hold; ask offers='last' or "
                "'none', or lower model.max_rounds"))
    result = model.run(issue)
    listed = result.tables["offers"]
    if body.offers == "last":
        listed = listed.filter(pl.col("round") == result.summary["rounds"])
    elif body.offers == "none":
        listed = listed.clear()
    return RunResult(**run_meta(result), table=records(result.table),
                     tables={"forecasts": records(result.tables["forecasts"]),
                             "offers": records(listed)},
                     offers=body.offers)


def run_whatif(store: Store, body: WhatIfRequest) -> WhatIfResult:
    """The baseline and every scenario, forecasts side by side."""
    issue, model = _prepare(store, body)
    _priced(issue, body.model, 1 + len(body.scenarios), ("body", "scenarios"),
            "this comparison")
    scenarios = [scenario(issue, s, ("body", "scenarios", i))
                 for i, s in enumerate(body.scenarios)]
    with at_field("body", "scenarios"):
        comparison = compare_scenarios(issue, scenarios, model=model)
    forecasts = pl.concat([
        result.tables["forecasts"].select(pl.lit(name).alias("scenario"), "round", "median",
                                          "mean")
        for name, result in comparison.results.items()])
    base = comparison.results["baseline"]
    summary = {"issue": issue.name, "scenarios": [s.name for s in scenarios]}
    return WhatIfResult(**meta_for(base.model, base.data_versions, summary=summary,
                                   params=base.params),
                        table=records(comparison.table), tables={"forecasts": records(forecasts)})


def run_sensitivity(store: Store, body: SensitivityRequest) -> SensitivityResult:
    """Seeded Monte Carlo over small input shocks: the forecast's distribution."""
    issue, model = _prepare(store, body)
    _priced(issue, body.model, body.draws + 1, ("body", "draws"), f"{body.draws} draws")
    mc = BargainingSensitivity(draws=body.draws, capability_noise=body.capability_noise,
                               salience_noise=body.salience_noise,
                               position_noise=body.position_noise,
                               model_params=model.get_params())
    result = mc.run(issue, seed=body.seed)
    return SensitivityResult(**run_meta(result), table=records(result.table),
                             tables={"quantiles": records(result.tables["quantiles"])})


def run_pivotal(store: Store, body: PivotalRequest) -> PivotalResult:
    """Which actors move the forecast most when they leave or surge."""
    issue, model = _prepare(store, body)
    runs = 1 + len(issue) * (2 if len(issue) > 2 else 1)
    _priced(issue, body.model, runs, ("body", "issue", "actors"), "the pivotal test")
    table = pivotal_actors(issue, model=model, factor=body.factor)
    summary = {"issue": issue.name, "factor": body.factor}
    return PivotalResult(**meta_for("pivotal_actors", issue.data_versions, summary=summary,
                                    params={**model.get_params(), "factor": body.factor}),
                         table=records(table))
