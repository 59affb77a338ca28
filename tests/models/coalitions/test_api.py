"""The public surface: ``__all__`` is sorted and complete, docstring examples run, models are
registered with tags."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import detente.models.coalitions as coalitions
from detente.models import filtered


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(coalitions) if not name.startswith("_")}
    modules = {m.name for m in pkgutil.iter_modules(coalitions.__path__)}
    assert sorted(coalitions.__all__, key=lambda n: (not n.isupper(), n)) == coalitions.__all__
    assert set(coalitions.__all__) == public - modules


@pytest.mark.parametrize("name", sorted(m.name for m in pkgutil.iter_modules(coalitions.__path__)))
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(f"detente.models.coalitions.{name}")
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_models_are_registered_with_tags() -> None:
    found = filtered(question="coalitions")
    assert {"Landscape", "StructuralBalance", "PartnerRanking"} <= set(found)
    assert found["PartnerRanking"].tags.stochastic is False
