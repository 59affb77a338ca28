"""Request values as the library takes them."""

from __future__ import annotations

from collections.abc import Sequence


def states_query(items: Sequence[str]) -> list[int | str]:
    """States as the library takes them: COW codes as numbers, anything else as text."""
    return [int(s) if s.strip().isdigit() else s.strip() for s in items]
