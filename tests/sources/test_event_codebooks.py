"""The event codebooks as loaded from the mirror: CAMEO, PLOVER, actor names, FIPS, GDELT layouts."""

from __future__ import annotations

from detente.store import Store


def test_cameo_codes_keep_leading_zeros_and_quads(store: Store) -> None:
    assert store.rows("SELECT count(*), count(DISTINCT root_code) FROM cameo_codes")[0] == (312, 20)
    rows = dict(store.rows("SELECT code, goldstein FROM cameo_codes WHERE code IN "
                           "('010', '0874', '190', '20')"))
    assert rows == {"010": 0.0, "0874": 10.0, "190": -10.0, "20": -10.0}
    quads = dict(store.rows("SELECT root_code, any_value(quad_class) FROM cameo_codes GROUP BY 1"))
    assert [quads[f"{r:02d}"] for r in (1, 5, 6, 9, 10, 14, 15, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_plover_table_drops_the_ambiguous_root(store: Store) -> None:
    codes = dict(store.rows("SELECT code, event FROM cameo_plover"))
    assert "08" not in codes and codes["03"] == "AGREE" and codes["175"] == "ASSAULT"
    assert codes["1214"] == "REJECT" and "010" not in codes
    mode = store.rows("SELECT mode, context FROM cameo_plover WHERE code = '042'")
    assert mode == [("visit", None)]


def test_icews_country_names_to_cow(store: Store) -> None:
    rows = {r[0]: r[1:] for r in store.rows(
        "SELECT name, cameo_code, ccode, non_state FROM cameo_country_names WHERE name IN "
        "('Kosovo', 'Guinea', 'Occupied Palestinian Territory', 'United States', 'Timor-Leste')")}
    assert rows == {"Kosovo": ("KSV", 347, False), "Guinea": ("GIN", None, None),
                    "Occupied Palestinian Territory": ("PSE", None, True),
                    "United States": ("USA", 2, False), "Timor-Leste": ("TMP", 860, False)}
    assert store.rows("SELECT count(*) FROM cameo_country_names WHERE name = "
                      "'Cote d''Ivoire'")[0][0] == 1
    military = store.rows("SELECT agent_code FROM cameo_agent_names WHERE sector = "
                          "'Defense / Security Ministry' LIMIT 1")
    assert military == [("GOVMIL",)]


def test_fips_and_gdelt_layouts(store: Store) -> None:
    fips = dict(store.rows("SELECT fips, iso3 FROM fips_countries WHERE fips IN "
                           "('AG', 'AS', 'GM', 'RI', 'UK')"))
    assert fips == {"AG": "DZA", "AS": "AUS", "GM": "DEU", "RI": "SRB", "UK": "GBR"}
    v1 = [r[0] for r in store.rows("SELECT name FROM gdelt1_event_columns ORDER BY position")]
    v2 = [r[0] for r in store.rows("SELECT name FROM gdelt2_event_columns ORDER BY position")]
    assert (len(v1), len(v2)) == (58, 61) and set(v1) <= set(v2)
    assert v1[-1] == "SOURCEURL" and v2[26] == "EventCode"
    assert store.rows("SELECT count(*) FROM gdelt1_event_columns WHERE data_type IS NULL")[0][0] == 0
