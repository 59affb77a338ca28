"""Every example script runs on the session store and writes what it promises.

One script runs as a user runs it (a new Python process, PNG figures drawn by kaleido with
the system Chromium); the others run in this process (``runpy``, as ``__main__``, without
PNG) to keep the suite short.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from detente.guides import CASES, CaseResult

ROOT = Path(__file__).resolve().parents[2]
AS_A_USER = "thaad_korea"


def check_outputs(folder: Path, case_id: str, result: CaseResult, *, png: bool) -> None:
    data = json.loads((folder / f"{case_id}.json").read_text(encoding="utf-8"))
    assert all(s["holds"] is not False for s in data["shows"] + data["limits"])
    assert data["numbers"] == result.to_json()["numbers"]  # the script computes what we test
    for figure in data["figures"]:
        assert (folder / f"{figure['id']}.html").is_file()
        image = folder / f"{figure['id']}.png"
        assert image.is_file() == png
        if png:
            assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_a_case_script_runs_from_the_command_line(store_path: Path, tmp_path: Path,
                                                  case_results: dict[str, CaseResult]) -> None:
    from tests.interfaces.web.conftest import require_chromium

    require_chromium()
    case = CASES[AS_A_USER]
    done = subprocess.run([sys.executable, str(ROOT / case.script), "--out", str(tmp_path)],
                          cwd=ROOT, env={**os.environ, "DETENTE_STORE": str(store_path)},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert case.title in done.stdout and "What the data do not show" in done.stdout
    check_outputs(tmp_path, case.id, case_results[case.id], png=True)


@pytest.mark.slow
@pytest.mark.parametrize("case_id", [c for c in CASES if c != AS_A_USER])
def test_case_script_runs(case_id: str, store_path: Path, tmp_path: Path,
                          case_results: dict[str, CaseResult],
                          monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    script = ROOT / CASES[case_id].script
    monkeypatch.setattr(sys, "argv", [str(script), "--store", str(store_path),
                                      "--out", str(tmp_path), "--no-png"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(script), run_name="__main__")
    assert exit_.value.code == 0
    assert CASES[case_id].title in capsys.readouterr().out
    check_outputs(tmp_path, case_id, case_results[case_id], png=False)
