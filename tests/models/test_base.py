"""The model contract itself, on a tiny model made for this test."""

from __future__ import annotations

from typing import ClassVar

import polars as pl
import pytest

from detente._seed import SeedLike, resolve_seed
from detente.models import REGISTRY, Model, ModelTags, Result, filtered, register
from detente.testing import check_model


class CoinFlips(Model):
    """Made-up: flips ``n`` coins with probability ``p``; exists only to test the base class."""

    tags: ClassVar[ModelTags] = ModelTags(question="escalation", stochastic=True, citation="-")

    def __init__(self, *, n: int = 5, p: float = 0.5) -> None:
        self.n = n
        self.p = p

    def run(self, inputs: None, *, seed: SeedLike = None) -> Result:
        rng = resolve_seed(seed)
        flips = rng.random(self.n) < self.p
        return Result("CoinFlips", pl.DataFrame({"flip": flips}), params=self.get_params(),
                      seed=seed if isinstance(seed, int) else None)


def test_contract_and_registry(tmp_path: object) -> None:
    result = check_model(CoinFlips(n=10), None)
    assert result.table.height == 10
    register(CoinFlips)
    try:
        assert "CoinFlips" in filtered(question="escalation", stochastic=True)
    finally:
        REGISTRY.pop("CoinFlips")
    assert CoinFlips(n=3).clone(p=0.9).get_params() == {"n": 3, "p": 0.9}
    with pytest.raises(ValueError, match="has no parameter 'q'"):
        CoinFlips().set_params(q=1)
    assert result.to_dict()["params"] == {"n": 10, "p": 0.5}
