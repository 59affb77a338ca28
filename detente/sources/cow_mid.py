"""COW Militarized Interstate Disputes, v5.0 (dyadic form)."""

from detente.sources._cow import COW_TERMS
from detente.sources._declare import Source, SourceFile, Table
from detente.sources._mid import MISSING, dispute_columns, dyad_year_columns
from detente.sources._origins import peacesciencer

SOURCE = Source(
    id="cow_mid",
    title="Militarized Interstate Disputes",
    producer="Correlates of War Project (Palmer et al.)",
    version="5.0",
    homepage="https://correlatesofwar.org/data-sets/mids/",
    citation=(
        "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela "
        "Karstens, Chase Bloch, Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. "
        "2022. \"The MID5 Dataset, 2011-2014: Procedures, Coding Rules, and Description.\" "
        "Conflict Management and Peace Science 39(4): 470-482."
    ),
    bibtex="""@article{palmeretal2022mid5,
  author = {Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and Kenwick, Michael R. and Karstens, Mikaela and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, Kellan and Soules, Michael J.},
  title = {The {MID5} Dataset, 2011--2014: Procedures, Coding Rules, and Description},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {4}, pages = {470--482}, year = {2022}
}""",
    license="custom",
    terms=COW_TERMS,
    files=(
        SourceFile("dyad_years", "peacesciencer/cow_mid_ddydisps.rda",
                   peacesciencer("cow_mid_ddydisps"),
                   "2db5aeef570a727cd4b28d7f56ad49193d79bbb018019e9225d53321a11d5e45", "rda"),
        SourceFile("disputes", "peacesciencer/cow_mid_disps.rda", peacesciencer("cow_mid_disps"),
                   "b0dedb0e905411c506edc29c102766056f61c3fce9c67b7a925e7076028ed34a", "rda"),
    ),
    tables=(
        Table("cow_mid_dyad_years", "dyad_years", dyad_year_columns("cow", 2014),
              key=("ccode1", "ccode2", "year"),
              description="Directed dyad-years in a MID; one dispute per dyad-year (peacesciencer's "
                          "whittling: the onset first, then the highest fatality and hostility)."),
        Table("cow_mid_disputes", "disputes", dispute_columns(2014), key=("dispnum",),
              coverage=("styear",)),
    ),
    unit="directed_dyad_year",
    system="cow",
    coverage=(1816, 2014),
    missing_values=MISSING,
    notes=(
        "Directed dyad-years with no duplicates: where a dyad had several disputes in a year, "
        "peacesciencer kept one (the rule is in its documentation for cow_mid_ddydisps). Counts "
        "of disputes per dyad-year therefore top out at one."
    ),
)
