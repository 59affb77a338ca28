"""Shared test helpers: a View built by hand for one strategy decision."""

from __future__ import annotations

import numpy as np

from detente.models.escalation import Game, View


def make_view(game: Game, t: int, own: list[int], seen: list[int],
              trust: list[float] | None = None, seed: int = 0) -> View:
    ladder = game.ladder
    shape = (len(own), 1)
    return View(
        t=t, own=np.array(own, dtype=np.int8).reshape(shape),
        seen=np.array(seen, dtype=np.int8).reshape(shape),
        trust=np.array(trust if trust is not None else [0.5] * len(own),
                       dtype=np.float32).reshape(shape),
        rng=np.random.default_rng(seed), cooperative=ladder.cooperative,
        cooperate=ladder.cooperate, defect=ladder.defect_index,
        first_escalatory=ladder.first_escalatory, top=len(ladder) - 1, game=game)
