"""The coalition computations the API answers: landscape, exported inputs, structural balance,
partner ranking and what-if, each bounded to fit a synchronous request."""

from __future__ import annotations

import polars as pl

from detente.interfaces.api.refusals import at_field, reject
from detente.interfaces.api.runs._fields import states_query
from detente.interfaces.api.runs._results import meta_for, ordered_sources, records, run_meta
from detente.interfaces.api.runs.coalition_inputs import actor_name, landscape_inputs
from detente.interfaces.api.runs.coalition_schemas import (
    MAX_ACTORS,
    MAX_BALANCE_YEARS,
    MAX_SOLVER_SECONDS,
    MAX_STARTS,
    BalanceQuery,
    BalanceResult,
    CoalitionBase,
    CoalitionOptions,
    ComponentPublic,
    GivenActor,
    GivenInputs,
    InputsExport,
    InputsRequest,
    LandscapeRequest,
    LandscapeResult,
    PartnersRequest,
    PartnersResult,
    WhatIfRequest,
    WhatIfResult,
)
from detente.measures import MEASURES, measure_sources
from detente.models.coalitions import (
    BALANCE_COMPONENTS,
    COMPONENTS,
    DEFAULTS,
    MAX_EXHAUSTIVE,
    NMC_SIZES,
    REGIONS,
    CoalitionQuestion,
    Landscape,
    LandscapeInputs,
    PartnerRanking,
    StructuralBalance,
    coalition_whatif,
    signed_networks,
    size_names,
)
from detente.store import Store

MAX_BALANCE_STARTS = 16_384
"""Most heuristic starts over all years of one balance request (years x starts)."""


def size_sources(inputs: LandscapeInputs) -> tuple[str, ...]:
    """Ids of the sources behind the inputs' sizes (NMC for its columns, else the measure's)."""
    size = inputs.provenance.get("size")
    if size in NMC_SIZES:
        return ("cow_nmc",)
    if size in MEASURES:
        return measure_sources(MEASURES[size])
    return ()


def coalition_options() -> CoalitionOptions:
    """What the coalition endpoints accept: components, size measures, regions, bounds."""
    components = [ComponentPublic(name=c.name, weight=c.weight, default=c.name in DEFAULTS,
                                  balance=c.name in BALANCE_COMPONENTS, tables=list(c.tables),
                                  description=c.description) for c in COMPONENTS.values()]
    return CoalitionOptions(
        components=components, sizes=list(size_names()),
        regions={name: [tuple(block) for block in blocks] for name, blocks in REGIONS.items()},
        max_actors=MAX_ACTORS, max_exhaustive=MAX_EXHAUSTIVE, max_starts=MAX_STARTS,
        max_balance_years=MAX_BALANCE_YEARS, max_solver_seconds=MAX_SOLVER_SECONDS)


def run_landscape(store: Store, body: LandscapeRequest) -> LandscapeResult:
    """Landscape theory on the inputs the body describes: minima, camps, basins, frustration."""
    inputs = landscape_inputs(store, body.inputs)
    model = Landscape(method=body.method, convention=body.convention, starts=body.starts,
                      top=body.top)
    with at_field("body", "method"):
        result = model.run(inputs, seed=body.seed)
    shown = result.table.head(body.max_minima)
    actors = result.tables["actors"].filter(pl.col("rank") <= body.max_minima)
    best = result.tables.get("best_configurations")
    return LandscapeResult(
        **run_meta(result, seed=body.seed, first=size_sources(inputs)), table=records(shown),
        tables={"actors": records(actors), "best_configurations": [] if best is None
                else records(best)},
        complete=shown.height == result.table.height)


def export_inputs(store: Store, body: InputsRequest) -> InputsExport:
    """Store-built (or the Syria study's) inputs in the form a request can send back."""
    inputs = landscape_inputs(store, body.inputs)
    actors = [GivenActor(name=a, size=float(s), ccode=None if inputs.codes is None
                         else inputs.codes[i])
              for i, (a, s) in enumerate(zip(inputs.actors, inputs.sizes, strict=True))]
    given = GivenInputs(kind="given", actors=actors, propensity=inputs.propensity.tolist(),
                        year=inputs.year)
    return InputsExport(inputs=given, data_versions=dict(inputs.data_versions),
                        provenance=dict(inputs.provenance),
                        sources=ordered_sources(inputs.data_versions, size_sources(inputs)))


def run_balance(store: Store, query: BalanceQuery) -> BalanceResult:
    """Frustration index, blocs and broken ties of the signed network, year by year."""
    last = query.first if query.last is None else query.last
    years = last - query.first + 1
    if years < 1:
        reject((("query", "to"), f"runs backwards: from {query.first} to {last}"))
    if years > MAX_BALANCE_YEARS:
        reject((("query", "to"), f"{years} years in one request; at most "
                                 f"{MAX_BALANCE_YEARS} (split the span)"))
    if query.method != "heuristic" and years * query.time_limit > MAX_SOLVER_SECONDS:
        reject((("query", "time_limit"), f"{years} years x {query.time_limit:g} s is over the "
                f"{MAX_SOLVER_SECONDS:g} s one request may give the exact solver; lower "
                "time_limit, ask fewer years, or use method=heuristic"))
    if query.method != "exact" and years * query.starts > MAX_BALANCE_STARTS:
        reject((("query", "starts"), f"{years} years x {query.starts} starts is over the "
                f"{MAX_BALANCE_STARTS:,} heuristic starts one request may run; lower starts "
                "or ask fewer years"))
    components = [c.value for c in query.components or []] or list(BALANCE_COMPONENTS)
    states = None if query.states is None else states_query(query.states)
    with at_field("query", "states" if states else "from"):
        networks = signed_networks(store, range(query.first, last + 1), states,
                                   components=components,
                                   outside_coverage="skip" if query.skip_uncovered else "error")
    model = StructuralBalance(method=query.method, starts=query.starts,
                              time_limit=query.time_limit)
    with at_field("query", "time_limit"):
        result = model.run(networks, seed=query.seed)
    return BalanceResult(**run_meta(result, seed=query.seed), table=records(result.table),
                         tables={name: records(frame) for name, frame in result.tables.items()})


def _coalition(store: Store, inputs: LandscapeInputs, body: CoalitionBase
               ) -> tuple[str, list[str], str | None]:
    lead = actor_name(store, inputs, body.lead, ("body", "lead"))
    members = [actor_name(store, inputs, m, ("body", "members", i))
               for i, m in enumerate(body.members)]
    rival = None if body.rival is None else actor_name(store, inputs, body.rival,
                                                       ("body", "rival"))
    return lead, members, rival


def run_partners(store: Store, body: PartnersRequest) -> PartnersResult:
    """Candidate partners of a coalition, ranked by capability, cohesion and friction."""
    inputs = landscape_inputs(store, body.inputs)
    lead, members, rival = _coalition(store, inputs, body)
    candidates = None if body.candidates is None else tuple(
        actor_name(store, inputs, c, ("body", "candidates", i))
        for i, c in enumerate(body.candidates))
    region = None if body.region is None else body.region.value
    weights = None if body.weights is None else body.weights.model_dump()
    question = CoalitionQuestion(inputs, lead, tuple(members), rival, candidates, region)
    with at_field("body"):
        result = PartnerRanking(weights=weights, convention=body.convention).run(question)
    return PartnersResult(**run_meta(result, first=size_sources(inputs)),
                          table=records(result.table.head(body.limit)),
                          tables={"coalition": records(result.tables["coalition"])},
                          complete=result.table.height <= body.limit)


def run_whatif(store: Store, body: WhatIfRequest) -> WhatIfResult:
    """What adding or removing members does to capability, cohesion and energy."""
    inputs = landscape_inputs(store, body.inputs)
    lead, members, rival = _coalition(store, inputs, body)
    add = [actor_name(store, inputs, a, ("body", "add", i)) for i, a in enumerate(body.add)]
    remove = [actor_name(store, inputs, a, ("body", "remove", i))
              for i, a in enumerate(body.remove)]
    if not add and not remove:
        reject((("body", "add"), "add or remove at least one member"))
    with at_field("body"):
        table = coalition_whatif(inputs, [lead, *members], add=add, remove=remove, rival=rival,
                                 convention=body.convention)
    summary = {"lead": lead, "year": inputs.year, "added": add, "removed": remove,
               "rival": rival, "inputs": dict(inputs.provenance)}
    return WhatIfResult(**meta_for("CoalitionWhatIf", inputs.data_versions, summary=summary,
                                   params={"convention": body.convention},
                                   first=size_sources(inputs)),
                        table=records(table))
