"""The EC car-emission example, read from the session store (real data)."""

from __future__ import annotations

import pytest

from detente.models.bargaining import Issue, example_issue
from detente.store import Store


@pytest.fixture(scope="module")
def ec(store: Store) -> Issue:
    """Ten EC members on the car-emission standards issue (Bueno de Mesquita 1994)."""
    return example_issue(store)
