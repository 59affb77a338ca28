"""Instruments on real data: totals survive ingest, names map, verbs keep coverage, network."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import networkx as nx
import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from detente._errors import ImportRejected, SchemaViolation
from detente.actors import register_actors
from detente.actors._names import NameFeed, check_names
from detente.engagements import (
    INSTRUMENTS,
    agreement_matrices,
    combined_edges,
    defence_network,
    import_engagements,
    multiplex_edges,
    profile,
    write_network,
)
from detente.interfaces.cli import app
from detente.panels import (
    add_arms_transfers,
    add_engagements,
    add_exercises,
    add_peacekeeping,
    add_un_voting,
    create_dyad_years,
    create_state_years,
)
from detente.store import Store


def q(store: Store, sql: str) -> list[tuple[object, ...]]:
    return store.rows(sql)


def test_sipri_totals_survive_ingest(store: Store) -> None:
    # Every non-blank cell of the 134 raw tables is one engagement: nothing dropped.
    assert q(store, "SELECT count(*) FROM sipri_tiv")[0][0] == 22225
    assert q(store, "SELECT count(*) FROM engagements WHERE source_id = 'sipri_tiv'")[0][0] == 22225
    rows = q(store, """
        WITH e AS (SELECT s.supplier, e.year, sum(e.magnitude) AS v, count(*) AS n
                   FROM engagements e JOIN sipri_tiv s ON s.source_row = e.source_row
                   AND e.source_id = 'sipri_tiv' AND s.file = e.detail AND s.year = e.year
                   GROUP BY ALL)
        SELECT t.supplier, t.year, t.total, coalesce(e.v, 0), coalesce(e.n, 0),
               (SELECT sum(tiv) FROM sipri_tiv c WHERE c.supplier = t.supplier AND c.year = t.year)
        FROM sipri_tiv_totals t LEFT JOIN e USING (supplier, year)""")
    assert len(rows) == 134 * 72
    for supplier, year, total, ours, n, cells in rows:
        assert ours == (cells or 0), (supplier, year)  # engagements = the raw cells, exactly
        # SIPRI rounds cells and totals separately: the gap is at most 0.5 per cell + 0.5.
        assert abs(ours - total) <= 0.5 * n + 0.5, (supplier, year, ours, total)
    exact = sum(1 for r in rows if r[3] == r[2])
    assert exact == 134 * 72 - 848  # the rest differ only by SIPRI's rounding


def test_processed_file_agrees_where_it_has_the_delivery(store: Store) -> None:
    diff, missing = q(store, """
        SELECT count(*) FILTER (WHERE r.tiv IS NOT NULL AND r.tiv <> p.tiv),
               (SELECT count(*) FROM sipri_tiv) - count(r.tiv)
        FROM sipri_tiv_processed p LEFT JOIN sipri_tiv r USING (supplier, recipient, year)""")[0]
    assert diff == 0 and missing == 901  # 360info dropped 901 deliveries (mostly West Germany)


def test_name_map_agrees_with_the_coded_copies(store: Store) -> None:
    # SIPRI states: our reviewed mapping equals 360info's COW code wherever theirs is a state.
    bad = q(store, """
        SELECT DISTINCT p.recipient, p.year, p.recipient_cown, e.ccode2
        FROM sipri_tiv_processed p JOIN sipri_tiv s USING (supplier, recipient, year)
        JOIN engagements e ON e.source_id = 'sipri_tiv' AND e.source_row = s.source_row
         AND e.detail = s.file AND e.year = s.year
        WHERE p.recipient NOT LIKE '%*' AND p.recipient_cown IS NOT NULL
          AND p.recipient_cown <> e.ccode2""")
    assert bad == []
    # MME: mapped COW codes, through the year-aware crosswalk, equal troopdata's GW codes.
    bad = q(store, """
        WITH ours AS (SELECT DISTINCT split_part(event_id, ':', 3)::INTEGER AS row, year, c FROM
          (SELECT event_id, year, ccode1 AS c FROM engagements WHERE source_id = 'mme'
           UNION ALL SELECT event_id, year, ccode2 FROM engagements WHERE source_id = 'mme')),
        gw AS (SELECT o.row, o.year, s.gwcode FROM ours o JOIN state_codes s
               ON s.ccode = o.c AND s.year = o.year WHERE s.gwcode IS NOT NULL),
        long AS (SELECT DISTINCT m.source_row AS row, l.gwcode FROM mme_participant_years l
                 JOIN mme_exercises m ON m.mmeid = l.mmeid AND m.s_year = l.year)
        SELECT g.* FROM gw g ANTI JOIN long l ON l.row = g.row AND l.gwcode = g.gwcode
        WHERE g.row IN (SELECT row FROM long)""")
    total = q(store, "SELECT count(*) FROM mme_participant_years WHERE gwcode IS NOT NULL")[0][0]
    # 74 exercise-participants (0.5%) disagree with the long form; not yet explained (see
    # the report): the bound pins the figure so a mapping regression shows up.
    assert len(bad) <= 74 and len(bad) / total < 0.01, bad[:10]


def test_unmapped_names_are_all_listed() -> None:
    # Made-up edge case: two names the (made-up) map lacks, in one made-up table.
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES ('Atlantis', 1990, 'f.csv', 12), "
                "('Ruritania', 1991, 'f.csv', 13), ('France', 1990, 'f.csv', 14)) "
                "v(name, year, file, source_row)")
    con.execute("CREATE TABLE name_map AS SELECT 'x' AS source, 'France' AS name, '220' AS "
                "actor, 1816 AS first_year, 2030 AS last_year")
    feed = NameFeed("x", "t", "SELECT * FROM t")
    with pytest.raises(SchemaViolation) as err:
        check_names(con, (feed,))
    text = str(err.value)
    assert "f.csv, row 12, column 'name'" in text and "'Atlantis'" in text
    assert "f.csv, row 13" in text and "'Ruritania'" in text and "France" not in text


def test_taxonomy_quotes_the_seeds(mirror: Path) -> None:
    seeds = mirror.parent / "seeds"
    ids = {i.id for i in INSTRUMENTS}
    assert {"alliance", "defence_cooperation_agreement", "exercise", "attache",
            "arms_transfer", "peacekeeping", "hadr", "intelligence_sharing",
            "education_exchange", "defence_visit", "deployment", "basing", "port_visit",
            "cyber_cooperation", "arms_control"} <= ids
    for ins in INSTRUMENTS:
        assert ins.seed_passage in (seeds / ins.seed_file).read_text(encoding="utf-8"), ins.id
        assert ins.direction in ("directed", "mutual") and ins.definition.endswith(".")


def test_every_engagement_has_known_actors(store: Store) -> None:
    assert q(store, "SELECT count(*) FROM engagements e ANTI JOIN actors a ON a.actor_id = e.actor1")[0][0] == 0
    assert q(store, "SELECT count(*) FROM engagements e ANTI JOIN actors a ON a.actor_id = e.actor2")[0][0] == 0
    # Non-state recipients are actors, not dropped rows.
    assert q(store, "SELECT count(*) FROM engagements WHERE actor2 = 'NSAG:UNITA_ANGOLA'")[0][0] > 0
    pko, src = q(store, "SELECT (SELECT sum(magnitude) FROM engagements WHERE "
                        "instrument = 'peacekeeping'), (SELECT sum(total) FROM "
                        "un_pko_contributions)")[0]
    assert pko == pytest.approx(src)


def test_arms_verb_is_directed_and_null_outside_coverage(store: Store) -> None:
    frame = (create_dyad_years(store, years=(2015, 2016), extend_to=2022)
             .pipe(add_arms_transfers)).to_polars()
    def cell(a: int, b: int, y: int) -> object:
        return frame.filter((pl.col("ccode1") == a) & (pl.col("ccode2") == b)
                            & (pl.col("year") == y))["arms_tiv"].item()
    assert cell(2, 670, 2015) > 0 and cell(670, 2, 2015) == 0
    later = create_dyad_years(store, years=(2021, 2022), extend_to=2022).pipe(add_arms_transfers)
    f = later.to_polars()
    assert f.filter(pl.col("year") == 2022)["arms_tiv"].null_count() == f.filter(pl.col("year") == 2022).height
    assert f.filter(pl.col("year") == 2021)["arms_tiv"].null_count() == 0


def test_state_verbs_and_user_coverage(store: Store) -> None:
    panel = (create_state_years(store, years=(2009, 2012)).pipe(add_peacekeeping)
             .pipe(add_exercises).pipe(add_engagements, instrument="deployment"))
    f = panel.to_polars()
    india = f.filter((pl.col("ccode") == 750) & (pl.col("year") == 2012)).row(0, named=True)
    assert india["pko_personnel"] > 5000 and india["pko_missions"] >= 3
    assert f.filter(pl.col("year") == 2009)["pko_personnel"].null_count() == f.filter(pl.col("year") == 2009).height
    assert f.filter(pl.col("year") == 2011)["mme_exercises"].null_count() == f.filter(pl.col("year") == 2011).height
    usa = f.filter((pl.col("ccode") == 2) & (pl.col("year") == 2010)).row(0, named=True)
    assert usa["deployment_sent"] > 100_000
    with pytest.raises(Exception, match="unknown instrument"):
        add_engagements(panel, instrument="telepathy")


def test_un_agreement_matches_a_direct_count(store: Store) -> None:
    frame = create_dyad_years(store, years=(1985, 1985)).pipe(add_un_voting).to_polars()
    r = frame.filter((pl.col("ccode1") == 2) & (pl.col("ccode2") == 200)).row(0, named=True)
    back = frame.filter((pl.col("ccode1") == 200) & (pl.col("ccode2") == 2)).row(0, named=True)
    assert r["un_agree"] == back["un_agree"] and r["idealpoint_distance"] == back["idealpoint_distance"]
    same, both = q(store, """
        WITH v AS (SELECT v.rcid, v.country, v.vote FROM un_votes v JOIN un_roll_calls r
                   USING (rcid) WHERE year(r.date) = 1985)
        SELECT count(*) FILTER (WHERE a.vote = b.vote), count(*) FROM v a JOIN v b USING (rcid)
        WHERE a.country = 'United States' AND b.country = 'United Kingdom'""")[0]
    assert r["un_votes_both"] == both and r["un_agree"] == pytest.approx(same / both)
    # The matrix products against a tiny made-up case: 2 states, 3 roll calls.
    states, b, s, h = agreement_matrices(np.array([1, 1, 1, 2, 2]), np.array([7, 8, 9, 7, 8]),
                                         np.array([0, 1, 2, 0, 0]))
    assert list(states) == [1, 2] and b[0, 1] == 2 and s[0, 1] == 1 and h[0, 1] == 1


def test_network_all_years_and_formats(store: Store, tmp_path: Path) -> None:
    edges = multiplex_edges(store, instruments=["alliance", "arms", "exercise", "peacekeeping"])
    frame = pl.from_arrow(edges)
    assert set(frame["instrument"].unique()) == {"alliance", "arms_transfer", "exercise",
                                                 "peacekeeping"}
    assert frame.group_by("year", "instrument").agg(pl.col("normalised").max())["normalised"].max() == 1.0
    combined = pl.from_arrow(combined_edges(edges))
    assert combined["combined_weight"].sum() == pytest.approx(frame["weight"].sum())
    graph = defence_network(store, 2005, instruments=["alliance", "arms", "exercise",
                                                     "peacekeeping"],
                            weights={"arms_transfer": 2.0})
    assert graph.has_edge(2, 200) and graph[2][200]["alliance"]["magnitude"] >= 1
    arms = graph[365][750]["arms_transfer"]
    assert arms["weight"] == pytest.approx(2 * arms["normalised"])
    write_network(graph, tmp_path / "n.graphml")
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() == graph.number_of_nodes()
    data = json.loads(write_network(graph, tmp_path / "n.json").read_text())
    assert data["graph"]["combined"] and data["edges"]


@pytest.fixture()
def writable(store_path: Path, tmp_path: Path) -> Store:
    copy = tmp_path / "w.duckdb"
    shutil.copy(store_path, copy)
    db = Store(copy)
    yield db
    db.close()


def test_import_is_all_or_nothing_and_idempotent(writable: Store, tmp_path: Path) -> None:
    # Made-up engagements (labelled as such) to exercise validation, not facts.
    good = tmp_path / "good.csv"
    good.write_text("instrument,actor1,actor2,start_date,end_date,year,magnitude,unit,source,detail\n"
                    "port_visit,IND,VNM,2014-06-01,2014-06-04,,2,,made-up,test row\n"
                    "defence_cooperation_agreement,FRA,India,2005-01-01,,,,,made-up,\n"
                    "hadr,750,NATO,,,2010,100,,made-up,\n")
    assert import_engagements(writable, good) == 3
    assert import_engagements(writable, good) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("instrument,actor1,actor2,start_date,end_date,year,magnitude\n"
                   "port_visit,IND,VNM,2014-13-01,,,1\n"
                   "telepathy,IND,VNM,,,2010,1\n"
                   "hadr,IND,Atlantis,,,2010,1\n"
                   "hadr,IND,VNM,,,2010,-5\n")
    before = writable.rows("SELECT count(*) FROM user_engagements")[0][0]
    with pytest.raises(ImportRejected) as err:
        import_engagements(writable, bad)
    text = str(err.value)
    for expected in ("row 2, column 'start_date'", "row 3, column 'instrument'",
                     "row 4, column 'actor2'", "row 5, column 'magnitude'"):
        assert expected in text, expected
    assert writable.rows("SELECT count(*) FROM user_engagements")[0][0] == before
    panel = create_dyad_years(writable, years=(2014, 2014)).pipe(add_engagements,
                                                                instrument="port_visit")
    f = panel.to_polars()
    assert f.filter((pl.col("ccode1") == 750) & (pl.col("ccode2") == 816))["port_visit"].item() == 2
    assert f.filter((pl.col("ccode1") == 816) & (pl.col("ccode2") == 750))["port_visit"].item() == 0


def test_register_actors(writable: Store) -> None:
    rows = [{"actor_id": "NGO:MADEUP", "name": "Made-up NGO", "kind": "ngo"}]
    assert register_actors(writable, rows) == 1 and register_actors(writable, rows) == 0
    with pytest.raises(ImportRejected, match="kind"):
        register_actors(writable, [{"actor_id": "PMC:X", "name": "X", "kind": "state"}])
    with pytest.raises(ImportRejected, match="already registered"):
        register_actors(writable, [{"actor_id": "NATO", "name": "Other", "kind": "igo"}])


def test_profile_cli_and_instruments_cli(store_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["profile", "IND", "--from", "2000", "--to", "2014", "--json",
                              "--store", str(store_path)])
    assert out.exit_code == 0, out.output
    prof = json.loads(out.output)
    arms = prof["instruments"]["arms_transfer"]
    assert arms["partners"]["from"][0]["name"] == "Russia"
    assert arms["sources"][0]["id"] == "sipri_tiv"
    listed = runner.invoke(app, ["instruments", "--json", "--store", str(store_path)])
    feeds = {f["source"]: f for i in json.loads(listed.output) for f in i["feeds"]}
    assert feeds["sipri_tiv"]["first_year"] == 1950 and feeds["sipri_tiv"]["last_year"] == 2021


def test_network_cli(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    result = CliRunner().invoke(app, ["network", "--year", "2005", "--instruments",
                                      "alliance,arms,exercise,peacekeeping", "--out", str(out),
                                      "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() > 1000


def test_profile_direct(store: Store) -> None:
    prof = profile(store, "United States", years=(2005, 2005), top=3)
    assert prof["actor"] == "2" and "deployment" in prof["instruments"]


def test_profile_never_sums_across_sources(store: Store) -> None:
    prof = profile(store, "India", years=(2000, 2010), top=50)
    exercises = prof["instruments"]["exercise"]
    assert {s["id"] for s in exercises["sources"]} == {"mme", "jme"}
    for way, partners in exercises["partners"].items():
        seen = [(p["source"], p["partner"]) for p in partners]
        assert len(seen) == len(set(seen)), way
        for p in partners:
            direct = store.rows(
                "SELECT sum(magnitude) FROM all_engagements WHERE instrument = 'exercise' "
                "AND source_id = ? AND year BETWEEN 2000 AND 2010 AND "
                "((actor1 = '750' AND actor2 = ?) OR (actor2 = '750' AND actor1 = ?))",
                [p["source"], p["partner"], p["partner"]])[0][0]
            assert p["total"] == direct
