"""Engagement plans evaluated on the real ICEWS samples and COW capabilities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente._errors import ImportRejected
from detente.monitor._plans import evaluate_plan, plan_from_dict, read_plan
from detente.store import Store

EXAMPLE = Path(__file__).parents[2] / "examples" / "plan.toml"


def test_example_plan_reports_each_objective(icews_store: Store) -> None:
    result = evaluate_plan(icews_store, EXAMPLE)
    assert result.as_of == date(2018, 6, 3)  # the last day with events
    rows = {r["objective"]: r for r in result.objectives.to_pylist()}
    bgd = rows["bgd-vnm-cooperation"]
    assert (bgd["current"], bgd["status"], str(bgd["current_period"])) == (1.0, "met", "2018-06-01")
    calm = rows["india-pakistan-calm"]
    assert calm["comparison"] == "at_most" and calm["status"] == "missed"
    conflict = icews_store.rows(
        "SELECT count(*) FROM events WHERE date = '2018-06-03' AND quad_class >= 3 AND "
        "((source_ccode = 750 AND target_ccode = 770) OR (source_ccode = 770 AND target_ccode = 750))")
    assert calm["current"] == conflict[0][0] == 7
    cinc = rows["vietnam-capability"]
    published = icews_store.rows("SELECT cinc FROM cow_nmc WHERE ccode = 816 AND year = 2018")
    assert cinc["current"] == pytest.approx(published[0][0]) and str(cinc["current_period"]) == \
        "2018-01-01"
    before = icews_store.rows("SELECT avg(cinc) FROM cow_nmc WHERE ccode = 816 AND year BETWEEN "
                              "2015 AND 2017")[0][0]
    assert cinc["baseline"] == pytest.approx(before)
    assert cinc["status"] == "on track"  # 2018 is ahead of the straight line to 0.012
    assert result.data_versions["cow_nmc"] == "7.0" and "event_stream" in result.data_versions


def test_engagements_are_checked_against_the_event_record(icews_store: Store) -> None:
    result = evaluate_plan(icews_store, EXAMPLE)
    visit = result.engagements.to_pylist()[0]
    assert (visit["actors"], visit["events"], visit["codes"], visit["observed"]) == \
        ("BGD, VNM", 2, "040", True)
    assert visit["military"] == 2  # Vietnam's military is the target of one, the source of the other


def test_chart_is_written_offline(icews_store: Store, tmp_path: Path) -> None:
    out = evaluate_plan(icews_store, EXAMPLE).write_chart(tmp_path / "plan.html",
                                                          store=icews_store)
    html = out.read_text()
    assert "bgd-vnm-cooperation" in html and "vietnam-capability" in html
    assert 'src="https://cdn' not in html and "plotly" in html.lower()


def test_bad_plans_name_section_and_key(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as err:
        plan_from_dict({
            "plan": {"name": "x", "start": date(2018, 1, 1), "freq": "fortnight"},
            "objective": [{"id": "a", "indicator": "warmth", "target": 1, "by": date(2018, 2, 1)},
                          {"id": "b", "indicator": "conflict", "side1": "USA", "target": 1,
                           "by": "soon"}],
            "engagement": [{"date": date(2018, 1, 5), "actors": ["USA"],
                            "objectives": ["zzz"]}]}, source="p.toml")
    text = str(err.value)
    assert "p.toml, column 'plan.freq': must be day, week, month or year" in text
    assert "row 1, column 'indicator': is neither an event indicator" in text
    assert "row 2, column 'side1': event indicators need side1 and side2" in text
    assert "row 2, column 'by': is not a date" in text
    assert "row 1, column 'actors': needs at least two states" in text
    assert "row 1, column 'objectives': names no objective (value 'zzz')" in text
    assert read_plan(EXAMPLE).objectives[2].indicator == "capabilities:cinc"


def test_a_plan_on_measures_alone_needs_no_events(store: Store) -> None:
    plan = plan_from_dict({
        "plan": {"name": "capability", "start": date(2010, 1, 1), "freq": "year"},
        "objective": [{"id": "chn", "indicator": "capabilities:milex", "state": "CHN",
                       "target": 2.0e8, "by": date(2014, 12, 31)}]})
    result = evaluate_plan(store, plan, as_of=date(2014, 12, 31))
    row = result.objectives.to_pylist()[0]
    milex = store.rows("SELECT milex FROM cow_nmc WHERE ccode = 710 AND year = 2014")[0][0]
    assert row["current"] == pytest.approx(milex) and str(row["current_period"]) == "2014-01-01"
    assert row["status"] == ("met" if milex >= 2.0e8 else "missed")
    assert result.engagements.num_rows == 0 and result.data_versions == {
        "cow_nmc": "7.0", "cow_states": "2016"}
