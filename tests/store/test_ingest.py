"""Ingest is all-or-nothing and idempotent, even when the process is killed mid-write."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from detente._errors import NotLoadedError, SchemaViolation
from detente.sources import Column, Source, SourceFile, Table, get_source
from detente.sources._fetch import file_sha256
from detente.store import Store, pull


def snapshot(db: Store) -> dict[str, object]:
    """Every table's name, row count and content digest, plus provenance."""
    state: dict[str, object] = {}
    for name in db.tables():
        rows = sorted(map(repr, db.rows(f'SELECT * FROM "{name}"')))
        state[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return state


def bad_source(tmp: Path) -> Source:
    """A user-declared source whose second data row has a non-numeric year."""
    path = tmp / "mine" / "bad.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("ccode,year,score\n2,1990,1.5\n20,nineteen,2.0\n")
    return Source(
        id="mine", title="t", producer="p", version="1", homepage="h", citation="c",
        bibtex="@misc{x}", license="custom", terms="t",
        files=(SourceFile("f", "mine/bad.csv", "https://example.invalid/bad.csv",
                          file_sha256(path), "csv"),),
        tables=(Table("mine_scores", "f", (Column("ccode", "INTEGER"), Column("year", "INTEGER"),
                                           Column("score", "DOUBLE"))),),
        unit="state_year", system="cow", coverage=None,
    )


def test_pull_twice_same_store(tmp_path: Path, mirror: Path) -> None:
    with Store(tmp_path / "s.duckdb") as db:
        first = pull(db, ["cow_states", "cow_majors"])
        state = snapshot(db)
        second = pull(db, ["cow_states", "cow_majors"])
        assert [r.status for r in first] == ["loaded", "loaded"]
        assert [r.status for r in second] == ["unchanged", "unchanged"]
        assert snapshot(db) == state


def test_a_bad_file_rejects_the_whole_pull(tmp_path: Path, mirror: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    local = tmp_path / "m"
    for f in get_source("cow_majors").files:
        (local / f.path).parent.mkdir(parents=True, exist_ok=True)
        (local / f.path).symlink_to(mirror / f.path)
    mine = bad_source(local)
    monkeypatch.setenv("DETENTE_MIRROR", str(local))
    with Store(tmp_path / "s.duckdb") as db:
        pull(db, ["cow_majors"])
        before = snapshot(db)
        with pytest.raises(SchemaViolation) as err:
            pull(db, ["cow_majors", mine], force=True)
        assert "bad.csv, row 3, column 'year': is not a valid integer (value 'nineteen')" in str(err.value)
        assert snapshot(db) == before
        assert not db.has_table("mine_scores")


def test_a_changed_declaration_forces_a_reload(tmp_path: Path, mirror: Path) -> None:
    majors = get_source("cow_majors")
    with Store(tmp_path / "s.duckdb") as db:
        pull(db, [majors])
        changed = replace(majors, notes=majors.notes)  # same declaration: unchanged
        assert pull(db, [changed])[0].status == "unchanged"
        table = replace(majors.tables[0], description="edited")
        assert pull(db, [replace(majors, tables=(table,))])[0].status == "loaded"


def test_verbs_name_the_source_to_pull(tmp_path: Path) -> None:
    from detente.panels import create_state_years

    with Store(tmp_path / "empty.duckdb") as db, pytest.raises(NotLoadedError,
                                                               match="detente data pull cow_states"):
        create_state_years(db)


KILLER = textwrap.dedent("""
    import sys, time
    import detente.store._ingest as ingest
    from detente.store import Store, pull

    real = ingest.rebuild

    def rebuild_then_hang(con, changed):
        built = real(con, changed)
        print("IN_TRANSACTION", flush=True)   # every table replaced, nothing committed
        time.sleep(120)
        return built

    ingest.rebuild = rebuild_then_hang
    with Store(sys.argv[1]) as db:
        pull(db, force=True)
""")


@pytest.mark.slow
def test_pull_killed_mid_transaction_leaves_store_as_before(tmp_path: Path, mirror: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as db:
        pull(db, ["cow_states", "cow_majors", "countrycode"])
        before = snapshot(db)
    env = {**os.environ, "DETENTE_MIRROR": str(mirror)}
    with subprocess.Popen([sys.executable, "-c", KILLER, str(path)], stdout=subprocess.PIPE,
                          env=env, text=True) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "IN_TRANSACTION", line
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with Store(path) as db:
        assert snapshot(db) == before
        assert not db.has_table("cow_nmc")


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.5, 1.5, 3.0])
def test_pull_killed_at_any_moment_leaves_store_consistent(tmp_path: Path, mirror: Path,
                                                           delay: float) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as db:
        pull(db, ["cow_majors"])
        before = snapshot(db)
    code = "import sys; from detente.store import Store, pull; pull(Store(sys.argv[1]), force=True)"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)],
                            env={**os.environ, "DETENTE_MIRROR": str(mirror)})
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with Store(path) as db:
        after = snapshot(db)
        loaded = {r["source_id"] for r in db.provenance().to_pylist()}
    # Either the pull never committed (store as before) or it committed in full.
    assert after == before or loaded == set(get_source_ids())


def get_source_ids() -> list[str]:
    from detente.sources import SOURCES

    return list(SOURCES)


def test_derived_tables_rebuild_when_their_project_files_change(
        tmp_path: Path, mirror: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.store._derived as derived

    with Store(tmp_path / "s.duckdb") as db:
        pull(db, ["cow_states", "countrycode"])
        assert [r.status for r in pull(db, ["cow_states", "countrycode"])] == ["unchanged"] * 2
        # A reviewed mapping file changes (here: a made-up extra file joins the fingerprint).
        extra = tmp_path / "edited_overrides.csv"
        extra.write_text("ccode,first_year,last_year,iso3,reason\n")
        edited = tuple(replace(d, files=(*d.files, str(extra))) if d.name == "state_codes" else d
                       for d in derived.DERIVED)
        monkeypatch.setattr(derived, "DERIVED", edited)
        results = pull(db, ["cow_states", "countrycode"])
        # state_codes rebuilds, and so does engagements, which is built from it.
        assert [r.source_id for r in results if r.status == "rebuilt"] == \
            ["state_codes", "engagements"]
        assert {r.source_id: r.status for r in pull(db, ["cow_states"])} == {"cow_states": "unchanged"}
        extra.write_text("ccode,first_year,last_year,iso3,reason\n# edited again\n")
        assert any(r.status == "rebuilt" for r in pull(db, ["cow_states"]))
