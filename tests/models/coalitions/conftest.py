"""Fixtures for the coalition tests: the Axelrod-Furnas inputs read from the session store."""

from __future__ import annotations

import pytest

from detente.models.coalitions import LandscapeInputs, furnas_inputs
from detente.store import Store


@pytest.fixture(scope="session")
def syria(store: Store) -> LandscapeInputs:
    """Axelrod and Furnas's Syria inputs of 20 February 2016 (standard sizes)."""
    return furnas_inputs(store, "standard")


@pytest.fixture(scope="session")
def syria_weak(store: Store) -> LandscapeInputs:
    """The same inputs with Syria's strength 10 (the study's weak-Syria variant)."""
    return furnas_inputs(store, "weak_syria")
