"""The package's public surface is exactly its ``__all__`` (sorted), as in httpx."""

from __future__ import annotations

import detente.models.bargaining as bargaining


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in vars(bargaining) if not name.startswith("_")}
    assert bargaining.__all__ == sorted(bargaining.__all__)
    assert set(bargaining.__all__) == public
