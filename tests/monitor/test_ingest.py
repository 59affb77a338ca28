"""Event ingest on the real samples: provenance, de-duplication, idempotence, state mapping."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from detente._errors import ImportRejected
from detente.monitor import IngestReport, ingest_events
from detente.store import Store
from tests.monitor.conftest import ICEWS_CSV, ICEWS_TAB, PLOVER_GSR


def _icews_raw(mirror: Path) -> pl.DataFrame:
    return pl.read_csv(mirror / ICEWS_TAB, separator="\t", infer_schema=False, quote_char=None)


def test_every_sample_lands_with_its_counts(ingested: tuple[Path, IngestReport, Path],
                                            mirror: Path) -> None:
    _, report, _ = ingested
    files = {Path(f.path).name: f for f in report.files}
    assert [f.format for f in report.files] == ["icews", "icews_csv", "gdelt_subset",
                                                 "gdelt_subset", "plover"]
    assert files["events.2018.sample.tab"].records == 3705
    assert files["icews_sample.csv.gz"].records == 4993
    assert files["gdelt2_events_subset_20171126.csv.gz"].events_added == 94006
    assert files["gdelt2_events_subset_20171217.csv.gz"].events_added == 95455
    for f in report.files:
        assert f.events_read == f.events_added + f.duplicates


def test_an_event_keeps_its_file_line_codes_and_states(events_store: Store) -> None:
    row = events_store.sql(
        "SELECT e.*, f.path FROM events e JOIN event_files f USING (file_id) "
        "WHERE e.dataset = 'icews' AND producer_id = '32889836'").to_arrow_table().to_pylist()
    assert len(row) == 1
    e = row[0]
    assert e["path"].endswith(ICEWS_TAB) and e["line"] == 2
    assert (e["source_country"], e["source_ccode"], e["source_iso3"]) == ("Bangladesh", 771, "BGD")
    assert (e["target_country"], e["target_ccode"], e["target_iso3"]) == ("Vietnam", 816, "VNM")
    assert (e["cameo_code"], e["root_code"], e["quad_class"]) == ("040", "04", 1)
    assert e["goldstein"] == 1.0 and e["plover_event"] == "CONSULT"
    assert str(e["date"]) == "2018-06-01" and e["location_iso3"] == "VNM"
    # Sectors "Executive,Foreign Ministry,Government" -> not military; "Military,Government" -> MIL.
    assert (e["source_military"], e["target_military"]) == (False, True)


def test_goldstein_from_the_cameo_table_equals_icews_intensity(events_store: Store) -> None:
    (n, differ) = events_store.rows(
        "SELECT count(*), count(*) FILTER (WHERE goldstein <> reported_goldstein) "
        "FROM events WHERE dataset = 'icews'")[0]
    assert n > 3000 and differ == 0


def test_one_a_day_dedup_matches_an_independent_count(ingested: tuple[Path, IngestReport, Path],
                                                      mirror: Path) -> None:
    raw = _icews_raw(mirror)
    keys = raw.select("Event Date", "Source Name", "Target Name", "CAMEO Code").n_unique()
    tab = ingested[1].files[0]
    assert tab.events_added == keys and tab.duplicates == raw.height - keys


def test_second_release_adds_only_what_is_new(ingested: tuple[Path, IngestReport, Path],
                                              events_store: Store, mirror: Path) -> None:
    release = pl.read_csv(mirror / ICEWS_CSV, infer_schema=False)
    third = release.filter(pl.col("event_date") == "2018-06-03")
    expected = third.select("event_date", "source_name", "target_name", "cameo_code").n_unique()
    assert ingested[1].files[1].events_added == expected
    dates = events_store.rows("SELECT DISTINCT date FROM events WHERE file_id = 2")
    assert [str(d[0]) for d in dates] == ["2018-06-03"]
    # The two releases spell one actor differently (Gen Prayut Chan-o-cha); the producer's
    # event id still makes it one event.
    dup_ids = events_store.rows("SELECT producer_id FROM events WHERE dataset = 'icews' "
                                "GROUP BY 1 HAVING count(*) > 1")
    assert dup_ids == []


def test_ingest_is_idempotent_and_incremental(fresh_store: Store, mirror: Path,
                                              tmp_path: Path) -> None:
    first = ingest_events(fresh_store, [mirror / ICEWS_TAB])
    count = fresh_store.rows("SELECT count(*) FROM events")[0][0]
    again = ingest_events(fresh_store, [mirror / ICEWS_TAB])
    assert again.files[0].status == "unchanged" and again.files[0].file_id == 1
    moved = tmp_path / "renamed.tab"
    shutil.copy(mirror / ICEWS_TAB, moved)
    assert ingest_events(fresh_store, [moved]).files[0].status == "unchanged"
    assert fresh_store.rows("SELECT count(*) FROM events")[0][0] == count
    assert first.files[0].events_added == count
    assert fresh_store.rows("SELECT count(*) FROM event_files")[0][0] == 1
    prov = fresh_store.rows("SELECT source_id, rows, coverage_start, coverage_end FROM provenance "
                            "WHERE table_name = 'events'")
    assert prov == [("event_stream", count, 2018, 2018)]


def test_gdelt_subset_restores_leading_zeros_and_maps_locations(events_store: Store) -> None:
    e = events_store.sql("SELECT * FROM events WHERE dataset = 'gdelt' AND producer_id = "
                         "'709953101'").to_arrow_table().to_pylist()[0]
    assert (e["cameo_code"], e["root_code"], e["quad_class"]) == ("063", "06", 2)
    assert str(e["date"]) == "2017-11-26" and e["location_iso3"] == "EGY"
    assert e["location_ccode"] == 651 and e["source_ccode"] is None and e["publisher"] == "USA"
    assert e["source_military"] is None  # the subset carries no actor roles
    bad = events_store.rows("SELECT count(*) FROM events WHERE dataset = 'gdelt' AND "
                            "NOT starts_with(cameo_code, root_code)")[0][0]
    assert bad == 0
    basis = events_store.rows("SELECT DISTINCT date_basis FROM event_files "
                              "WHERE format = 'gdelt_subset'")
    assert basis == [("published",)]


def test_unmapped_codes_are_reported_and_their_events_kept(events_store: Store) -> None:
    kept = events_store.rows(
        "SELECT count(*) FROM events WHERE source_country = 'Occupied Palestinian Territory' "
        "AND source_ccode IS NULL")[0][0]
    reported = events_store.rows(
        "SELECT sum(events), any_value(reason) FROM event_unmapped WHERE role = 'source' AND "
        "code = 'Occupied Palestinian Territory'")[0]
    assert kept > 0 and reported[0] >= kept and "non-state" in reported[1]
    hk = events_store.rows("SELECT DISTINCT reason FROM event_unmapped WHERE code = 'Hong Kong'")
    assert hk and "COW 997 is not a state member in 2016" in hk[0][0]


def test_plover_malformed_record_rejects_the_file(fresh_store: Store, mirror: Path) -> None:
    ingest_events(fresh_store, [mirror / ICEWS_TAB])
    before = fresh_store.rows("SELECT count(*) FROM events")[0][0]
    with pytest.raises(ImportRejected) as err:
        ingest_events(fresh_store, [mirror / PLOVER_GSR])
    text = str(err.value)
    assert "PLOVER_GSR_CAMEO.json.txt, row 116, column 'target'" in text
    assert "is not a list of actors" in text and "nothing was written" in text
    assert fresh_store.rows("SELECT count(*) FROM events")[0][0] == before
    assert fresh_store.rows("SELECT count(*) FROM event_files")[0][0] == 1


def test_plover_quarantine_and_compound_actors(ingested: tuple[Path, IngestReport, Path],
                                               events_store: Store) -> None:
    plover = ingested[1].files[4]
    assert (plover.records, plover.skipped, plover.quarantined) == (323, 1, 1)
    side = [json.loads(line) for line in Path(plover.quarantine_path).read_text().splitlines()]
    assert [s["line"] for s in side] == [116] and "AGREE-0007" in side[0]["text"]
    pairs = events_store.rows(
        "SELECT source_actor, target_actor, source_ccode, target_ccode, quad_class FROM events "
        "WHERE producer_id = 'PLOVER-GSR01-AGREE-0001' ORDER BY 1")
    assert pairs == [("HUNGOV", "ROUGOV", 310, 360, 1), ("ROUGOV", "HUNGOV", 360, 310, 1)]
    jap = events_store.rows("SELECT reason FROM event_unmapped WHERE code = 'JAP'")
    assert jap and "not a state code" in jap[0][0]
    mil = events_store.rows("SELECT source_military, target_military FROM events WHERE "
                            "dataset = 'plover' AND source_actor = 'USA' AND target_actor = 'RUSMIL'")
    assert mil and all(m == (False, True) for m in mil)
    quads = dict(events_store.rows("SELECT plover_event, any_value(quad_class) FROM events "
                                   "WHERE dataset = 'plover' GROUP BY 1"))
    assert quads["DEMAND"] == 3 and quads["FIGHT"] == 4 and quads["INVESTIGATE"] == 2


def test_cameo_events_get_their_plover_type(events_store: Store) -> None:
    types = dict(events_store.rows("SELECT cameo_code, any_value(plover_event) FROM events "
                                   "WHERE dataset = 'icews' GROUP BY 1"))
    assert types["042"] == "CONSULT" and types["173"] == "COERCE"
    assert types["010"] is None  # PLOVER drops CAMEO 01 (statements)


def test_zip_and_gzip_archives_read_like_the_file(fresh_store: Store, mirror: Path,
                                                  tmp_path: Path) -> None:
    import gzip
    import zipfile

    raw = (mirror / ICEWS_TAB).read_bytes()
    packed = tmp_path / "events.2018.sample.tab.zip"  # as the ICEWS Dataverse publishes files
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("events.2018.sample.tab", raw)
    first = ingest_events(fresh_store, [packed]).files[0]
    assert (first.format, first.records, first.duplicates) == ("icews", 3705, 971)
    squeezed = tmp_path / "events.2018.sample.tab.gz"
    squeezed.write_bytes(gzip.compress(raw))
    again = ingest_events(fresh_store, [squeezed]).files[0]
    assert again.status == "ingested" and again.events_added == 0  # same events, other bytes
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.tab", raw)
        archive.writestr("b.tab", raw)
    with pytest.raises(ImportRejected, match="holds 2 files"):
        ingest_events(fresh_store, [two])
