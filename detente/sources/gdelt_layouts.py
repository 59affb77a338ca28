"""The published column lists of GDELT 1.0 and 2.0 event exports."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import GDELTPYR, at


def _prepare(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    """Number the fields; each 1.0 field takes the type its name has in the 2.0 list."""
    con = duckdb.connect()
    con.register("v1", raw["gdelt1"])
    con.register("v2", raw["gdelt2"])
    # _row counts file lines and the header is line 1, so a field's position is _row - 1.
    number = "CAST(_row - 1 AS VARCHAR) AS position, tableId AS name"
    v2 = con.sql(f"SELECT {number}, dataType AS data_type, _row FROM v2").to_arrow_table()
    v1 = con.sql(f"SELECT {number}, (SELECT any_value(dataType) FROM v2 WHERE v2.tableId = "
                 f"v1.tableId) AS data_type, _row FROM v1 ORDER BY _row").to_arrow_table()
    con.close()
    return {"gdelt1": v1, "gdelt2": v2}


def _columns(last: int) -> tuple[Column, ...]:
    return (
        Column("position", "INTEGER", nullable=False, min=1, max=last,
               description="1-based field position in a line of the export."),
        Column("name", "VARCHAR", nullable=False),
        Column("data_type", "VARCHAR", nullable=False, values=("INTEGER", "FLOAT", "STRING")),
    )


SOURCE = Source(
    id="gdelt_layouts",
    title="GDELT 1.0 and 2.0 event export column lists",
    producer="The GDELT Project (header files as kept by gdeltPyR)",
    version="2016-09",
    homepage="https://www.gdeltproject.org/data.html#documentation",
    citation=(
        "Leetaru, Kalev and Philip A. Schrodt. 2013. \"GDELT: Global Data on Events, Location "
        "and Tone, 1979-2012.\" Paper presented at the International Studies Association "
        "Annual Convention, San Francisco. Column lists: GDELT event header files of "
        "September 2016, as kept by gdeltPyR (linwoodc3/gdeltPyR, commit 8762db7)."
    ),
    bibtex="""@inproceedings{leetaruschrodt2013gdelt,
  author = {Leetaru, Kalev and Schrodt, Philip A.},
  title = {{GDELT}: Global Data on Events, Location and Tone, 1979--2012},
  booktitle = {International Studies Association Annual Convention},
  address = {San Francisco}, year = {2013}
}""",
    license="GPL-3.0-only",
    terms="GDELT data are free and open with citation of the GDELT Project; gdeltPyR is GPL-3.",
    files=(
        SourceFile("gdelt1",
                   "event_codebooks/gdelt/GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv",
                   at(GDELTPYR, "utils/schema_csvs/"
                          "GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv"),
                   "12b7192ab4ea8520d0c709feb78bf78cfade49055f867c57de4fa47379d65948", "tsv"),
        SourceFile("gdelt2",
                   "event_codebooks/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv",
                   at(GDELTPYR, "utils/schema_csvs/"
                          "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"),
                   "63db5ad9ef9166894a4e0c1883057cabb30bbadbac80209df639d85ec9bafe41", "csv"),
    ),
    tables=(
        Table("gdelt1_event_columns", "gdelt1", _columns(58), key=("position",), coverage=(),
              description="Fields of a GDELT 1.0 event export line, in order."),
        Table("gdelt2_event_columns", "gdelt2", _columns(61), key=("position",), coverage=(),
              description="Fields of a GDELT 2.0 event export line, in order."),
    ),
    unit="code_table",
    system="none",
    coverage=None,
    missing_values="None.",
    notes=(
        "The 1.0 header lists 58 fields: the 57 of the historical backfiles plus SOURCEURL, "
        "added to the daily files in April 2013; detente accepts 1.0 lines of 57 or 58 fields. "
        "2.0 adds the three *Geo_ADM2Code fields (61). The 1.0 file has no types; each 1.0 "
        "field takes the type its name has in the 2.0 list (every 1.0 name is there)."
    ),
    redistributable=True,
    prepare=_prepare,
)
