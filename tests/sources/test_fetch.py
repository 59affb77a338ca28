"""The download path, for real: an HTTP mirror on 127.0.0.1, corrupt files, dropped transfers."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente._errors import ChecksumMismatch, DownloadError
from detente._settings import Settings
from detente.sources import get_source
from detente.sources._fetch import download, locate
from detente.store import Store, pull
from tests.sources.http_mirror import serve

NMC = get_source("cow_nmc")
NMC_FILE = NMC.files[0]


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_pull_downloads_from_an_http_mirror_and_caches(mirror: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    with serve(mirror) as (base, log):
        monkeypatch.setenv("DETENTE_MIRROR", f"{base}/ok")
        monkeypatch.setenv("DETENTE_CACHE", str(cache))
        with Store(tmp_path / "s.duckdb") as db:
            (result,) = pull(db, ["cow_nmc"])
            assert result.status == "loaded" and result.rows == 17121
            prov = db.provenance().to_pylist()[0]
            assert prov["file_path"].startswith(str(cache))
            assert log.requests == [(f"/ok/{NMC_FILE.path}", None)]
            # A second pull in a new store reads the verified cache, not the network.
        with Store(tmp_path / "s2.duckdb") as db:
            pull(db, ["cow_nmc"])
        assert len(log.requests) == 1


def test_corrupted_file_is_refused_and_nothing_is_kept(mirror: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    with serve(mirror) as (base, _log):
        monkeypatch.setenv("DETENTE_MIRROR", f"{base}/corrupt")
        monkeypatch.setenv("DETENTE_CACHE", str(cache))
        with Store(tmp_path / "s.duckdb") as db:
            with pytest.raises(ChecksumMismatch, match="cow_nmc.rda: sha256 is"):
                pull(db, ["cow_nmc"])
            assert not db.has_table("cow_nmc")
            assert db.provenance().num_rows == 0
    assert leftovers(cache) == []


def test_dropped_connection_resumes_with_range(mirror: Path, tmp_path: Path) -> None:
    dest = tmp_path / "nmc.rda"
    seen: list[int] = []
    with serve(mirror) as (base, log):
        download(f"{base}/drop-once/{NMC_FILE.path}", dest, NMC_FILE,
                 progress=lambda done, total: seen.append(done))
    assert dest.read_bytes() == (mirror / NMC_FILE.path).read_bytes()
    assert len(log.requests) == 2 and log.requests[1][1] is not None  # resumed with Range
    assert seen[-1] == dest.stat().st_size


def test_connection_dropped_every_time_fails_and_leaves_nothing(mirror: Path, tmp_path: Path
                                                                ) -> None:
    dest = tmp_path / "dl" / "nmc.rda"
    with serve(mirror) as (base, _log), pytest.raises(DownloadError, match="transfer failed"):
        download(f"{base}/drop-always/{NMC_FILE.path}", dest, NMC_FILE)
    assert leftovers(tmp_path / "dl") == []


def test_missing_file_is_a_clear_error(mirror: Path, tmp_path: Path) -> None:
    with serve(mirror) as (base, _log), pytest.raises(DownloadError, match="HTTP 404"):
        download(f"{base}/ok/no/such.rda", tmp_path / "x.rda", NMC_FILE)


def test_local_mirror_with_a_bad_file_is_refused(mirror: Path, tmp_path: Path) -> None:
    local = tmp_path / "mirror"
    target = local / NMC_FILE.path
    target.parent.mkdir(parents=True)
    target.write_bytes((mirror / NMC_FILE.path).read_bytes()[:-10])
    settings = Settings(mirror=str(local), cache=tmp_path / "cache")
    with pytest.raises(ChecksumMismatch, match=str(target)):
        locate(NMC, settings=settings)
