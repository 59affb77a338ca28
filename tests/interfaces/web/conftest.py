"""A real detente server on 127.0.0.1 (started through the CLI, as a user starts it) and a
headless Debian Chromium driven by Playwright that records every request it makes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(store_path: Path, log: Path, *options: str, env: dict[str, str] | None = None
            ) -> Iterator[str]:
    """``detente serve`` on a free port with ``options``, started as a user starts it; yields
    its base address once it answers, and stops it on exit."""
    port = free_port()
    command = [sys.executable, "-c", "from detente.interfaces.cli import main; main()",
               "serve", "--store", str(store_path), "--port", str(port), *options]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "COLUMNS": "200", **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start:\n{log.read_text()}")
            time.sleep(0.2)
        assert f"http://127.0.0.1:{port}/" in log.read_text().replace("\n", "")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``detente serve --read-only`` on a free port; yields its base address."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    with serving(store_path, log, "--read-only") as base:
        yield base


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_chromium()


def require_chromium() -> str:
    """Debian's chromium; the test fails under CI without it and is skipped elsewhere."""
    from detente.reports._export import ExportError, chromium_path

    try:
        return chromium_path()
    except ExportError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(exc))
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=chromium_path, headless=True,
                                      args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page whose requests are logged in ``page.requests``; screenshots go to
    ``artifacts/browser``. A page error (an uncaught script exception) fails the test."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1300, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
    assert not tab.errors, tab.errors
