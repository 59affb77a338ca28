"""Landscape inputs from a request body: built from the store, given, or the Syria study's.

Every problem is answered at the field it concerns: a state that is not a member in the year
at ``inputs.states``, an asymmetric pair at ``inputs.propensity.i.j``, a repeated name at
``inputs.actors.i.name``.
"""

from __future__ import annotations

import numpy as np

from detente._errors import ModelInputError
from detente.actors import resolve_actor
from detente.interfaces.api.refusals import Loc, at_field, reject
from detente.interfaces.api.runs._fields import states_query
from detente.interfaces.api.runs.coalition_schemas import (
    FurnasInputs,
    GivenActor,
    GivenInputs,
    StoreInputs,
)
from detente.models.coalitions import (
    LandscapeInputs,
    build_inputs,
    furnas_inputs,
    in_region,
    states_in_year,
)
from detente.models.coalitions._inputs import Problem, check_inputs
from detente.store import Store

INPUTS: Loc = ("body", "inputs")


def landscape_inputs(store: Store, spec: StoreInputs | GivenInputs | FurnasInputs,
                     loc: Loc = INPUTS) -> LandscapeInputs:
    """The :class:`LandscapeInputs` a request describes."""
    if isinstance(spec, FurnasInputs):
        return furnas_inputs(store, spec.variant)
    if isinstance(spec, GivenInputs):
        return given_inputs(spec, loc)
    return store_inputs(store, spec, loc)


def store_inputs(store: Store, spec: StoreInputs, loc: Loc = INPUTS) -> LandscapeInputs:
    """Inputs for the chosen states (or a region's, or every member's) in the year."""
    with at_field(*loc, "year"):
        members, _ = states_in_year(store, spec.year)
    states: list[int | str] | None = None
    if spec.region is not None:
        if spec.states is not None:
            reject((loc + ("region",), "give states or a region, not both"))
        inside = in_region(members.tolist(), spec.region.value)
        states = [int(c) for c, keep in zip(members, inside, strict=True) if keep]
        if len(states) < 2:
            reject((loc + ("region",), f"fewer than two system members in "
                                       f"{spec.region.value} in {spec.year}"))
    elif spec.states is not None:
        states = states_query(spec.states)
    weights = None if spec.components is None else {
        name.value: weight for name, weight in spec.components.items()}
    with at_field(*loc):
        return build_inputs(store, spec.year, states, size=spec.size.value, components=weights,
                            outside_coverage="skip" if spec.skip_uncovered else "error")


def given_inputs(spec: GivenInputs, loc: Loc = INPUTS) -> LandscapeInputs:
    """Inputs given in the request, checked as a file would be (all problems at once)."""
    n = len(spec.actors)
    if len(spec.propensity) != n:
        reject((loc + ("propensity",), f"has {len(spec.propensity)} rows for {n} actors"))
    ragged = [(loc + ("propensity", i), f"row must list {n} values, has {len(row)}")
              for i, row in enumerate(spec.propensity) if len(row) != n]
    if ragged:
        reject(*ragged)
    names = [a.name for a in spec.actors]
    sizes = np.array([a.size for a in spec.actors], dtype=np.float64)
    prop = np.array([[np.nan if v is None else v for v in row] for row in spec.propensity],
                    dtype=np.float64)
    np.fill_diagonal(prop, np.where(np.isnan(np.diag(prop)), 0.0, np.diag(prop)))
    codes = _codes(spec.actors, loc)
    problems = check_inputs(names, sizes, prop, codes)
    if problems:
        reject(*((_where(p, loc), p.message) for p in problems))
    return LandscapeInputs(tuple(names), sizes, prop, codes=codes, year=spec.year,
                           provenance={"built_from": "request"})


def _codes(actors: list[GivenActor], loc: Loc) -> tuple[int, ...] | None:
    given = [a.ccode for a in actors]
    if all(c is None for c in given):
        return None
    missing = [(loc + ("actors", i, "ccode"), "give every actor a COW code, or none")
               for i, c in enumerate(given) if c is None]
    if missing:
        reject(*missing)
    return tuple(int(c) for c in given if c is not None)


def _where(problem: Problem, loc: Loc) -> Loc:
    if problem.column is not None and problem.row is not None:
        return loc + ("propensity", problem.row, problem.column)
    if problem.row is not None:
        field = {"actor": "name", None: "name"}.get(problem.field, problem.field)
        return loc + ("actors", problem.row, str(field))
    return loc


def actor_name(store: Store, inputs: LandscapeInputs, query: str, loc: Loc) -> str:
    """The actor of ``inputs`` that ``query`` names: by name (any case) or COW code, or, for
    store-built inputs, any way the store resolves a state (ISO3, full name)."""
    with at_field(*loc):
        try:
            return inputs.actors[inputs.index(states_query([query])[0])]
        except ModelInputError:
            if inputs.codes is None:
                raise
        code = resolve_actor(store, query, year=inputs.year).ccode
        return inputs.actors[inputs.index(code)]
