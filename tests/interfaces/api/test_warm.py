"""A server that opens its own store computes the slow measures at start-up, in the
background, and says when they are ready; visitors then read remembered values."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.measures import Measure
from detente.measures._memo import forget


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of every measure computed from the store (not read from memory)."""
    calls: list[str] = []
    original = Measure.values

    def counted(self: Measure, *args: object, **kwargs: object) -> object:
        calls.append(self.name)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Measure, "values", counted)
    return calls


@pytest.mark.slow
@pytest.mark.parametrize("warm", [True, False])
def test_a_warmed_server_answers_soft_power_from_memory(
        store_path: Path, monkeypatch: pytest.MonkeyPatch, warm: bool) -> None:
    forget()
    calls = _counting(monkeypatch)
    app = create_app(Settings(store=store_path, warm=warm), read_only=True, cache_mb=0)
    with TestClient(app) as client:
        deadline = time.monotonic() + 120
        while not client.get("/api/v1/health").json()["warm"]:
            assert time.monotonic() < deadline, "warming did not finish"
            time.sleep(0.2)
        computed_at_start = list(calls)
        answer = client.get("/api/v1/measures/soft_power?year=2005")
        assert answer.status_code == 200 and answer.json()["data"]
    if warm:
        assert {"soft_power", "defence_centrality"} <= set(computed_at_start)
        assert calls == computed_at_start  # the request computed nothing
    else:
        assert computed_at_start == [] and calls == ["soft_power"]
    forget()
