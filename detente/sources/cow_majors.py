"""COW major powers, v2016."""

from detente.sources._cow import COW_TERMS, spell_columns
from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import dodl

SOURCE = Source(
    id="cow_majors",
    title="Major Powers",
    producer="Correlates of War Project",
    version="2016",
    homepage="https://correlatesofwar.org/data-sets/state-system-membership/",
    citation=(
        "Correlates of War Project. 2017. \"State System Membership List, v2016\" "
        "(major powers list, majors2016)."
    ),
    bibtex="""@misc{cowmajors2016,
  author = {{Correlates of War Project}},
  title = {Major Powers, v2016 (State System Membership List)},
  year = {2017},
  howpublished = {\\url{https://correlatesofwar.org/data-sets/state-system-membership/}}
}""",
    license="custom",
    terms=COW_TERMS,
    files=(
        SourceFile("spells", "cow_original/majors2016.csv", dodl("COW/majors2016.csv"),
                   "6ba42de12f2f63401ff5a61e6d0037d17b5dd03ed9aca07d0bc16660e03694eb", "csv"),
    ),
    tables=(
        Table(
            "cow_major_spells", "spells",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("stateabb", "VARCHAR", nullable=False),
                *spell_columns(1816, 2016),
            ),
            key=("ccode", "styear"),
            coverage=("styear", "endyear"),
        ),
    ),
    unit="state_spell",
    system="cow",
    coverage=(1816, 2016),
    missing_values="No missing-value codes.",
    notes=(
        "Spells with exact dates; a state counts as a major power in a year if any spell "
        "touches that year (peacesciencer's rule). Germany, Japan and France have several spells."
    ),
)
