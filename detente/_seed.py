"""One way to take randomness: ``seed: SeedLike | None``, resolved once to a Generator."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np

SeedLike: TypeAlias = int | np.random.Generator | np.random.SeedSequence | None


def resolve_seed(seed: SeedLike) -> np.random.Generator:
    """Return a :class:`numpy.random.Generator` for ``seed``.

    An ``int`` or ``SeedSequence`` gives a fresh PCG64 generator; a ``Generator`` is returned
    as is, so a caller can hand one generator down to every component of a run.
    """
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)
