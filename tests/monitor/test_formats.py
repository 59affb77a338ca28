"""GDELT 1.0/2.0 readers and bad input.

No raw full-width GDELT export is in the data mirror, so the 57/58/61-field readers are
tested on a fixture DERIVED from real rows of the 9-column GDELT subset, laid into the
published column layout (the store's ``gdelt1_event_columns``/``gdelt2_event_columns``):
GLOBALEVENTID, IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
ActionGeo_CountryCode (ISO3 turned back into FIPS) and ActionGeo_Lat/Long are real; SQLDATE
is the day of the subset file; every other field is blank. Bad-input cases use MADE-UP lines,
labelled where they are built.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import polars as pl
import pytest

from detente._errors import ImportRejected
from detente.monitor import detect_format, ingest_events
from detente.store import Store
from tests.monitor.conftest import GDELT_1126, ICEWS_TAB

ROWS = 300


def _layout(store: Store, version: str) -> list[str]:
    return [r[0] for r in store.rows(f"SELECT name FROM {version}_event_columns ORDER BY position")]


def derived_gdelt(store: Store, mirror: Path, path: Path, version: str, width: int) -> pl.DataFrame:
    """Write the first ROWS real subset rows in the published layout; return those rows."""
    sub = pl.read_csv(mirror / GDELT_1126, infer_schema=False).head(ROWS)
    fips = pl.from_arrow(store.arrow("SELECT iso3, min(fips) AS fips FROM fips_countries "
                                     "GROUP BY iso3"))
    sub = sub.join(fips, left_on="country_code_alpha", right_on="iso3", how="left")
    root = pl.col("EventRootCode").str.zfill(2)
    code = (pl.when(pl.col("EventCode").str.starts_with(root)).then(pl.col("EventCode"))
            .otherwise(pl.lit("0") + pl.col("EventCode")))
    real = {"GLOBALEVENTID": pl.col("GlobalEventID"), "SQLDATE": pl.lit("20171126"),
            "IsRootEvent": pl.col("IsRootEvent"), "EventCode": code,
            "EventBaseCode": code.str.slice(0, 3), "EventRootCode": root,
            "QuadClass": pl.col("QuadClass"), "ActionGeo_CountryCode": pl.col("fips"),
            "ActionGeo_Lat": pl.col("ActionGeo_Lat"), "ActionGeo_Long": pl.col("ActionGeo_Long")}
    names = _layout(store, version)[:width]
    table = sub.select([real.get(n, pl.lit("")).fill_null("").alias(n) for n in names])
    lines = ["\t".join(row) for row in table.iter_rows()]
    path.write_text("\n".join(lines) + "\n")
    return sub.with_columns(code.alias("code"))


@pytest.mark.parametrize(("version", "width", "fmt"),
                         [("gdelt2", 61, "gdelt2"), ("gdelt1", 58, "gdelt1"),
                          ("gdelt1", 57, "gdelt1")])
def test_full_width_gdelt_reads_like_the_subset(fresh_store: Store, mirror: Path, tmp_path: Path,
                                                version: str, width: int, fmt: str) -> None:
    path = tmp_path / f"{version}_{width}.export.CSV"
    rows = derived_gdelt(fresh_store, mirror, path, version, width)
    assert detect_format(path) == fmt
    report = ingest_events(fresh_store, [path])
    assert report.files[0].format == fmt and report.files[0].events_added == ROWS
    got = pl.from_arrow(fresh_store.arrow(
        "SELECT producer_id, cameo_code, quad_class, location_iso3 FROM events ORDER BY line"))
    assert got["producer_id"].to_list() == rows["GlobalEventID"].to_list()
    assert got["cameo_code"].to_list() == rows["code"].to_list()
    assert got["quad_class"].cast(pl.String).to_list() == rows["QuadClass"].to_list()
    states = {r[0] for r in fresh_store.rows("SELECT iso3 FROM state_codes WHERE year = 2016 "
                                             "AND iso3 IS NOT NULL")}
    expected = [c if c in states and f is not None else None
                for c, f in zip(rows["country_code_alpha"], rows["fips"], strict=True)]
    assert got["location_iso3"].to_list() == expected
    # The same events then arrive in the 9-column subset: every one is a duplicate.
    again = ingest_events(fresh_store, [mirror / GDELT_1126])
    assert again.files[0].events_added == 94006 - ROWS


def _gdelt2_line(names: list[str], **fields: str) -> str:
    """A MADE-UP GDELT 2.0 line: the given fields, the rest blank."""
    return "\t".join(fields.get(n, "") for n in names)


def test_gdelt_actor_countries_map_to_states(fresh_store: Store, tmp_path: Path) -> None:
    names = _layout(fresh_store, "gdelt2")
    base = dict(SQLDATE="20171126", EventCode="0311", EventRootCode="03", QuadClass="1")
    lines = [  # MADE-UP lines testing actor codes: a state, a CAMEO exception, a region
        _gdelt2_line(names, GLOBALEVENTID="1", Actor1Code="USAMIL", Actor1CountryCode="USA",
                     Actor1Type1Code="MIL", Actor2Code="KSVGOV", Actor2CountryCode="KSV",
                     Actor2Type1Code="GOV", **base),
        _gdelt2_line(names, GLOBALEVENTID="2", Actor1Code="EUR", Actor1CountryCode="EUR",
                     Actor2Code="TMP", Actor2CountryCode="TMP", ActionGeo_CountryCode="RI",
                     **base),
    ]
    path = tmp_path / "madeup.export.CSV"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_events(fresh_store, [path])
    got = fresh_store.rows("SELECT source_ccode, target_ccode, target_iso3, location_iso3, "
                           "goldstein, plover_event, source_military, target_military "
                           "FROM events ORDER BY line")
    assert got == [(2, 347, "XKX", None, 5.2, "AGREE", True, False),
                   (None, 860, "TLS", "SRB", 5.2, "AGREE", False, False)]
    unmapped = report.unmapped().to_pylist()
    assert [(u["role"], u["code"]) for u in unmapped] == [("source", "EUR")]


def _bad_file(tmp_path: Path, names: list[str]) -> Path:
    good = dict(SQLDATE="20171126", EventCode="043", EventRootCode="04", QuadClass="1",
                Actor1Code="USAGOV", Actor1CountryCode="USA", Actor2Code="CHN",
                Actor2CountryCode="CHN")
    lines = [  # MADE-UP lines, one problem each after the first
        _gdelt2_line(names, GLOBALEVENTID="10", **good),
        _gdelt2_line(names, GLOBALEVENTID="11", **good).rsplit("\t", 1)[0],  # 60 fields
        _gdelt2_line(names, GLOBALEVENTID="12", **{**good, "SQLDATE": "20170230"}),
        _gdelt2_line(names, GLOBALEVENTID="13", **{**good, "EventCode": "999"}),
        _gdelt2_line(names, GLOBALEVENTID="14", **{**good, "QuadClass": "4"}),
        _gdelt2_line(names, GLOBALEVENTID="15", **{**good, "EventRootCode": "05"}),
        _gdelt2_line(names, GLOBALEVENTID="16", **good),
    ]
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bad_lines_name_file_line_and_field(fresh_store: Store, tmp_path: Path,
                                            mirror: Path) -> None:
    ingest_events(fresh_store, [mirror / ICEWS_TAB])
    before = fresh_store.rows("SELECT count(*), sum(line) FROM events")[0]
    path = _bad_file(tmp_path, _layout(fresh_store, "gdelt2"))
    with pytest.raises(ImportRejected) as err:
        ingest_events(fresh_store, [path])
    problems = {(v.row, v.column): v.message for v in err.value.violations}
    assert problems[(2, None)] == "has 60 fields; the format has 61"
    assert problems[(3, "SQLDATE")].startswith("is not a valid date")
    assert problems[(4, "EventCode")] == "is not a CAMEO event code"
    assert problems[(5, "QuadClass")].startswith("is not the quad class of the event code 043")
    assert problems[(6, "EventRootCode")] == "is not the root of the event code 043"
    assert len(problems) == 5 and str(path) in str(err.value)
    assert fresh_store.rows("SELECT count(*), sum(line) FROM events")[0] == before


def test_quarantine_keeps_the_good_lines(fresh_store: Store, tmp_path: Path) -> None:
    path = _bad_file(tmp_path, _layout(fresh_store, "gdelt2"))
    report = ingest_events(fresh_store, [path], quarantine=tmp_path / "q")
    f = report.files[0]
    assert (f.records, f.quarantined, f.events_added) == (7, 5, 1)  # 10 and 16: one-a-day
    assert fresh_store.rows("SELECT producer_id, line FROM events") == [("10", 1)]
    side = [json.loads(x) for x in Path(f.quarantine_path).read_text().splitlines()]
    assert [s["line"] for s in side] == [2, 3, 4, 5, 6]
    assert side[1]["text"].split("\t")[1] == "20170230"


def test_unrecognised_files_and_missing_subset_dates(fresh_store: Store, tmp_path: Path,
                                                     mirror: Path) -> None:
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b,c\n1,2,3\n")  # MADE-UP: not an event file
    with pytest.raises(ImportRejected, match="not a recognised event format"):
        ingest_events(fresh_store, [odd])
    undated = tmp_path / "gdelt_subset.csv.gz"
    undated.write_bytes(gzip.compress(gzip.decompress((mirror / GDELT_1126).read_bytes())[:4000]
                                      .rsplit(b"\n", 1)[0] + b"\n"))
    with pytest.raises(ImportRejected, match="holds no YYYYMMDD day"):
        ingest_events(fresh_store, [undated])
    report = ingest_events(fresh_store, [undated], date="2017-11-26")
    assert report.files[0].first_date.isoformat() == "2017-11-26"
