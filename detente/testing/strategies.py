"""Hypothesis strategies for detente's inputs (needs the ``hypothesis`` test dependency)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from detente.models.bargaining import Issue


@st.composite
def issues(draw: st.DrawFn, *, min_actors: int = 2, max_actors: int = 8,
           integer_positions: bool = False) -> Issue:
    """Small made-up issues: capability in [0, 10], salience in [0, 100], positions in [0, 10].

    At least one actor has capability and salience above 0. Positions lie on a grid of 0.001
    (as analysts code them; a gap of 1e-12 between two positions only measures rounding);
    with ``integer_positions`` they are whole numbers (many actors share a position, as in
    real inputs).
    """
    n = draw(st.integers(min_actors, max_actors))
    position = (st.integers(0, 10).map(float) if integer_positions
                else st.integers(0, 10_000).map(lambda v: v / 1000))
    xs = draw(st.lists(position, min_size=n, max_size=n))
    cs = draw(st.lists(st.floats(0, 10, allow_subnormal=False), min_size=n, max_size=n))
    ss = draw(st.lists(st.floats(0, 100, allow_subnormal=False), min_size=n, max_size=n))
    cs[0], ss[0] = max(cs[0], 0.5), max(ss[0], 5.0)
    return Issue(tuple(f"actor{i}" for i in range(n)), np.array(cs), np.array(xs),
                 np.array(ss), name="made-up (hypothesis)")
