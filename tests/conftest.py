"""Shared fixtures: the real-data mirror and one store built from it per test session.

Tests that need the mirror use the ``mirror`` or ``store`` fixture. Without
``DETENTE_MIRROR`` they are skipped on a developer machine, but under CI (``CI=true``) they
fail: a missing mirror must never pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.guides import CASES, CaseResult, run_case
from detente.store import Store, pull


def _mirror_path() -> Path | None:
    raw = os.environ.get("DETENTE_MIRROR")
    if raw and Path(raw).is_dir():
        return Path(raw).resolve()
    return None


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep downloads and default stores out of the user's home directory."""
    old = {k: os.environ.get(k) for k in ("DETENTE_CACHE", "DETENTE_STORE")}
    home = tmp_path_factory.mktemp("detente-home")
    os.environ["DETENTE_CACHE"] = str(home / "cache")
    os.environ["DETENTE_STORE"] = str(home / "default.duckdb")
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The real-data mirror; fails under CI when it is missing, skips elsewhere."""
    path = _mirror_path()
    if path is None:
        message = "DETENTE_MIRROR is not set to a folder holding the real data"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (required under CI)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def store_path(mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with every registered source pulled from the mirror."""
    path = tmp_path_factory.mktemp("store") / "detente.duckdb"
    with Store(path) as db:
        pull(db)
    return path


@pytest.fixture(scope="session")
def store(store_path: Path) -> Iterator[Store]:
    """The session store, opened read-only (tests must not change it)."""
    db = Store(store_path, read_only=True)
    yield db
    db.close()


@pytest.fixture(scope="session")
def case_results(store: Store) -> dict[str, CaseResult]:
    """Every case study computed once from the session store."""
    return {case_id: run_case(store, case) for case_id, case in CASES.items()}
