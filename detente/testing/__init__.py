"""Helpers for testing detente and code built on it."""

from detente.testing._bargaining_reference import reference_round, reference_run
from detente.testing._checks import check_model

__all__ = ["check_model", "reference_round", "reference_run"]
