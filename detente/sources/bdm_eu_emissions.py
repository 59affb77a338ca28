"""The EC car-emission-standards issue: Bueno de Mesquita's expected-utility example inputs."""

from detente.sources._declare import Column, Source, SourceFile, Table, github_raw

_REPO = ("dmasad/BDM_DecisionModel_Replication", "aa3899a308886b0f3cec5d976a67c681c348ef2c")

SOURCE = Source(
    id="bdm_eu_emissions",
    title="EC car-emission standards (expected-utility model example)",
    producer="Bruce Bueno de Mesquita",
    version="1994",
    homepage="https://github.com/dmasad/BDM_DecisionModel_Replication",
    citation=(
        "Bueno de Mesquita, Bruce. 1994. \"Political Forecasting: An Expected Utility Method.\" "
        "In Bruce Bueno de Mesquita and Frans N. Stokman (eds.), European Community Decision "
        "Making: Models, Applications, and Comparisons, 71-104. New Haven: Yale University "
        "Press. As used by Scholz, Jason B., Gregory J. Calbert and Glen A. Smith. 2011. "
        "\"Unravelling Bueno De Mesquita's Group Decision Model.\" Journal of Theoretical "
        "Politics 23(4): 510-531."
    ),
    bibtex="""@incollection{buenodemesquita1994pf,
  author = {Bueno de Mesquita, Bruce},
  title = {Political Forecasting: An Expected Utility Method},
  booktitle = {European Community Decision Making: Models, Applications, and Comparisons},
  editor = {Bueno de Mesquita, Bruce and Stokman, Frans N.},
  publisher = {Yale University Press}, address = {New Haven}, pages = {71--104}, year = {1994}
}
@article{scholzetal2011unravelling,
  author = {Scholz, Jason B. and Calbert, Gregory J. and Smith, Glen A.},
  title = {Unravelling {Bueno De Mesquita}'s Group Decision Model},
  journal = {Journal of Theoretical Politics}, volume = {23}, number = {4},
  pages = {510--531}, year = {2011}
}""",
    license="custom",
    terms=(
        "No licence is stated by the transcribing repository; the inputs are published in "
        "Bueno de Mesquita (1994). Used for research reproduction with citation."
    ),
    files=(
        SourceFile("actors", "bdm_eu_emissions_1994/ExampleActors.csv",
                   github_raw(*_REPO, "ExampleActors.csv"),
                   "c25ebbd2eee47cc6b4b4c7b61519a88c87295a9ae1e8bdaa9105ab9d8e352c4b", "csv",
                   newline="cr"),
    ),
    tables=(
        Table(
            "bdm_eu_actors", "actors",
            (
                Column("actor", "VARCHAR", raw="Actor", nullable=False,
                       description="European Community member state."),
                Column("capability", "DOUBLE", raw="Capability", nullable=False, min=0, max=1,
                       description="Share of the resources that can be brought to bear on the issue."),
                Column("position", "DOUBLE", raw="Position", nullable=False, min=4, max=10,
                       description="Years until emission standards apply to medium-sized cars."),
                Column("salience", "DOUBLE", raw="Salience", nullable=False, min=0, max=100,
                       description="How much the issue matters to the actor, 0-100."),
            ),
            key=("actor",),
            coverage=(),
            description="Ten EC members on one issue (the model's input table).",
        ),
    ),
    unit="actor",
    system="names",
    coverage=None,
    missing_values="No missing values.",
    notes=(
        "Old Mac line endings (carriage return only, no final newline); read with newline='cr'. "
        "The issue scale runs from 4 to 10 years, the range of the positions. These are the "
        "inputs of Table 1 in Scholz, Calbert and Smith (2011), taken from Bueno de Mesquita "
        "(1994, p. 78); the file is the transcription in Masad's replication repository."
    ),
)
