"""Helpers for testing detente and code built on it."""

from detente.testing._checks import check_model

__all__ = ["check_model"]
