"""UN General Assembly ideal points (Bailey, Strezhnev and Voeten), July 2025 release."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import IDEALPOINTS, at

SOURCE = Source(
    id="unga_idealpoints",
    title="United Nations General Assembly ideal points",
    producer="Michael A. Bailey, Anton Strezhnev and Erik Voeten",
    version="2025-07",
    homepage="https://doi.org/10.7910/DVN/LEJUQZ",
    citation=(
        "Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. \"Estimating Dynamic "
        "State Preferences from United Nations Voting Data.\" Journal of Conflict Resolution "
        "61(2): 430-456."
    ),
    bibtex="""@article{baileystrezhnevvoeten2017idealpoints,
  author = {Bailey, Michael A. and Strezhnev, Anton and Voeten, Erik},
  title = {Estimating Dynamic State Preferences from {United Nations} Voting Data},
  journal = {Journal of Conflict Resolution},
  volume = {61}, number = {2}, pages = {430--456}, year = {2017}
}""",
    license="custom",
    terms="Open data on the Harvard Dataverse (doi:10.7910/DVN/LEJUQZ); cite the article.",
    files=(
        SourceFile("idealpoints", "unga_idealpoints/IdealpointsJuly2025.dta",
                   at(IDEALPOINTS, "IdealpointsJuly2025.dta"),
                   "fea7fa9414e3643586dbdf95baa1100ceb418e56684d79d801a146cad79443ce", "dta"),
    ),
    tables=(
        Table(
            "unga_idealpoints", "idealpoints",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("iso3c", "VARCHAR"),
                Column("countryname", "VARCHAR"),
                Column("year", "INTEGER", nullable=False, min=1946, max=2024),
                Column("idealpointfp", "DOUBLE",
                       description="Full-period estimate (the release's recommended one)."),
                Column("idealpointall", "DOUBLE", description="Estimate from all votes."),
                Column("idealpointlegacy", "DOUBLE", description="The 2017 article's method."),
                Column("nvotesfp", "DOUBLE", min=0),
                Column("q5fp", "DOUBLE"),
                Column("q95fp", "DOUBLE"),
            ),
            key=("ccode", "year"),
        ),
    ),
    unit="state_year",
    system="cow",
    coverage=(1946, 2024),
    missing_values="Empty estimates where a state cast too few votes in a year.",
    notes=(
        "A dynamic ordinal IRT estimate per state-year, bridged across years by identical "
        "resolutions, so positions are comparable over time (Bailey et al. 2017). Higher values "
        "are closer to the United States' position. q5fp/q95fp bound the 90% interval."
    ),
)
