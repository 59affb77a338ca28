"""COW State System Membership, v2016."""

from detente.sources._cow import COW_TERMS, spell_columns
from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import dodl, peacesciencer

SOURCE = Source(
    id="cow_states",
    title="State System Membership List",
    producer="Correlates of War Project",
    version="2016",
    homepage="https://correlatesofwar.org/data-sets/state-system-membership/",
    citation=(
        "Correlates of War Project. 2017. \"State System Membership List, v2016.\" "
        "Online, http://correlatesofwar.org."
    ),
    bibtex="""@misc{cowstates2016,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016},
  year = {2017},
  howpublished = {\\url{https://correlatesofwar.org/data-sets/state-system-membership/}}
}""",
    license="custom",
    terms=COW_TERMS,
    files=(
        SourceFile("spells", "peacesciencer/cow_states.rda",
                   peacesciencer("cow_states"),
                   "9248b9fc801124d2bb48c58740bb335a1ee4938c4096e4d5e0bd01c22bf1dc09", "rda"),
        SourceFile("state_years", "cow_original/system2016.csv",
                   dodl("COW/system2016.csv"),
                   "280e10b408c0aefb3b452e1d35d59a54d78935c08ac3a6039c47cb982cdc9f17", "csv"),
    ),
    tables=(
        Table(
            "cow_state_spells", "spells",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("stateabb", "VARCHAR", nullable=False),
                Column("statenme", "VARCHAR", nullable=False),
                *spell_columns(1816, 2016),
            ),
            key=("ccode", "styear"),
            coverage=("styear", "endyear"),
            description="One row per spell of system membership, with exact entry and exit dates.",
        ),
        Table(
            "cow_system",
            "state_years",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("stateabb", "VARCHAR", nullable=False),
                Column("year", "INTEGER", nullable=False, min=1816, max=2016),
            ),
            key=("ccode", "year"),
            description="One row per state-year of system membership, as COW distributes it.",
        ),
    ),
    unit="state_year",
    system="cow",
    coverage=(1816, 2016),
    missing_values="No missing-value codes.",
    notes=(
        "A state may have several spells (France 220 is absent 1942-1944; Germany 255 ends in "
        "1945 and its code returns in 1990; West Germany is 260 and East Germany 265). "
        "Membership ends with the data in 2016: a state alive at the end is censored, not "
        "dead; `create_state_years(extend_to=...)` carries such states to later years on "
        "request. The state-year file and the spells agree year by year (pinned by a test)."
    ),
)
