"""US military presence abroad: troops by host country-year, bases, construction, visits."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import TROOPDATA, TROOPDATA_VISITS, at

_PERSONNEL = dict(dtype="DOUBLE", min=0)
_HOST = (
    Column("countryname", "VARCHAR", nullable=False),
    Column("ccode", "INTEGER", min=1, description="troopdata's code: COW where the host is a "
           "COW state, its own codes of 1000 and up for territories."),
    Column("iso3c", "VARCHAR"),
)

SOURCE = Source(
    id="us_presence",
    title="US global military deployments, bases, construction spending and official visits",
    producer="Michael A. Allen, Michael E. Flynn and Carla Martinez Machain (troopdata)",
    version="troopdata 3946bcf",
    homepage="https://github.com/meflynn/troopdata",
    citation=(
        "Allen, Michael A., Michael E. Flynn, and Carla Martinez Machain. 2022. \"US global "
        "military deployments, 1950-2020.\" Conflict Management and Peace Science 39(3): "
        "351-370. Bases: Vine, David. 2015/2021. Lists of U.S. Military Bases Abroad."
    ),
    bibtex="""@article{allenflynnmartinezmachain2022usdeploy,
  author = {Allen, Michael A. and Flynn, Michael E. and Martinez Machain, Carla},
  title = {{US} global military deployments, 1950--2020},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {3}, pages = {351--370}, year = {2022}
}""",
    license="GPL-3.0-or-later",
    terms="troopdata is GPL-3; the data come from DMDC reports (public) and Vine's base lists.",
    files=(
        SourceFile("troops", "us_troops_basing/troopdata-rebuild-country-year.csv.gz",
                   at(TROOPDATA, "data-raw/troopdata-rebuild-country-year.csv"),
                   "875aa5c712506950786d791feb2a01b030c61e9afbc6df37baee5f453ce5fe5e", "csv"),
        SourceFile("bases", "us_troops_basing/basedata.csv", at(TROOPDATA, "data-raw/basedata.csv"),
                   "5a552e81b39bdbb7af42b6206dd47340a6a9f114bf84c24c0e167cf74844ccda", "csv",
                   encoding="cp1252"),
        SourceFile("construction", "us_troops_basing/builddata.csv",
                   at(TROOPDATA, "data-raw/builddata.csv"),
                   "bf644fa3a0446531058db997bd91fa9563cb62c98efe243525c035b03ef382dc", "csv",
                   encoding="cp1252"),
        SourceFile("visits", "us_troops_basing/visits.xls",
                   at(TROOPDATA_VISITS, "data-raw/visits.xls"),
                   "13a94db9569a0e84d3504ce45402e95d733c13675a9d1eb8e2152983d48ff648", "xls"),
    ),
    tables=(
        Table(
            "us_troops", "troops",
            (
                *_HOST,
                Column("year", "INTEGER", nullable=False, min=1950, max=2024),
                Column("region", "VARCHAR"),
                Column("troops_ad", description="Active-duty personnel, all services.",
                       **_PERSONNEL),
                Column("army_ad", **_PERSONNEL),
                Column("navy_ad", **_PERSONNEL),
                Column("air_force_ad", **_PERSONNEL),
                Column("marine_corps_ad", "DOUBLE", description="Six host-years carry negative values "
                       "(rows 602, 879, 4557, 6629, 10288, 11951), kept as published."),
                Column("total_civilian", **_PERSONNEL),
            ),
            key=("countryname", "year"),
            description="US active-duty troops by host country and year (zero rows included).",
        ),
        Table(
            "us_bases", "bases",
            (
                *_HOST,
                Column("basename", "VARCHAR", description="Two sites (rows 51, 63) have no name."),
                Column("lat", "DOUBLE"),
                Column("lon", "DOUBLE"),
                Column("base", "INTEGER", values=(0, 1)),
                Column("lilypad", "INTEGER", values=(0, 1)),
                Column("fundedsite", "INTEGER", values=(0, 1)),
            ),
            coverage=(),
            description="US base sites abroad (a snapshot with no years).",
        ),
        Table(
            "us_construction", "construction",
            (
                *_HOST,
                Column("year", "INTEGER", nullable=False, min=2008, max=2019),
                Column("location", "VARCHAR"),
                Column("spend_construction", "DOUBLE", nullable=False,
                       description="Military construction spending, thousands of US dollars."),
            ),
            description="US military construction spending by location and fiscal year.",
        ),
        Table(
            "us_visits", "visits",
            (
                Column("title", "VARCHAR", raw="Title", nullable=False),
                Column("name", "VARCHAR", raw="Name"),
                Column("start_day", "INTEGER", raw="Start Day", min=1, max=31),
                Column("start_month", "INTEGER", raw="Start Month", min=1, max=12),
                Column("year", "INTEGER", raw="Start Year", nullable=False, min=1992, max=2012),
                Column("city", "VARCHAR", raw="City Visited"),
                Column("iso3", "VARCHAR", raw="State Visit", nullable=False),
                Column("end_day", "INTEGER", raw="End Day", min=1, max=31),
                Column("end_month", "INTEGER", raw="End Month", min=1, max=12),
                Column("end_year", "INTEGER", raw="End Year", min=1992, max=2012),
            ),
            description="Visits abroad by US service secretaries and combatant commanders.",
        ),
    ),
    unit="country_year",
    system="cow",
    coverage=(1950, 2024),
    missing_values="NA is missing; troop tables hold explicit zeros.",
    notes=(
        "Host codes are troopdata's: COW codes for states, but Germany is 255 throughout "
        "(COW's West Germany is 260 for 1955-1990), Yemen 679 from 1964, and territories get "
        "codes of 1000 and up (Guam 1008, Diego Garcia 1004) or 6 (Puerto Rico); detente maps "
        "hosts by name and year with its reviewed table. The base list codes the "
        "'Congo, Democratic Republic' site as 484 (Republic of Congo); the name is kept. The "
        "base and construction files are cp1252-encoded and mixes countries with locations ('Guam', "
        "'Worldwide Unspecified', 'Conus Classified', garbled 'Ho', 'Bi', 'Zc', 'Cm')."
    ),
)
