"""``detente up`` as a newcomer runs it: load the data into an empty store, then serve the
API and the dashboard on one address; ``detente serve`` refuses an empty store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from detente.interfaces.cli import app
from tests.interfaces.web.conftest import free_port


def test_up_pulls_everything_then_serves(mirror: Path, tmp_path: Path) -> None:
    port = free_port()
    store = tmp_path / "fresh.duckdb"
    log = tmp_path / "up.log"
    command = [sys.executable, "-c", "from detente.interfaces.cli import main; main()", "up",
               "--store", str(store), "--port", str(port)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "DETENTE_MIRROR": str(mirror),
                                        "COLUMNS": "200"})
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        assert health.json()["loaded"]["natural_earth"] == "5.1.2"
        assert not health.json()["read_only"]
        page = httpx.get(f"http://127.0.0.1:{port}/map", timeout=10)
        assert page.status_code == 200 and "World map" in page.text
        output = log.read_text()
        assert "loaded" in output and "cow_nmc" in output
        assert f"http://127.0.0.1:{port}/" in output.replace("\n", "")
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_refuses_an_empty_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "detente data pull" in result.output
