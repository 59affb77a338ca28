"""Conformance checks shared by every model's tests (sklearn's ``check_estimator``)."""

from __future__ import annotations

from typing import Any

from detente.models._base import Model, Result


def check_model(model: Model, inputs: Any, *, seed: int = 7) -> Result:
    """Assert the model contract on ``inputs`` and return the result of one run.

    - parameters round-trip through ``get_params``/``clone`` and ``__init__`` stores them
      unchanged;
    - ``run`` returns a :class:`Result` naming the model, with its parameters and seed;
    - the same inputs and seed give the same tables (a stochastic model with another seed
      is allowed to differ);
    - the model has tags.
    """
    params = model.get_params()
    twin = model.clone()
    assert twin.get_params() == params, "clone() changed the parameters"
    assert type(model).tags is not None
    first = model.run(inputs, seed=seed)
    assert isinstance(first, Result)
    assert first.model == type(model).__name__
    assert dict(first.params) == params, "Result.params differ from get_params()"
    assert first.seed == seed
    again = twin.run(inputs, seed=seed)
    assert first.table.equals(again.table), "same inputs and seed gave a different table"
    for name, frame in first.tables.items():
        assert frame.equals(again.tables[name]), f"table {name!r} is not reproducible"
    assert model.get_params() == params, "run() modified the model's parameters"
    return first
