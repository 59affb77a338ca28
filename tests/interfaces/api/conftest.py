"""The application over the session's real store, and a writable store for write tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente._settings import Settings
from detente.interfaces.api import create_app
from detente.store import Store, pull


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    """A test client over the session store (read-only), raising nothing: errors are answers."""
    app = create_app(Settings(api_token="s3cret"), store=store)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def writable(mirror: Path, tmp_path: Path) -> Iterator[Store]:
    """A small writable store (COW majors only) in a temporary folder."""
    with Store(tmp_path / "w.duckdb") as db:
        pull(db, ["cow_majors"])
        yield db
