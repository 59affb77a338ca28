"""Gibler-Miller-Little MID data, v2.2.1 (dyadic form)."""

from detente.sources._declare import Source, SourceFile, Table
from detente.sources._mid import MISSING, dispute_columns, dyad_year_columns
from detente.sources._origins import peacesciencer

_MONTH_MISSING = (-9, 13)
"""GML 2.2.1 codes dispute 1272 (1918) with start month 13, an impossible month: read as unknown."""

SOURCE = Source(
    id="gml_mid",
    title="Gibler-Miller-Little Militarized Interstate Dispute data",
    producer="Douglas M. Gibler, Steven V. Miller and Erin K. Little",
    version="2.2.1",
    homepage="https://dmgibler.people.ua.edu/mid-data.html",
    citation=(
        "Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the "
        "Militarized Interstate Dispute (MID) Dataset, 1816-2001.\" International Studies "
        "Quarterly 60(4): 719-730."
    ),
    bibtex="""@article{gibleretal2016amid,
  author = {Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.},
  title = {An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001},
  journal = {International Studies Quarterly},
  volume = {60}, number = {4}, pages = {719--730}, year = {2016}
}""",
    license="custom",
    terms="Free for research use with citation.",
    files=(
        SourceFile("dyad_years", "peacesciencer/gml_mid_ddydisps.rda",
                   peacesciencer("gml_mid_ddydisps"),
                   "46ce6732909e62b555546ceeeb2f380415c4153fa1cb05824a837ec45a4aa7ce", "rda"),
        SourceFile("disputes", "peacesciencer/gml_mid_disps.rda", peacesciencer("gml_mid_disps"),
                   "a0eedf4fa05b60d3015437aeeee410a0b080e7a2e317ab8a2899479e878f450d", "rda"),
    ),
    tables=(
        Table("gml_mid_dyad_years", "dyad_years", dyad_year_columns("gml", 2010, _MONTH_MISSING),
              key=("ccode1", "ccode2", "year"),
              description="Directed dyad-years in a MID, one dispute per dyad-year."),
        Table("gml_mid_disputes", "disputes", dispute_columns(2010, _MONTH_MISSING), key=("dispnum",),
              coverage=("styear",)),
    ),
    unit="directed_dyad_year",
    system="cow",
    coverage=(1816, 2010),
    missing_values=MISSING + " The start month 13 (dispute 1272 only) is also read as unknown.",
    notes=(
        "GML corrects and re-codes the COW MID data 1816-2010 (dropping some disputes, merging "
        "others); it is the default dispute source for dyad-years, as in peacesciencer."
    ),
)
