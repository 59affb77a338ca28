"""Read the monitor's TOML files (watchlists, plans), naming the file when it cannot be read."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from detente._errors import ImportRejected, Violation


def read_toml(path: str | Path) -> dict[str, Any]:
    """The parsed document, or :class:`ImportRejected` naming the file and the parse error."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImportRejected([Violation(str(path), None, None, f"cannot be read: {exc}")]) from None
