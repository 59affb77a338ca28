"""add_event_tone on dyad-years from the real ICEWS samples (1-3 June 2018)."""

from __future__ import annotations

import polars as pl
import pytest

from detente._errors import StoreError, UnitError
from detente.panels import VERBS, add_event_tone, create_dyad_years, create_state_years
from detente.store import Store
from tests.monitor.conftest import icews_store  # noqa: F401  (the shared fixture)


def test_directed_dyad_years_get_event_tone(icews_store: Store) -> None:
    panel = create_dyad_years(icews_store, years=(2016, 2018), extend_to=2018).pipe(add_event_tone)
    frame = panel.to_polars()
    usa_chn = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 710))
    counts = icews_store.rows(
        "SELECT count(*), count(*) FILTER (WHERE quad_class >= 3), sum(goldstein) FROM events "
        "WHERE source_ccode = 2 AND target_ccode = 710")[0]
    row18 = usa_chn.filter(pl.col("year") == 2018).row(0, named=True)
    assert row18["ev_events"] == counts[0]
    assert row18["ev_verbal_conflict"] + row18["ev_material_conflict"] == counts[1]
    assert row18["ev_goldstein_total"] == pytest.approx(counts[2])
    assert row18["ev_days"] == 3
    # Outside the events' coverage every column is null, never 0.
    assert usa_chn.filter(pl.col("year") < 2018)["ev_events"].null_count() == 2
    # Inside coverage a dyad without events has 0 events and no mean.
    quiet = frame.filter((pl.col("year") == 2018) & (pl.col("ccode1") == 20) &
                         (pl.col("ccode2") == 31)).row(0, named=True)
    assert quiet["ev_events"] == 0 and quiet["ev_net_cooperation"] is None
    assert "event_stream" in panel.data_versions()


def test_nondirected_sums_both_directions(icews_store: Store) -> None:
    directed = create_dyad_years(icews_store, years=(2018, 2018), extend_to=2018).pipe(
        add_event_tone).to_polars()
    both = create_dyad_years(icews_store, years=(2018, 2018), extend_to=2018, directed=False
                             ).pipe(VERBS["event_tone"]).to_polars()
    one = directed.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 710))["ev_events"][0]
    back = directed.filter((pl.col("ccode1") == 710) & (pl.col("ccode2") == 2))["ev_events"][0]
    pair = both.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 710))["ev_events"][0]
    assert pair == one + back


def test_wrong_unit_and_missing_events(icews_store: Store, store: Store) -> None:
    with pytest.raises(UnitError, match="create_dyad_years"):
        create_state_years(icews_store, years=(2018, 2018), extend_to=2018).pipe(add_event_tone)
    with pytest.raises(StoreError, match="detente monitor ingest"):
        create_dyad_years(store, years=(2000, 2000)).pipe(add_event_tone)
