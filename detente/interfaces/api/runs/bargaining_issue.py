"""An :class:`Issue` from a request body: the EC example, actors given, or states at the table.

Problems are answered at the field they concern: a repeated actor at ``issue.actors.i.actor``,
a state the store cannot resolve at ``issue.actors``, a scenario naming no actor at
``scenarios.i``.
"""

from __future__ import annotations

from collections.abc import Sequence

from detente.interfaces.api.refusals import Loc, at_field, reject
from detente.interfaces.api.runs.bargaining_schemas import (
    ExampleIssue,
    GivenIssue,
    ScenarioBody,
    StatesIssue,
)
from detente.models.bargaining import Issue, Scenario, example_issue, issue_from_states
from detente.store import Store

ISSUE: Loc = ("body", "issue")


def request_issue(store: Store, spec: ExampleIssue | GivenIssue | StatesIssue,
                  loc: Loc = ISSUE) -> Issue:
    """The issue a request describes."""
    if isinstance(spec, ExampleIssue):
        return example_issue(store)
    scale = None if spec.scale is None else (float(spec.scale[0]), float(spec.scale[1]))
    if isinstance(spec, GivenIssue):
        names = [a.actor for a in spec.actors]
        _unique(names, loc + ("actors",), "actor")
        with at_field(*loc):
            return Issue(tuple(names), [a.capability for a in spec.actors],
                         [a.position for a in spec.actors], [a.salience for a in spec.actors],
                         scale=scale, name=spec.name)
    states = [a.state for a in spec.actors]
    _unique(states, loc + ("actors",), "state")
    with at_field(*loc, "actors"):
        return issue_from_states(store, {a.state: a.position for a in spec.actors},
                                 {a.state: a.salience for a in spec.actors}, year=spec.year,
                                 measure=spec.measure.value, scale=scale, name=spec.name)


def _unique(names: Sequence[str], loc: Loc, field: str) -> None:
    seen: dict[str, int] = {}
    problems = []
    for i, name in enumerate(names):
        if name in seen:
            problems.append((loc + (i, field), f"repeats actor {seen[name]} ({name!r})"))
        seen.setdefault(name, i)
    if problems:
        reject(*problems)


def scenario(issue: Issue, body: ScenarioBody, loc: Loc) -> Scenario:
    """The :class:`Scenario` a body describes, checked against ``issue`` (applied once)."""
    if body.name == "baseline":
        reject((loc + ("name",), "'baseline' names the unchanged issue; choose another name"))
    found = Scenario(body.name, remove=tuple(body.remove), capability=body.capability,
                     capability_factor=body.capability_factor, salience=body.salience,
                     position=body.position,
                     coalitions=tuple(tuple(group) for group in body.coalitions))
    with at_field(*loc):
        found.apply(issue)
    return found
