"""COW Formal Alliances, v4.1 (directed dyad-year form)."""

from detente.sources._cow import COW_TERMS
from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

_FLAG = dict(dtype="INTEGER", nullable=False, values=(0, 1))

SOURCE = Source(
    id="cow_alliance",
    title="Formal Alliances",
    producer="Correlates of War Project (Douglas M. Gibler)",
    version="4.1",
    homepage="https://correlatesofwar.org/data-sets/formal-alliances/",
    citation=(
        "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. "
        "Washington, DC: CQ Press."
    ),
    bibtex="""@book{gibler2009ima,
  author = {Gibler, Douglas M.},
  title = {International Military Alliances, 1648--2008},
  publisher = {CQ Press}, address = {Washington, DC}, year = {2009}
}""",
    license="custom",
    terms=COW_TERMS,
    files=(
        SourceFile("dyad_years", "peacesciencer/cow_alliance.rda",
                   peacesciencer("cow_alliance", old=True),
                   "0d3488bf736440d70c33df7f1dc9b0df5f8a2204b147b9a705d522e3dd709e25", "rda"),
    ),
    tables=(
        Table(
            "cow_alliance_dyad_years", "dyad_years",
            (
                Column("ccode1", "INTEGER", nullable=False, min=1, max=999),
                Column("ccode2", "INTEGER", nullable=False, min=1, max=999),
                Column("year", "INTEGER", nullable=False, min=1816, max=2012),
                Column("cow_defense", **_FLAG),
                Column("cow_neutral", **_FLAG),
                Column("cow_nonagg", **_FLAG),
                Column("cow_entente", **_FLAG),
            ),
            key=("ccode1", "ccode2", "year"),
        ),
    ),
    unit="directed_dyad_year",
    system="cow",
    coverage=(1816, 2012),
    missing_values="None: a dyad-year absent from the file has no alliance of any type.",
    notes=(
        "Directed: both A-B and B-A rows. The obligation types are nested in COW's coding "
        "(a defence pact usually implies the lesser types). Taken from peacesciencer's "
        "2025-07 snapshot, before the file was removed from the package."
    ),
)
