"""COW Trade v4.0: national import and export totals by state-year."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

SOURCE = Source(
    id="cow_trade",
    title="Trade (national totals)",
    producer="Correlates of War Project (Barbieri and Keshk)",
    version="4.0",
    homepage="https://correlatesofwar.org/data-sets/bilateral-trade/",
    citation=(
        "Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. \"Trading Data: "
        "Evaluating our Assumptions and Coding Rules.\" Conflict Management and Peace Science "
        "26(5): 471-491."
    ),
    bibtex="""@article{barbierietal2009trade,
  author = {Barbieri, Katherine and Keshk, Omar M. G. and Pollins, Brian},
  title = {Trading Data: Evaluating our Assumptions and Coding Rules},
  journal = {Conflict Management and Peace Science},
  volume = {26}, number = {5}, pages = {471--491}, year = {2009}
}""",
    license="custom",
    terms="Free for research use with citation (Correlates of War Project terms of use).",
    files=(
        SourceFile("state_years", "peacesciencer/cow_trade_sy.rda", peacesciencer("cow_trade_sy"),
                   "41ad9d312b6146aa9eaa70d8f5a16a0164b6e27ee4ebe86a928c2ea4de415142", "rda"),
    ),
    tables=(
        Table(
            "cow_trade_state_years", "state_years",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("year", "INTEGER", nullable=False, min=1870, max=2014),
                Column("imports", "DOUBLE", min=0, missing=(-9,),
                       description="Imports, current US$ millions."),
                Column("exports", "DOUBLE", min=0, missing=(-9,),
                       description="Exports, current US$ millions."),
            ),
            key=("ccode", "year"),
        ),
    ),
    unit="state_year",
    system="cow",
    coverage=(1870, 2014),
    missing_values="-9 in the COW original; NA in peacesciencer's copy. Both become nulls.",
    notes=(
        "National totals only: the mirror holds no dyadic COW trade file (the dyadic release "
        "is too large for it), so detente offers trade as state attributes, summed per dyad "
        "as total trade openness, never as bilateral flows."
    ),
)
