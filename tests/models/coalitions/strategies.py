"""Hypothesis strategies for landscape inputs: small, integer-valued, so arithmetic is exact."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from detente.models.coalitions import LandscapeInputs


@st.composite
def landscape_inputs(draw: st.DrawFn, min_actors: int = 2, max_actors: int = 9,
                     max_size: int = 20, max_propensity: int = 3) -> LandscapeInputs:
    """Made-up inputs: integer sizes in [1, max_size], symmetric integer propensities."""
    n = draw(st.integers(min_actors, max_actors))
    sizes = draw(st.lists(st.integers(1, max_size), min_size=n, max_size=n))
    upper = draw(st.lists(st.integers(-max_propensity, max_propensity),
                          min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    p = np.zeros((n, n))
    p[np.triu_indices(n, 1)] = upper
    return LandscapeInputs(tuple(f"a{i}" for i in range(n)), np.array(sizes, float), p + p.T)


@st.composite
def configurations(draw: st.DrawFn, inputs: LandscapeInputs) -> np.ndarray:
    """One 0/1 camp label per actor."""
    return np.array(draw(st.lists(st.integers(0, 1), min_size=inputs.n, max_size=inputs.n)),
                    dtype=np.int8)
