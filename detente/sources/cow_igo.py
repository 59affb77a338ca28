"""COW Intergovernmental Organizations v3: shared memberships by dyad-year and counts by state-year."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

_CC = dict(dtype="INTEGER", nullable=False, min=1, max=999)
_COUNT = dict(dtype="INTEGER", nullable=False, min=0)

SOURCE = Source(
    id="cow_igo",
    title="Intergovernmental Organizations",
    producer="Correlates of War Project (Pevehouse et al.)",
    version="3.0",
    homepage="https://correlatesofwar.org/data-sets/igos/",
    citation=(
        "Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. "
        "2020. \"Tracking Organizations in the World: The Correlates of War IGO Version 3.0 "
        "Datasets.\" Journal of Peace Research 57(3): 492-503."
    ),
    bibtex="""@article{pevehouseetal2020igo,
  author = {Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. and Jamison, Anne Spencer},
  title = {Tracking Organizations in the World: The {Correlates of War} {IGO} Version 3.0 Datasets},
  journal = {Journal of Peace Research},
  volume = {57}, number = {3}, pages = {492--503}, year = {2020}
}""",
    license="custom",
    terms="Free for research use with citation (Correlates of War Project terms of use).",
    files=(
        SourceFile("dyad_years", "peacesciencer/cow_igo_ndy.rda", peacesciencer("cow_igo_ndy"),
                   "e663531dab70d1d46419fdf0d2d29d51b5b314eab055ea1f691d824e4d15af26", "rda"),
        SourceFile("state_years", "peacesciencer/cow_igo_sy.rda", peacesciencer("cow_igo_sy"),
                   "0102eb9d48f34791ddb1a17aa0b312df23117ebafb3d707cee03ab64463e3bc7", "rda"),
    ),
    tables=(
        Table(
            "cow_igo_dyad_years", "dyad_years",
            (
                Column("ccode1", **_CC),
                Column("ccode2", **_CC),
                Column("year", "INTEGER", nullable=False, min=1816, max=2014),
                Column("dyadigos", description="IGOs in which both are full members.", **_COUNT),
            ),
            key=("ccode1", "ccode2", "year"),
            description="Non-directed dyad-years (ccode1 < ccode2) with their shared full memberships.",
        ),
        Table(
            "cow_igo_state_years", "state_years",
            (
                Column("ccode", **_CC),
                Column("year", "INTEGER", nullable=False, min=1816, max=2014),
                Column("sum_igo_full", **_COUNT),
                Column("sum_igo_associate", **_COUNT),
                Column("sum_igo_observer", **_COUNT),
                Column("sum_igo_anytype", **_COUNT),
            ),
            key=("ccode", "year"),
        ),
    ),
    unit="nondirected_dyad_year",
    system="cow",
    coverage=(1816, 2014),
    missing_values="peacesciencer's build; a dyad-year absent shares no IGO.",
    notes=(
        "peacesciencer's summaries of IGO v3: the dyad-year file is non-directed (ccode1 < "
        "ccode2) and counts only full memberships held by both. IGO v3 records years at "
        "five-year intervals before 1965; peacesciencer's copy is yearly."
    ),
)
