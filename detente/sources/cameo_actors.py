"""CAMEO actor dictionaries: ICEWS country names to CAMEO codes and COW, sectors to agents."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import TEXT_TO_CAMEO, at


def _split(lines: pa.Table, names: tuple[str, ...]) -> pa.Table:
    """Tab-separated fields of each line; identical repeated lines are kept once."""
    con = duckdb.connect()
    con.register("lines", lines)
    fields = ", ".join(f"nullif(trim(string_split(line, chr(9))[{i + 1}]), '') AS {n}"
                       for i, n in enumerate(names))
    out = con.sql(f"SELECT {fields}, min(_row) AS _row FROM lines WHERE trim(line) <> '' "
                  f"GROUP BY ALL ORDER BY _row").to_arrow_table()
    con.close()
    return out


def _prepare(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    countries = _split(raw["countrynames"], ("name", "cameo_code", "cow"))
    con = duckdb.connect()
    con.register("c", countries)
    countries = con.sql(
        "SELECT name, cameo_code, CASE WHEN cow = '000' THEN NULL ELSE cow END AS ccode, "
        "CASE WHEN cow IS NULL THEN NULL ELSE (cow = '000')::VARCHAR END AS non_state, _row "
        "FROM c").to_arrow_table()
    con.close()
    return {"countrynames": countries,
            "agentnames": _split(raw["agentnames"], ("sector", "agent_code", "entry_code"))}


SOURCE = Source(
    id="cameo_actors",
    title="CAMEO country and agent dictionaries (text_to_CAMEO)",
    producer="Philip A. Schrodt",
    version="d6b5c55",
    homepage="https://github.com/philip-schrodt/text_to_CAMEO",
    citation=(
        "Schrodt, Philip A. 2015. text_to_CAMEO: programs and dictionaries converting ICEWS "
        "event data to CAMEO-coded records (countrynames.txt, agentnames.txt). GitHub "
        "repository philip-schrodt/text_to_CAMEO, commit d6b5c55."
    ),
    bibtex="""@misc{schrodt2015texttocameo,
  author = {Schrodt, Philip A.},
  title = {text\\_to\\_{CAMEO}: converting {ICEWS} event data to {CAMEO}-coded records},
  howpublished = {\\url{https://github.com/philip-schrodt/text_to_CAMEO}},
  note = {countrynames.txt and agentnames.txt, commit d6b5c55}, year = {2015}
}""",
    license="MIT",
    terms="MIT licence.",
    files=(
        SourceFile("countrynames", "event_codebooks/cameo_icews_crosswalk/countrynames.txt",
                   at(TEXT_TO_CAMEO, "countrynames.txt"),
                   "5be51b0dcce8e59211024b2fe898f69575638ebaeab27f170e26d6b20b270abf", "text"),
        SourceFile("agentnames", "event_codebooks/cameo_icews_crosswalk/agentnames.txt",
                   at(TEXT_TO_CAMEO, "agentnames.txt"),
                   "2602e246e72bb1c6f7385933d1dd72ddef6a2927138f90310703305f8ab28e7b", "text"),
    ),
    tables=(
        Table(
            "cameo_country_names", "countrynames",
            (
                Column("name", "VARCHAR", nullable=False,
                       description="Country name as ICEWS writes it."),
                Column("cameo_code", "VARCHAR", nullable=False,
                       description="CAMEO country code (ISO3 with exceptions: KSV, TMP, "
                                   "territories as USAGUM, GBRGIB ...)."),
                Column("ccode", "INTEGER", min=2, max=999,
                       description="COW state code; null for non-states (000) and where "
                                   "the file leaves it blank (Guinea)."),
                Column("non_state", "BOOLEAN",
                       description="True where the file codes 000 (territory, non-state)."),
            ),
            key=("name",),
            coverage=(),
            description="ICEWS country name -> CAMEO country code -> COW code.",
        ),
        Table(
            "cameo_agent_names", "agentnames",
            (
                Column("sector", "VARCHAR", nullable=False,
                       description="ICEWS sector name ('Defense / Security Ministry')."),
                Column("agent_code", "VARCHAR", nullable=False,
                       description="CAMEO agent (type) code ('GOVMIL')."),
                Column("entry_code", "VARCHAR", description="The dictionary's entry code."),
            ),
            coverage=(),
            description="ICEWS sector -> CAMEO agent code (a sector may be listed twice).",
        ),
    ),
    unit="code_table",
    system="cameo",
    coverage=None,
    missing_values="COW 000 (non-state) and a blank COW cell become null.",
    notes=(
        "Both files are tab-separated without a header. countrynames.txt opens with a "
        "placeholder row (NULL, ---, 000) and lists Cote d'Ivoire twice on identical lines "
        "(kept once). Guinea's COW cell is blank (COW 438); detente then maps its CAMEO code "
        "GIN as an ISO3 code through the year-aware crosswalk. Hong Kong carries 997, which is "
        "not a COW state; Jersey and Mayotte carry the CAMEO codes GBR and FRA with COW 000."
    ),
    redistributable=True,
    prepare=_prepare,
)
