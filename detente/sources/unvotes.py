"""UN General Assembly roll-call votes, 1946-2019 (Voeten), as packaged in R's unvotes."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import UNVOTES, at

SOURCE = Source(
    id="unvotes",
    title="United Nations General Assembly Voting Data",
    producer="Erik Voeten (packaged by David Robinson and Mine Cetinkaya-Rundel)",
    version="unvotes 7eb7034",
    homepage="https://doi.org/10.7910/DVN/LEJUQZ",
    citation=(
        "Voeten, Erik. 2013. \"Data and Analyses of Voting in the UN General Assembly.\" In "
        "Bob Reinalda (ed.), Routledge Handbook of International Organization. London: "
        "Routledge."
    ),
    bibtex="""@incollection{voeten2013unga,
  author = {Voeten, Erik},
  title = {Data and Analyses of Voting in the {UN} General Assembly},
  booktitle = {Routledge Handbook of International Organization}, editor = {Reinalda, Bob},
  publisher = {Routledge}, address = {London}, year = {2013}
}""",
    license="MIT",
    terms="The unvotes package is MIT; the data are Voeten's Harvard Dataverse release (cite).",
    files=(
        SourceFile("votes", "unvotes/un_votes.rda", at(UNVOTES, "data/un_votes.rda"),
                   "cf814a48bc536e8f87f8e027942ac515fe6aae9d63cd71dd88ed718b14887e87", "rda"),
        SourceFile("roll_calls", "unvotes/un_roll_calls.rda",
                   at(UNVOTES, "data/un_roll_calls.rda"),
                   "ff2070ae600cfd32176c6d149637306b9b677d6b910f48bec59a15357d673b4b", "rda"),
        SourceFile("issues", "unvotes/un_roll_call_issues.rda",
                   at(UNVOTES, "data/un_roll_call_issues.rda"),
                   "eec1b509ebce692c242b842837d5d861b52b65b2868a7c66f573d4a87d2eb0be", "rda"),
    ),
    tables=(
        Table(
            "un_votes", "votes",
            (
                Column("rcid", "INTEGER", nullable=False),
                Column("country", "VARCHAR", nullable=False),
                Column("country_code", "VARCHAR", description="ISO2; NA for defunct states."),
                Column("vote", "VARCHAR", nullable=False, values=("yes", "abstain", "no")),
            ),
            key=("rcid", "country"),
            coverage=(),
            description="One row per roll call and voting member; absences are not recorded.",
        ),
        Table(
            "un_roll_calls", "roll_calls",
            (
                Column("rcid", "INTEGER", nullable=False),
                Column("session", "INTEGER", nullable=False),
                Column("importantvote", "INTEGER", values=(0, 1)),
                Column("date", "DATE", nullable=False),
                Column("unres", "VARCHAR"),
                Column("amend", "INTEGER", values=(0, 1)),
                Column("para", "INTEGER", values=(0, 1)),
                Column("short", "VARCHAR"),
                Column("descr", "VARCHAR"),
            ),
            key=("rcid",),
            coverage=("date",),
        ),
        Table(
            "un_roll_call_issues", "issues",
            (
                Column("rcid", "INTEGER", nullable=False),
                Column("short_name", "VARCHAR", nullable=False,
                       values=("me", "nu", "di", "hr", "co", "ec")),
                Column("issue", "VARCHAR", nullable=False),
            ),
            key=("rcid", "short_name"),
            coverage=(),
        ),
    ),
    unit="event",
    system="iso2",
    coverage=(1946, 2020),
    missing_values="Absent and non-voting members have no row; NA country_code for defunct states.",
    notes=(
        "Only yes, no and abstain are recorded, so 'absent' cannot be told from 'not a member'. "
        "country_code is ISO2 and is NA for states that no longer exist (Yugoslavia, "
        "Czechoslovakia, East Germany, ...); detente maps voters by name and year with its "
        "reviewed table. Roll calls run from 1946-01-01 to 2020-01-14; sessions are not "
        "calendar years, detente dates a vote by its roll call's year."
    ),
)
