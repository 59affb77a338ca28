"""The CAMEO to PLOVER conversion table (PLOVER manual draft 0.8, September 2021)."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import PLOVER, at

PLOVER_EVENTS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                 "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                 "COERCE", "ASSAULT")
"""The 16 PLOVER event types of the 2021 table."""

_LINE = r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#.*)?$"


def _prepare(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    """Parse ``CODE: EVENT, mode, context # comment`` lines into columns.

    Comment, blank and terminator lines are dropped. A code listed twice with the same
    mapping (175) is kept once; a code listed with two different events (the root header
    ``08``, under both CONCEDE and RETREAT) is dropped, since it names no single type.
    """
    con = duckdb.connect()
    con.register("lines", raw["table"])
    parsed = con.sql(f"""
        WITH p AS (
            SELECT _row, regexp_extract(line, '{_LINE}', ['code', 'event', 'mode', 'context'])
                   AS m
            FROM lines WHERE regexp_full_match(line, '{_LINE}')
        ), f AS (
            SELECT _row, m.code AS code, m.event AS event,
                   nullif(trim(m.mode), '') AS mode, nullif(trim(m.context), '') AS context
            FROM p
        ), d AS (
            SELECT code, event, mode, context, min(_row) AS _row FROM f GROUP BY ALL
        )
        SELECT * FROM d WHERE code IN (SELECT code FROM d GROUP BY code HAVING count(*) = 1)
        ORDER BY _row
    """).to_arrow_table()
    con.close()
    return {"table": parsed}


SOURCE = Source(
    id="plover",
    title="CAMEO to PLOVER conversion table",
    producer="Open Event Data Alliance (Philip A. Schrodt, editor)",
    version="0.8 (2021-09-17)",
    homepage="https://github.com/openeventdata/PLOVER",
    citation=(
        "Open Event Data Alliance. 2021. \"PLOVER: Political Language Ontology for Verifiable "
        "Event Records\", manual draft 0.8, and CAMEO2PLOVER-2021.txt, edited by Philip A. "
        "Schrodt."
    ),
    bibtex="""@manual{oeda2021plover,
  author = {{Open Event Data Alliance}},
  title = {{PLOVER}: Political Language Ontology for Verifiable Event Records},
  note = {Manual draft 0.8 and CAMEO2PLOVER-2021 conversion table, ed. Philip A. Schrodt},
  year = {2021}, url = {https://github.com/openeventdata/PLOVER}
}""",
    license="CC-BY-SA-4.0",
    terms="Creative Commons Attribution-ShareAlike 4.0 (Open Event Data Alliance).",
    files=(
        SourceFile("table", "event_codebooks/plover/CAMEO2PLOVER-2021.txt",
                   at(PLOVER, "CAMEO2PLOVER-2021.txt"),
                   "524512a777756e90f6721724d7c5cab4eac2c35178a50ad2ad09bdb3edefbe7e", "text"),
    ),
    tables=(
        Table(
            "cameo_plover", "table",
            (
                Column("code", "VARCHAR", nullable=False, description="CAMEO event code."),
                Column("event", "VARCHAR", nullable=False, values=PLOVER_EVENTS,
                       description="PLOVER event type."),
                Column("mode", "VARCHAR", description="PLOVER mode (how), when the code has one."),
                Column("context", "VARCHAR",
                       description="PLOVER context (about what), as listed ('crime; corruption')."),
            ),
            key=("code",),
            coverage=(),
            description="One row per CAMEO code that PLOVER maps to a single event type.",
        ),
    ),
    unit="code_table",
    system="cameo",
    coverage=None,
    missing_values="A blank mode or context is null.",
    notes=(
        "PLOVER drops CAMEO roots 01 (public statements) and 02 (appeals): events with those "
        "codes have no PLOVER type. The file lists root 08 twice (CONCEDE and RETREAT) and code "
        "175 twice with the same mapping; 08 is dropped as ambiguous, 175 kept once. Code 1214 "
        "(reject intelligence cooperation) is in this table but not in the CAMEO code list. "
        "Line 175 puts 'pro_autocracy' in the mode slot, as published."
    ),
    redistributable=True,
    prepare=_prepare,
)
