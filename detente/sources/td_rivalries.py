"""Thompson and Dreyer strategic rivalries, 1494-2010."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

_TYPES = ("spatial", "positional", "ideological", "interventionary")

SOURCE = Source(
    id="td_rivalries",
    title="Strategic Rivalries",
    producer="William R. Thompson and David R. Dreyer",
    version="2012",
    homepage="https://us.sagepub.com/en-us/nam/handbook-of-international-rivalries/book234186",
    citation=(
        "Thompson, William R., and David R. Dreyer. 2012. Handbook of International Rivalries, "
        "1494-2010. Washington, DC: CQ Press."
    ),
    bibtex="""@book{thompsondreyer2012hir,
  author = {Thompson, William R. and Dreyer, David R.},
  title = {Handbook of International Rivalries, 1494--2010},
  publisher = {CQ Press}, address = {Washington, DC}, year = {2012}
}""",
    license="custom",
    terms="Free for research use with citation (as distributed in peacesciencer).",
    files=(
        SourceFile("rivalries", "peacesciencer/td_rivalries.rda", peacesciencer("td_rivalries"),
                   "06875a5100a9aaf83a073d6b78078722be7a0ef1c8a851ee31ad36914553c68b", "rda"),
    ),
    tables=(
        Table(
            "td_rivalries", "rivalries",
            (
                Column("rivalryno", "INTEGER", nullable=False, min=1),
                Column("rivalryname", "VARCHAR", nullable=False),
                Column("ccode1", "INTEGER", nullable=False, min=1, max=999),
                Column("ccode2", "INTEGER", nullable=False, min=1, max=999),
                Column("styear", "INTEGER", nullable=False, min=1494, max=2010),
                Column("endyear", "INTEGER", nullable=False, min=1494, max=2010,
                       description="Last year; 2010 also marks a rivalry still ongoing."),
                Column("region", "VARCHAR", nullable=False),
                Column("type1", "VARCHAR", nullable=False, values=_TYPES),
                Column("type2", "VARCHAR", values=_TYPES),
                Column("type3", "VARCHAR", values=_TYPES),
            ),
            key=("rivalryno",),
            coverage=("styear", "endyear"),
            description="One row per rivalry spell; ccode1 < ccode2 (non-directed).",
        ),
    ),
    unit="dyad_spell",
    system="cow",
    coverage=(1494, 2010),
    missing_values="Blank type2 and type3 mean the rivalry has fewer types.",
    notes=(
        "Non-directed: ccode1 is always the smaller code. A pair can have several rivalry spells "
        "(\"Britain-France 1\", \"Britain-France 2\"), each with its own number. Spells start "
        "as early as 1494, before the COW state system (1816); 2010 is the last year coded, so "
        "a rivalry ending in 2010 may still be ongoing."
    ),
)
