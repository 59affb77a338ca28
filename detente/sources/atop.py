"""Alliance Treaty Obligations and Provisions (ATOP), v5.1."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import dodl, peacesciencer

_FLAG = dict(dtype="INTEGER", nullable=False, values=(0, 1))
_OBLIGATION = dict(dtype="INTEGER", values=(0, 1))

SOURCE = Source(
    id="atop",
    title="Alliance Treaty Obligations and Provisions",
    producer="Brett Ashley Leeds et al., Rice University",
    version="5.1",
    homepage="http://www.atopdata.org/",
    citation=(
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. "
        "2002. \"Alliance Treaty Obligations and Provisions, 1815-1944.\" International "
        "Interactions 28: 237-260."
    ),
    bibtex="""@article{leedsetal2002atop,
  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions}, volume = {28}, pages = {237--260}, year = {2002}
}""",
    license="custom",
    terms="Free for academic use with citation (atopdata.org).",
    files=(
        SourceFile("dyad_years", "peacesciencer/atop_alliance.rda", peacesciencer("atop_alliance"),
                   "1449ca0369aed33ccf3ac66e959d1d7429c981a3840981facc84fcb2c2bc0441", "rda"),
        SourceFile("members", "atop/atop5_1m.csv", dodl("ATOP/atop5_1m.csv"),
                   "0e3c803f65275c3cb9309d08c04710416dff16aee936c8b4f887c7b67ee5b55b", "csv"),
        SourceFile("alliances", "atop/atop5_1a.csv", dodl("ATOP/atop5_1a.csv"),
                   "eafd146fa5c5bc2737ae829288c87d01c990a55fbc82dcc2dc08b94c0d7b5b7d", "csv"),
    ),
    tables=(
        Table(
            "atop_dyad_years", "dyad_years",
            (
                Column("ccode1", "INTEGER", nullable=False, min=1, max=999),
                Column("ccode2", "INTEGER", nullable=False, min=1, max=999),
                Column("year", "INTEGER", nullable=False, min=1815, max=2018),
                Column("atop_defense", **_FLAG),
                Column("atop_offense", **_FLAG),
                Column("atop_neutral", **_FLAG),
                Column("atop_nonagg", **_FLAG),
                Column("atop_consul", **_FLAG),
            ),
            key=("ccode1", "ccode2", "year"),
            description="Directed dyad-years with any ATOP obligation between the pair.",
        ),
        Table(
            "atop_members", "members",
            (
                Column("atopid", "INTEGER", nullable=False),
                Column("member", "INTEGER", nullable=False, min=1, max=9999,
                       description="COW code, or ATOP's own 4-digit code for a non-system member."),
                Column("cowsys", "INTEGER", values=(0, 1),
                       description="1 if the member is in the COW state system at entry."),
                Column("phase", "INTEGER", min=0,
                       description="Phase of the alliance (renegotiated terms); 0 if it has one."),
                Column("yrent", "INTEGER", nullable=False, min=1815, max=2018),
                Column("moent", "INTEGER", min=1, max=12),
                Column("dayent", "INTEGER", min=1, max=31),
                Column("yrexit", "INTEGER", nullable=False,
                       description="Year the member left; 0 means still in force at the end of the data."),
                Column("moexit", "INTEGER"),
                Column("dayexit", "INTEGER"),
                Column("defense", **_OBLIGATION),
                Column("offense", **_OBLIGATION),
                Column("neutral", **_OBLIGATION),
                Column("nonagg", **_OBLIGATION),
                Column("consul", **_OBLIGATION),
            ),
            key=("atopid", "member", "phase", "yrent", "moent", "dayent"),
            coverage=("yrent",),
            description="One row per member and phase of each alliance.",
        ),
        Table(
            "atop_alliances", "alliances",
            (
                Column("atopid", "INTEGER", nullable=False),
                Column("begyr", "INTEGER", nullable=False, min=1815, max=2018),
                Column("endyr", "INTEGER", nullable=False),
                Column("bilat", "INTEGER", values=(0, 1)),
                Column("defense", **_OBLIGATION),
                Column("offense", **_OBLIGATION),
                Column("neutral", **_OBLIGATION),
                Column("nonagg", **_OBLIGATION),
                Column("consul", **_OBLIGATION),
                Column("milcon", "INTEGER", description="Military contact required (0-3)."),
                Column("milaid", "INTEGER", description="Military aid provided (0-4)."),
                Column("intcom", "INTEGER", values=(0, 1), description="Integrated command."),
                Column("base", "INTEGER", description="Basing rights (0-3)."),
                Column("organ1", "INTEGER", description="Formal organisation created (0-3)."),
            ),
            key=("atopid",),
            coverage=("begyr",),
            description="One row per alliance with its obligations and institutional provisions.",
        ),
    ),
    unit="directed_dyad_year",
    system="cow",
    coverage=(1815, 2018),
    missing_values="Blank cells are missing; in the dyad-year file a dyad-year absent has no obligation.",
    notes=(
        "The dyad-year table is peacesciencer's directed build of ATOP 5.1 (ATOP's own "
        "atop5_1ddyr.csv is not in the mirror); it starts in 1815, a year before the COW "
        "system. Obligations are not exclusive: a pair can share a defence pact and a "
        "consultation pact in the same year. yrexit = 0 marks an alliance still in force in 2018. The member file "
        "also lists members outside the COW system (cowsys = 0) under ATOP's own 4-digit codes, "
        "e.g. 8152; those members never appear in COW-based panels."
    ),
)
