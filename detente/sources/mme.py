"""Multinational Military Exercises (MME), v7: 3,707 exercises, 1980-2010."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._exercises import dates, participants
from detente.sources._origins import TROOPDATA_EXERCISES, at

_FLAG = dict(dtype="INTEGER", values=(0, 1), missing=(-9,))
FLAGS = ("CPX", "Air", "Land", "Sea", "Amphibious", "Cyber", "Warfighting", "Peacekeeping",
         "Humanitarian")
N_PARTICIPANTS = 39  # StateA ... StateAM

SOURCE = Source(
    id="mme",
    title="Multinational Military Exercises",
    producer="Raymond Kuo and Brian Blankenship",
    version="7",
    homepage="https://doi.org/10.7910/DVN/KHFODX",
    citation=(
        "Kuo, Raymond, and Brian Blankenship. 2022. \"Deterrence and Restraint: Do Joint "
        "Military Exercises Escalate Conflict?\" Journal of Conflict Resolution 66(1): 3-31."
    ),
    bibtex="""@article{kuoblankenship2022mme,
  author = {Kuo, Raymond and Blankenship, Brian},
  title = {Deterrence and Restraint: Do Joint Military Exercises Escalate Conflict?},
  journal = {Journal of Conflict Resolution},
  volume = {66}, number = {1}, pages = {3--31}, year = {2022}
}""",
    license="custom",
    terms="Research use with citation (Harvard Dataverse doi:10.7910/DVN/KHFODX); copy from "
          "the troopdata R package (GPL-3).",
    files=(
        SourceFile("exercises", "military_exercises/mme_v7.csv",
                   at(TROOPDATA_EXERCISES, "data-raw/mme_v7.csv"),
                   "e6356ed4b8569133841723ad4bc6fe436b49b28570dd721940d61edb771d8719", "csv"),
        SourceFile("participant_years", "military_exercises/mme-v7-long.csv.gz",
                   at(TROOPDATA_EXERCISES, "data-raw/mme-v7-long.csv"),
                   "901d3d946d77a535f35f5edf8ac4e499c275159ef9faaa269286aaee034fddd7", "csv"),
    ),
    tables=(
        Table(
            "mme_exercises", "exercises",
            (
                Column("mmeid", "VARCHAR", raw="MMEID", nullable=False),
                Column("name", "VARCHAR", raw="Ex_Name", missing=("-9",)),
                Column("series", "VARCHAR", raw="Series_Name", missing=("-9",)),
                Column("location", "VARCHAR", raw="Location", missing=("-9",)),
                *dates(2010),
                *(Column(f.lower(), raw=f, **_FLAG) for f in FLAGS),
                *participants("State", N_PARTICIPANTS),
            ),
            coverage=("s_year", "e_year"),
            description="One row per exercise, participants by name in state_a ... state_am.",
        ),
        Table(
            "mme_participant_years", "participant_years",
            (
                Column("mmeid", "VARCHAR", raw="MMEID", nullable=False),
                Column("gwcode", "INTEGER", min=1, max=999),
                Column("country", "VARCHAR", nullable=False),
                Column("year", "INTEGER", nullable=False, min=1980, max=2011),
                Column("participant_count", "INTEGER", min=1),
            ),
            description="troopdata's long form: exercise x participant x year, with GW codes.",
        ),
    ),
    unit="engagement",
    system="names",
    coverage=(1980, 2010),
    missing_values="-9 is unknown (names, flags, participants); 'xx' is an unknown day.",
    notes=(
        "Participants are names (StateA ... StateAM), including non-states and territories "
        "('NATO', 'Baltic States', 'Bermuda', 'Hong Kong SAR China', 'Netherlands Antilles', "
        "'New Caledonia') and historical states ('Federal Republic of Germany', 'German "
        "Democratic Republic', 'Czechoslovakia', 'Yugoslavia'); detente maps them with its "
        "reviewed name table. MMEID is not unique: mme3457, mme3458 and mme3460 each name two "
        "different exercises, so an exercise is identified by its row. Four exercises end in "
        "the year after they start. The long form uses Gleditsch-Ward codes, which exclude "
        "micro-states (null gwcode for Antigua, Dominica, Tonga, ...) and non-states."
    ),
)
