"""COW Direct Contiguity, v3.2 (directed master records, as peacesciencer ships them)."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

SOURCE = Source(
    id="cow_contdir",
    title="Direct Contiguity",
    producer="Correlates of War Project",
    version="3.2",
    homepage="https://correlatesofwar.org/data-sets/direct-contiguity/",
    citation=(
        "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles "
        "Gochman. 2002. \"The Correlates of War Project Direct Contiguity Data, Version 3.\" "
        "Conflict Management and Peace Science 19(2): 59-67."
    ),
    bibtex="""@article{stinnettetal2002cow,
  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles},
  title = {The Correlates of War Project Direct Contiguity Data, Version 3},
  journal = {Conflict Management and Peace Science},
  volume = {19}, number = {2}, pages = {59--67}, year = {2002}
}""",
    license="custom",
    terms="Free for research use with citation (Correlates of War Project terms of use).",
    files=(
        SourceFile("spells", "peacesciencer/cow_contdir.rda", peacesciencer("cow_contdir"),
                   "779062fb96238a7c55dbb3436a0925f67d8f0b5bd8e522731c0c3c55f492dd70", "rda"),
    ),
    tables=(
        Table(
            "cow_contiguity", "spells",
            (
                Column("ccode1", "INTEGER", nullable=False, min=1, max=999),
                Column("ccode2", "INTEGER", nullable=False, min=1, max=999),
                Column("conttype", "INTEGER", nullable=False, values=(0, 1, 2, 3, 4, 5),
                       description=(
                           "1 land or river border; 2, 3, 4, 5 separated by at most 12, 24, "
                           "150, 400 miles of water; 0 (added by peacesciencer) both states in "
                           "the system but not contiguous in this spell.")),
                Column("stdate", "DATE", nullable=False,
                       description="First month of the spell (day set to 1)."),
                Column("enddate", "DATE", nullable=False,
                       description="Last month of the spell (day set to 1)."),
            ),
            key=("ccode1", "ccode2", "stdate"),
            coverage=("stdate", "enddate"),
            description="Directed contiguity spells: each appears as (A, B) and (B, A).",
        ),
    ),
    unit="dyad_spell",
    system="cow",
    coverage=(1816, 2016),
    missing_values="No missing-value codes.",
    notes=(
        "peacesciencer's build of COW's contdir.dta (v3.2): COW's master records are duplicated "
        "in both directions and their begin/end months become dates. peacesciencer also adds "
        "conttype 0 spells for months in which a dyad that is contiguous at some time had both "
        "states in the system without contiguity (e.g. Malaysia-Philippines 1957-1963), so a "
        "dyad can have several spells in one year, of different types; use the closest type in "
        "force during the year. Some spells start before a state enters the COW system (Palau, "
        "Micronesia 1994)."
    ),
)
