"""Gleditsch and Ward's list of independent states (2017 update)."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

SOURCE = Source(
    id="gw_states",
    title="List of Independent States",
    producer="Kristian S. Gleditsch and Michael D. Ward",
    version="2017",
    homepage="http://ksgleditsch.com/data-4.html",
    citation=(
        "Gleditsch, Kristian S., and Michael D. Ward. 1999. \"A Revised List of Independent "
        "States since the Congress of Vienna.\" International Interactions 25(4): 393-413."
    ),
    bibtex="""@article{gleditschward1999rlis,
  author = {Gleditsch, Kristian S. and Ward, Michael D.},
  title = {A Revised List of Independent States since the Congress of Vienna},
  journal = {International Interactions},
  volume = {25}, number = {4}, pages = {393--413}, year = {1999}
}""",
    license="custom",
    terms="Free for research use with citation.",
    files=(
        SourceFile("spells", "peacesciencer/gw_states.rda", peacesciencer("gw_states"),
                   "4746858bf919a7af31e4a7afbda77294c350e80fd3899b8c20893c5b5f7829ec", "rda"),
    ),
    tables=(
        Table(
            "gw_state_spells", "spells",
            (
                Column("gwcode", "INTEGER", nullable=False, min=1, max=999),
                Column("stateabb", "VARCHAR", nullable=False),
                Column("statename", "VARCHAR", nullable=False),
                Column("startdate", "DATE", nullable=False),
                Column("enddate", "DATE", nullable=False),
            ),
            key=("gwcode", "startdate"),
            coverage=("startdate", "enddate"),
        ),
    ),
    unit="state_spell",
    system="gw",
    coverage=(1816, 2017),
    missing_values="No missing-value codes.",
    notes=(
        "Gleditsch-Ward codes differ from COW's for some states (Serbia 340/345, Germany 260 "
        "throughout for the Federal Republic, Yemen 678/680, Vietnam 816/817). Use the "
        "countrycode crosswalk to move between systems year by year."
    ),
)
