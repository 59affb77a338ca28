"""Joint Military Exercises (JME), v3 (Vito D'Orazio): 1,790 exercises starting 1974-2010."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._exercises import dates, participants
from detente.sources._origins import TROOPDATA_EXERCISES, at

N_PARTICIPANTS = 30  # State A ... State AD

SOURCE = Source(
    id="jme",
    title="Joint Military Exercises",
    producer="Vito D'Orazio",
    version="3",
    homepage="https://github.com/meflynn/troopdata",
    citation=(
        "D'Orazio, Vito. 2013. \"International Military Cooperation: From Concepts to "
        "Constructs.\" PhD dissertation, Pennsylvania State University (Joint Military "
        "Exercises data, version 3)."
    ),
    bibtex="""@phdthesis{dorazio2013imc,
  author = {D'Orazio, Vito},
  title = {International Military Cooperation: From Concepts to Constructs},
  school = {Pennsylvania State University}, year = {2013},
  note = {Joint Military Exercises (JME) data, version 3}
}""",
    license="custom",
    terms="Research use with citation; copy from the troopdata R package (GPL-3). Verify the "
          "reference with the author before publishing.",
    files=(
        SourceFile("exercises", "military_exercises/jme_v3.xls",
                   at(TROOPDATA_EXERCISES, "data-raw/jme_v3.xls"),
                   "8b584c9b50bfb8058516b89874306e1a9b6ac5e2fcb21c379b9edbde8dd9a77a", "xls",
                   sheet="Sheet1_2"),
    ),
    tables=(
        Table(
            "jme_exercises", "exercises",
            (
                Column("name", "VARCHAR", raw="Exercise Name"),
                Column("location1", "VARCHAR", raw="Location1"),
                Column("location2", "VARCHAR", raw="Location2"),
                Column("start_date", "VARCHAR", raw="Start Date",
                       description="MM/DD/YYYY as typed, 'xx' for an unknown day; the only date "
                                   "of the 310 exercises coded after 2015 (s.year blank)."),
                Column("end_date", "VARCHAR", raw="enddate"),
                *dates(2010, day_max=None),
                Column("jme_type", "VARCHAR", raw="JME Type",
                       description="FTX (field), CPX (command post), both, or 'Unsure'."),
                Column("reforger", "VARCHAR", raw="Part of the Reforger Exercise?"),
                Column("institutions", "VARCHAR", raw="Institution(s) involved"),
                Column("purpose", "VARCHAR", raw="What is the purpose of the JME?"),
                Column("host", "VARCHAR", raw="Which state hosted the exercise?"),
                Column("sources", "VARCHAR", raw="Source(s)"),
                *participants("State ", N_PARTICIPANTS),
            ),
            coverage=("s_year",),  # the 310 rows without s.year fall in 2003-2008
            description="One row per exercise; participants as (mostly) ISO3 codes.",
        ),
    ),
    unit="engagement",
    system="iso3",
    coverage=(1974, 2010),
    missing_values="-9 is unknown; 'xx'/'xxxx' an unknown day or year.",
    notes=(
        "Read from the published .xls (sheet 'Sheet1_2'; the three other sheets are empty). "
        "Participants are ISO3-like codes with typing slips ('uSA', 'DEu', 'kWT', 'Mar'), "
        "historical codes ('DDR', 'CSK', 'ROM') and '8 NATO members' / 'NATO'; DEU before 1991 "
        "is West Germany and RUS before 1992 the Soviet Union. detente maps them with its "
        "reviewed name table. The sheet's ID column has blanks and duplicates, so an exercise "
        "is identified by its row. End days 126 and 171 (rows 534, 611) are typing slips; those exercises keep their year and month. A last column headed 'AUS' holds 0/1 flags with no "
        "documented meaning and is not read."
    ),
)
