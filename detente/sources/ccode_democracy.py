"""Democracy indicators by COW state-year (V-Dem polyarchy, Polity2, UDS), as peacesciencer ships them."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer

SOURCE = Source(
    id="ccode_democracy",
    title="Democracy indicators by state-year (V-Dem polyarchy, Polity IV polity2, UDS)",
    producer="Steven V. Miller (peacesciencer), compiling V-Dem, the Polity Project and Marquez's QuickUDS",
    version="V-Dem 10; Polity 2017; QuickUDS 0.2.3",
    homepage="https://svmiller.com/peacesciencer/",
    citation=(
        "Coppedge, Michael, et al. 2020. \"V-Dem Dataset v10.\" Varieties of Democracy Project. "
        "Marshall, Monty G., Ted Robert Gurr, and Keith Jaggers. 2017. \"Polity IV Project.\" "
        "Center for Systemic Peace. Marquez, Xavier. 2016. \"A Quick Method for Extending the "
        "Unified Democracy Scores.\" SSRN 2753830. Compiled by Miller, Steven V. 2022. "
        "\"peacesciencer.\" Conflict Management and Peace Science 39(6): 755-779."
    ),
    bibtex="""@misc{coppedgeetal2020vdem,
  author = {Coppedge, Michael and others},
  title = {{V-Dem} Dataset v10}, year = {2020},
  howpublished = {Varieties of Democracy (V-Dem) Project}
}
@misc{marshalletal2017p,
  author = {Marshall, Monty G. and Gurr, Ted Robert and Jaggers, Keith},
  title = {Polity {IV} Project: Political Regime Characteristics and Transitions, 1800--2016},
  year = {2017}, howpublished = {Center for Systemic Peace}
}
@misc{marquez2016qme,
  author = {Marquez, Xavier},
  title = {A Quick Method for Extending the Unified Democracy Scores},
  year = {2016}, howpublished = {SSRN 2753830}
}
@article{miller2022peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An {R} Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  volume = {39}, number = {6}, pages = {755--779}, year = {2022}
}""",
    license="custom",
    terms="Each indicator keeps its producer's terms (V-Dem CC BY-SA 4.0; Polity and UDS free for research with citation).",
    files=(
        SourceFile("state_years", "peacesciencer/ccode_democracy.rda",
                   peacesciencer("ccode_democracy", old=True),
                   "d4695e3cd670ec9ec4685b80862f9ccc452b1b4dd605b0c35e1ab2b086cfebbb", "rda"),
    ),
    tables=(
        Table(
            "ccode_democracy", "state_years",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("year", "INTEGER", nullable=False, min=1816, max=2020),
                Column("v2x_polyarchy", "DOUBLE", min=0, max=1,
                       description="V-Dem electoral democracy index (0-1)."),
                Column("polity2", "DOUBLE", min=-10, max=10, missing=(-66, -77, -88),
                       description="Polity IV combined score (-10 autocracy to 10 democracy)."),
                Column("xm_qudsest", "DOUBLE",
                       description="Marquez's extension of the Unified Democracy Scores (latent, mean about 0)."),
            ),
            key=("ccode", "year"),
        ),
    ),
    unit="state_year",
    system="cow",
    coverage=(1816, 2020),
    missing_values="NA where an index does not cover the state-year; Polity's -66/-77/-88 interregnum codes (none in this copy) would become null.",
    notes=(
        "Taken from peacesciencer's 2025-07 snapshot (the file was later removed from the "
        "package). detente uses these as a documented proxy for civilian oversight of the "
        "military: they measure electoral democracy, not civil-military relations as such."
    ),
)
