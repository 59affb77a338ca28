"""FIPS 10-4 country codes (GDELT's geography fields) to ISO 3166 codes."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import PY_GDELT, at

SOURCE = Source(
    id="fips_countries",
    title="FIPS 10-4 to ISO 3166 country codes (py-gdelt lookup)",
    producer="py-gdelt contributors (Rafal Bozydar), after GDELT's FIPS country list",
    version="6d1becc",
    homepage="https://github.com/RBozydar/py-gdelt",
    citation=(
        "py-gdelt contributors. 2025. py-gdelt lookup tables (src/py_gdelt/lookups/data/"
        "countries.json), commit 6d1becc. GDELT geography codes: Leetaru, Kalev and Philip A. "
        "Schrodt. 2013. \"GDELT: Global Data on Events, Location and Tone, 1979-2012.\" ISA "
        "Annual Convention."
    ),
    bibtex="""@misc{pygdelt2025countries,
  author = {{py-gdelt contributors}},
  title = {py-gdelt: {FIPS} 10-4 country lookup},
  howpublished = {\\url{https://github.com/RBozydar/py-gdelt}},
  note = {src/py\\_gdelt/lookups/data/countries.json, commit 6d1becc}, year = {2025}
}""",
    license="MIT",
    terms="MIT licence; the codes themselves are public standards.",
    files=(
        SourceFile("countries", "event_codebooks/gdelt/py-gdelt_countries.json",
                   at(PY_GDELT, "src/py_gdelt/lookups/data/countries.json"),
                   "4b2822fe9bb9e862eca3a1f06da73a197ff304a7c3a03d33f92a0c6bda7b9825", "json"),
    ),
    tables=(
        Table(
            "fips_countries", "countries",
            (
                Column("fips", "VARCHAR", raw="key", nullable=False,
                       description="FIPS 10-4 code, as in GDELT's *Geo_CountryCode."),
                Column("iso3", "VARCHAR", nullable=False),
                Column("iso2", "VARCHAR"),
                Column("name", "VARCHAR", nullable=False),
                Column("region", "VARCHAR"),
            ),
            key=("fips",),
            coverage=(),
            description="One row per FIPS 10-4 country code (249).",
        ),
    ),
    unit="code_table",
    system="iso3",
    coverage=None,
    missing_values="None in this file.",
    notes=(
        "FIPS 10-4 differs from ISO: AG is Algeria, AU Austria, AS Australia, GM Germany, "
        "UK the United Kingdom, RS Russia, RI Serbia, YI Serbia and Montenegro. GDELT kept "
        "FIPS after the standard was withdrawn in 2008, so later states carry GDELT's codes "
        "(South Sudan OD, Kosovo KV). The table has no RB, which the authors of the 9-column "
        "GDELT subset mapped to Serbia by hand; a GDELT file using RB gets an unmapped "
        "location, reported at ingest."
    ),
    redistributable=True,
)
