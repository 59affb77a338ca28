"""Type and code checks for event rows, the same for every format, in one DuckDB query.

A row is bad when its date is missing or impossible (``2018-02-30``) or in the future, its
CAMEO code is not in the CAMEO code table, its root or quad class contradicts its code
(GDELT's EventRootCode and QuadClass), a number does not parse or lies out of range
(Goldstein outside [-10, 10], latitude outside [-90, 90]), its producer id is missing, or a
PLOVER record names an event type PLOVER does not have. Every problem names the file, line
and field as the format calls it.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pyarrow as pa
import pyarrow.csv as pacsv

from detente._errors import Violation
from detente.monitor._formats import RawEvents
from detente.store._store import Store

PLOVER_QUADS_FILE = "plover_quads.csv"


@cache
def plover_quads() -> pa.Table:
    """The reviewed PLOVER event type -> quad class table (one reason per row)."""
    with files("detente.monitor").joinpath(PLOVER_QUADS_FILE).open("rb") as fh:
        return pacsv.read_csv(fh)


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def check_and_type(store: Store, raw: RawEvents) -> tuple[pa.Table, list[Violation]]:
    """Typed canonical rows of ``raw`` (bad rows included) and every problem found."""
    for table in ("cameo_codes", "cameo_plover"):
        store.require(table)
    layout = raw.layout
    field = {name: _lit(layout.fields.get(name, name)) for name in
             ("producer_id", "date", "cameo_code", "root_code", "quad_class",
              "reported_goldstein", "latitude", "longitude", "plover_event")}
    coded = layout.dataset != "plover"
    con = store.con.cursor()
    con.register("raw_events", raw.table)
    con.register("plover_quads", plover_quads())
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE checked AS
        SELECT r.*,
               try_strptime(trim(r.date), {_lit(layout.date_format)})::DATE AS d,
               c.code AS c_code, c.root_code AS c_root, c.quad_class AS c_quad,
               c.goldstein AS c_goldstein,
               p.event AS p_event, p.mode AS p_mode, p.context AS p_context,
               q.quad_class AS q_quad,
               TRY_CAST(trim(r.reported_goldstein) AS DOUBLE) AS rg,
               TRY_CAST(trim(r.latitude) AS DOUBLE) AS lat,
               TRY_CAST(trim(r.longitude) AS DOUBLE) AS lon,
               TRY_CAST(trim(r.quad_class) AS INTEGER) AS rq
        FROM raw_events r
        LEFT JOIN cameo_codes c ON c.code = trim(r.cameo_code)
        LEFT JOIN cameo_plover p ON p.code = c.code
        LEFT JOIN plover_quads q ON q.event = upper(trim(r.plover_event))
    """)
    checks = [
        f"SELECT line, {field['producer_id']}, 'is missing', NULL FROM checked "
        "WHERE producer_id IS NULL",
        f"SELECT line, {field['date']}, 'is missing', NULL FROM checked WHERE date IS NULL",
        f"SELECT line, {field['date']}, 'is not a valid date ({layout.date_format})', date "
        "FROM checked WHERE date IS NOT NULL AND d IS NULL",
        f"SELECT line, {field['date']}, 'is in the future', date FROM checked "
        "WHERE d > current_date + 1",
        f"SELECT line, {field['reported_goldstein']}, 'is not a number in [-10, 10]', "
        "reported_goldstein FROM checked WHERE reported_goldstein IS NOT NULL "
        "AND (rg IS NULL OR rg NOT BETWEEN -10 AND 10)",
        f"SELECT line, {field['latitude']}, 'is not a latitude in [-90, 90]', latitude "
        "FROM checked WHERE latitude IS NOT NULL AND (lat IS NULL OR lat NOT BETWEEN -90 AND 90)",
        f"SELECT line, {field['longitude']}, 'is not a longitude in [-180, 180]', longitude "
        "FROM checked WHERE longitude IS NOT NULL AND (lon IS NULL OR lon NOT BETWEEN -180 AND 180)",
    ]
    if coded:
        checks += [
            f"SELECT line, {field['cameo_code']}, 'is missing', NULL FROM checked "
            "WHERE cameo_code IS NULL",
            f"SELECT line, {field['cameo_code']}, 'is not a CAMEO event code', cameo_code "
            "FROM checked WHERE cameo_code IS NOT NULL AND c_code IS NULL",
            f"SELECT line, {field['root_code']}, 'is not the root of the event code ' || c_code, "
            "root_code FROM checked WHERE root_code IS NOT NULL AND c_code IS NOT NULL "
            "AND trim(root_code) <> c_root",
            f"SELECT line, {field['quad_class']}, 'is not the quad class of the event code ' || "
            "c_code || ' (' || c_quad || ')', quad_class FROM checked WHERE quad_class IS NOT NULL "
            "AND c_code IS NOT NULL AND rq IS DISTINCT FROM c_quad",
        ]
    else:
        checks += [
            f"SELECT line, {field['plover_event']}, 'is missing', NULL FROM checked "
            "WHERE plover_event IS NULL",
            f"SELECT line, {field['plover_event']}, 'is not a PLOVER event type', plover_event "
            "FROM checked WHERE plover_event IS NOT NULL AND q_quad IS NULL",
        ]
    union = " UNION ALL ".join(f"({c})" for c in checks)
    found = con.execute(f"SELECT DISTINCT * FROM ({union}) ORDER BY 1, 2").fetchall()
    problems = [Violation(str(raw.path), int(line), col, msg, val)
                for line, col, msg, val in found]
    typed = con.sql(f"""
        SELECT d AS date, {_lit(layout.dataset)} AS dataset, producer_id,
               source_actor, source_country, target_actor, target_country,
               c_code AS cameo_code, c_root AS root_code,
               CAST(coalesce(c_quad, q_quad) AS TINYINT) AS quad_class,
               c_goldstein AS goldstein,
               coalesce(p_event, upper(trim(plover_event))) AS plover_event,
               coalesce(p_mode, plover_mode) AS plover_mode,
               coalesce(p_context, plover_context) AS plover_context,
               rg AS reported_goldstein, location_country, lat AS latitude, lon AS longitude,
               publisher, source_sectors, target_sectors, line
        FROM checked ORDER BY line
    """).to_arrow_table()
    con.execute("DROP TABLE checked")
    con.close()
    return typed, problems
