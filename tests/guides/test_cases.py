"""The case studies on the real data: every claim holds, every number has its sources, the
seeds are quoted exactly, and what the data lack is said with a number that user-entered
engagements change."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import detente.guides as guides
from detente.engagements import INSTRUMENTS, import_engagements
from detente.guides import CASES, CaseResult, run_case, write_case
from detente.sources import SOURCES
from detente.store import Store

USER_ENTERED = Path(guides.__file__).parent / "user_entered"


def test_all_is_sorted_and_complete() -> None:
    public = {n for n in dir(guides) if not n.startswith("_")} - {"cases"}
    assert sorted(guides.__all__, key=lambda n: (not n.isupper(), n)) == guides.__all__
    assert set(guides.__all__) == public


def test_every_case_of_the_seeds_is_there() -> None:
    assert list(CASES) == ["us_south_korea", "japan_sdf", "india_southeast_asia", "nato_europe",
                           "us_japan_korea", "us_gcc", "sweden_canada_peacekeeping",
                           "thaad_korea"]
    for case in CASES.values():
        assert (Path(__file__).parents[2] / case.script).is_file(), case.script


def test_cases_quote_the_seeds(mirror: Path) -> None:
    seeds = mirror.parent / "seeds"
    for case in CASES.values():
        assert case.seed_passage in (seeds / case.seed_file).read_text(encoding="utf-8"), case.id


@pytest.mark.parametrize("case_id", list(CASES))
def test_claims_hold_on_the_real_data(case_results: dict[str, CaseResult], case_id: str) -> None:
    result = case_results[case_id].check()
    assert 2 <= len(result.shows) <= 3 and result.limits
    assert all(s.holds is not None for s in result.shows)  # every "shows" sentence is checked
    for sentence in (*result.shows, *result.limits):
        text = sentence.plain(result.numbers)
        assert "{" not in text and "}" not in text, text


@pytest.mark.parametrize("case_id", list(CASES))
def test_numbers_figures_and_sources(case_results: dict[str, CaseResult], case_id: str) -> None:
    result = case_results[case_id]
    for key, number in result.numbers.items():
        assert number.sources and set(number.sources) <= {*SOURCES, "user"}, key
        assert number.label and number.unit, key
    assert result.figures
    for figure in result.figures:
        title = figure.figure["layout"]["title"]["text"]
        assert re.search(r"\b(19|20)\d\d\b", title), title  # the years in every title
        assert figure.figure["data"] and set(figure.sources) <= set(SOURCES)
    used = {s for n in result.numbers.values() for s in n.sources} - {"user"}
    assert used <= set(result.data_versions)
    assert result.states


def test_json_holds_what_the_text_says(case_results: dict[str, CaseResult],
                                       tmp_path: Path) -> None:
    result = case_results["india_southeast_asia"]
    written = write_case(result, tmp_path, png=False)
    assert {p.name for p in written} == {"india_southeast_asia.json", "india-sea-exercises.html",
                                         "india-sea-arms.html"}
    data = json.loads((tmp_path / "india_southeast_asia.json").read_text(encoding="utf-8"))
    assert data["data_versions"]["mme"] == "7" and data["user_entry"]["made_up"] is True
    first = data["shows"][1]
    assert first["holds"] is True
    for name in first["numbers"]:
        assert data["numbers"][name]["text"] in first["text"]
    assert "<script" in (tmp_path / "india-sea-arms.html").read_text(encoding="utf-8")[:20_000]


def test_user_entry_examples_are_labelled_and_use_known_instruments() -> None:
    known = {i.id for i in INSTRUMENTS}
    entries = [c.user_entry for c in CASES.values() if c.user_entry is not None]
    assert {e.file for e in entries} == {p.name for p in USER_ENTERED.glob("*.csv")}
    for entry in entries:
        assert entry.file.startswith("made_up_") and entry.instrument in known
        rows = (USER_ENTERED / entry.file).read_text(encoding="utf-8").splitlines()[1:]
        assert rows and all("MADE-UP EXAMPLE (not real data)" in r for r in rows)
        assert all(r.startswith(entry.instrument + ",") for r in rows)


@pytest.mark.slow
def test_made_up_entries_import_and_the_cases_count_them(store_path: Path,
                                                         tmp_path: Path) -> None:
    """The made-up files import cleanly, and the sentence saying the store holds none of
    those engagements stops holding: the claim is tied to the data, not to the prose."""
    copy = tmp_path / "with-user-data.duckdb"
    shutil.copyfile(store_path, copy)
    cases = [c for c in CASES.values() if c.user_entry is not None]
    with Store(copy) as db:
        for case in cases:
            assert import_engagements(db, USER_ENTERED / case.user_entry.file) > 0
    with Store(copy, read_only=True) as db:
        for case in cases:
            failed = run_case(db, case).failed
            assert len(failed) == 1 and failed[0].claim in case.limits, case.id
