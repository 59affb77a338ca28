"""countrycode's code lists: the COW / Gleditsch-Ward / ISO crosswalk, static and by year."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import countrycode

_CODES = (
    Column("cown", "INTEGER", min=1, max=999),
    Column("cowc", "VARCHAR"),
    Column("gwn", "INTEGER", min=1, max=999),
    Column("gwc", "VARCHAR"),
    Column("iso3c", "VARCHAR"),
    Column("iso2c", "VARCHAR"),
)

SOURCE = Source(
    id="countrycode",
    title="countrycode code lists (codelist, codelist_panel)",
    producer="Vincent Arel-Bundock, Nils Enevoldsen and CJ Yetman",
    version="1.8.0",
    homepage="https://vincentarelbundock.github.io/countrycode/",
    citation=(
        "Arel-Bundock, Vincent, Nils Enevoldsen, and CJ Yetman. 2018. \"countrycode: An R "
        "package to convert country names and country codes.\" Journal of Open Source "
        "Software 3(28): 848."
    ),
    bibtex="""@article{arelbundocketal2018countrycode,
  author = {Arel-Bundock, Vincent and Enevoldsen, Nils and Yetman, CJ},
  title = {countrycode: An {R} package to convert country names and country codes},
  journal = {Journal of Open Source Software},
  volume = {3}, number = {28}, pages = {848}, year = {2018}
}""",
    license="GPL-3.0-only",
    terms="GPL-3; the code lists are facts compiled from public standards.",
    files=(
        SourceFile("codelist", "countrycode/codelist.rda", countrycode("codelist"),
                   "7c2dd9fa5bd68cff44893a330212f6e3aee19d19f6c80cd3bb596b1dc32dda91", "rda"),
        SourceFile("codelist_panel", "countrycode/codelist_panel.rda",
                   countrycode("codelist_panel"),
                   "d9b46b04e3055ec41fde61bffd5021dddd0e3ccb44a2de628934add51aa4ea1d", "rda"),
    ),
    tables=(
        Table(
            "country_codes", "codelist",
            (
                Column("name", "VARCHAR", raw="country.name.en", nullable=False),
                Column("name_regex", "VARCHAR", raw="country.name.en.regex"),
                Column("cow_name", "VARCHAR", raw="cow.name"),
                *_CODES,
                Column("iso3n", "INTEGER"),
                Column("region", "VARCHAR", description="World Bank region."),
                Column("continent", "VARCHAR"),
                Column("un_region", "VARCHAR", raw="un.region.name"),
                Column("un_subregion", "VARCHAR", raw="un.regionsub.name"),
            ),
            key=("name",),
            coverage=(),
            description="One row per country or territory with every code scheme (static).",
        ),
        Table(
            "country_code_years", "codelist_panel",
            (
                Column("name", "VARCHAR", raw="country.name.en", nullable=False),
                Column("year", "INTEGER", nullable=False),
                *_CODES,
            ),
            key=("name", "year"),
            description="Country-years with the codes valid in each year (historical entities).",
        ),
    ),
    unit="country_year",
    system="none",
    coverage=(1776, 2024),
    missing_values="NA where a scheme has no code for the unit (or the year).",
    notes=(
        "Year-aware: COW 255 (Germany) until 1945 and from 1990, 260 (West Germany) 1955-1990, "
        "265 (East Germany) 1954-1990. Gaps fixed by detente's reviewed override table "
        "(detente/actors/overrides.csv): COW 345 has no ISO3 in the panel after 1991 (it is "
        "Serbia and Montenegro, then Serbia: SCG to 2006, SRB from 2006), COW 365 is RUS "
        "throughout including the Soviet years, and dissolved states take their ISO 3166-3 "
        "codes (CSK, DDR, YUG, SUN is not used because COW keeps 365)."
    ),
)
