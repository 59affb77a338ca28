"""Negotiation forecasting: Bueno de Mesquita's expected-utility group decision model.

Build an :class:`Issue` (from a CSV or JSON file with :func:`read_issue`, from the store for
chosen states with :func:`issue_from_states`, or the EC example with :func:`example_issue`),
run :class:`ExpectedUtilityBargaining` on it, then ask what moves the forecast: a
:class:`Scenario` compared with :func:`compare_scenarios`, :func:`pivotal_actors`, and the
seeded Monte Carlo :class:`BargainingSensitivity`. :func:`positions_figure` plots a run.
"""

from detente.models.bargaining._issue import Issue
from detente.models.bargaining._model import ExpectedUtilityBargaining
from detente.models.bargaining._plot import forecasts_figure, positions_figure, write_html
from detente.models.bargaining._read import example_issue, issue_from_states, read_issue
from detente.models.bargaining._sensitivity import BargainingSensitivity
from detente.models.bargaining._whatif import (
    Comparison,
    Scenario,
    compare_scenarios,
    pivotal_actors,
)

__all__ = [
    "BargainingSensitivity",
    "Comparison",
    "ExpectedUtilityBargaining",
    "Issue",
    "Scenario",
    "compare_scenarios",
    "example_issue",
    "forecasts_figure",
    "issue_from_states",
    "pivotal_actors",
    "positions_figure",
    "read_issue",
    "write_html",
]
