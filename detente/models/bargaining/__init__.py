"""Negotiation forecasting: Bueno de Mesquita's expected-utility group decision model.

Build an :class:`Issue` (from a CSV or JSON file with :func:`read_issue`, from the store for
chosen states with :func:`issue_from_states`, or the EC example with :func:`example_issue`),
run :class:`ExpectedUtilityBargaining` on it, then ask what moves the forecast.
"""

from detente.models.bargaining._issue import Issue
from detente.models.bargaining._model import ExpectedUtilityBargaining

__all__ = ["ExpectedUtilityBargaining", "Issue"]
