"""UN peacekeeping: uniformed personnel by contributing country, mission and year, 2010-2021."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import UN_PKO, at

_PERSONNEL = dict(dtype="DOUBLE", nullable=False, min=0)

SOURCE = Source(
    id="un_pko",
    title="UN peacekeeping troop and police contributions (country by mission by year)",
    producer="United Nations Department of Peace Operations; yearly aggregation by C. Edwards",
    version="2021-01-31",
    homepage="https://peacekeeping.un.org/en/troop-and-police-contributors",
    citation=(
        "United Nations Department of Peace Operations. Troop and police contributions and "
        "women in peacekeeping, open data (peacekeeping.un.org), 2010-2021; yearly averages "
        "of the monthly reports as computed in corinnee/UN_Peacekeeping_Analytics (2021)."
    ),
    bibtex="""@misc{undpo2021contributions,
  author = {{United Nations Department of Peace Operations}},
  title = {Troop and Police Contributions to {UN} Peacekeeping Operations, 2010--2021},
  year = {2021}, note = {Yearly averages of monthly reports, via corinnee/UN\\_Peacekeeping\\_Analytics},
  howpublished = {\\url{https://peacekeeping.un.org/en/troop-and-police-contributors}}
}""",
    license="MIT",
    terms="UN open data; the aggregation repository is MIT-licensed. Cite the UN DPO.",
    files=(
        SourceFile("country_by_year", "un_peacekeeping/CountryByYear.csv.gz",
                   at(UN_PKO, "CountryByYear.csv"),
                   "42dc93f83b58223f48fa4a2b88a8f8a825d66667599196eb9015e9cbb4e80807", "csv"),
        SourceFile("rank", "un_peacekeeping/Rank.csv", at(UN_PKO, "Rank.csv"),
                   "3b5a2d8b1d81c9418a75fc6dd65b13ae9ce173eb63abfb672bf6e51a77cdba07", "csv"),
    ),
    tables=(
        Table(
            "un_pko_contributions", "country_by_year",
            (
                Column("year", "INTEGER", raw="Year", nullable=False, min=2010, max=2021),
                Column("country", "VARCHAR", raw="Country", nullable=False,
                       description="Contributing country as the UN names it."),
                Column("mission", "VARCHAR", raw="Mission", nullable=False,
                       description="Mission acronym (UNIFIL, MONUSCO, ...)."),
                Column("female", raw="Female", **_PERSONNEL),
                Column("male", raw="Male", **_PERSONNEL),
                Column("total", raw="Total", **_PERSONNEL,
                       description="Uniformed personnel, average of the year's monthly reports."),
            ),
            key=("country", "mission", "year"),
            description="One row per contributor, mission and year, zero rows included.",
        ),
        Table(
            "un_pko_rank", "rank",
            (
                Column("iso3", "VARCHAR", raw="ISOCode3", nullable=False),
                Column("m49", "INTEGER", raw="M49_Code"),
                Column("country", "VARCHAR", raw="Contributing_Country", nullable=False),
                Column("rank", "INTEGER", raw="Personnel_Contribution_Rank", nullable=False, min=1),
                Column("female", "INTEGER", raw="Female_Personnel", min=0),
                Column("male", "INTEGER", raw="Male_Personnel", min=0),
                Column("total", "INTEGER", raw="Total_Uniformed_Personnel", nullable=False, min=0),
                Column("reported", "VARCHAR", raw="Last_Reporting_Date"),
            ),
            key=("iso3",),
            coverage=(),
            description="The UN's contributor ranking snapshot of 31 January 2021.",
        ),
    ),
    unit="country_year",
    system="names",
    coverage=(2010, 2021),
    missing_values="No missing-value codes; a contributor absent from a mission has a 0 row.",
    notes=(
        "Values are averages of the monthly uniformed-personnel reports (troops, police, "
        "experts and staff officers), rounded in the file, so a deployment of a few months "
        "shows as a fraction of its size. Every country x mission pair has a row in every year "
        "from 2011, zeros included; 2010 holds only 416 rows (the gender series starts late in "
        "2010), so 2010 is partial. Countries are names only; detente maps them with its "
        "reviewed name table. Mission hosts are in detente/actors/missions.csv."
    ),
)
