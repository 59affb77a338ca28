"""COW National Material Capabilities, v7.0."""

from detente.sources._cow import COW_TERMS
from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import peacesciencer


def _component(name: str, description: str) -> Column:
    return Column(name, "DOUBLE", min=0, missing=(-9,), description=description)


SOURCE = Source(
    id="cow_nmc",
    title="National Material Capabilities",
    producer="Correlates of War Project",
    version="7.0",
    homepage="https://correlatesofwar.org/data-sets/national-material-capabilities/",
    citation=(
        "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, "
        "Uncertainty, and Major Power War, 1820-1965.\" In Bruce Russett (ed.), Peace, War, and "
        "Numbers, 19-48. Beverly Hills: Sage. Singer, J. David. 1987. \"Reconstructing the "
        "Correlates of War Dataset on Material Capabilities of States, 1816-1985.\" "
        "International Interactions 14: 115-32."
    ),
    bibtex="""@incollection{singeretal1972cdu,
  author = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers}, editor = {Russett, Bruce},
  publisher = {Sage}, address = {Beverly Hills}, pages = {19--48}, year = {1972}
}
@article{singer1987rcwd,
  author = {Singer, J. David},
  title = {Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816--1985},
  journal = {International Interactions}, volume = {14}, pages = {115--132}, year = {1987}
}""",
    license="custom",
    terms=COW_TERMS,
    files=(
        SourceFile("state_years", "peacesciencer/cow_nmc.rda", peacesciencer("cow_nmc"),
                   "c265ab4ffa73c87ddc565ce08a12963e8a6aa5020a56e3658108add14b24e82d", "rda"),
    ),
    tables=(
        Table(
            "cow_nmc", "state_years",
            (
                Column("ccode", "INTEGER", nullable=False, min=1, max=999),
                Column("year", "INTEGER", nullable=False, min=1816, max=2100),
                _component("milex", "Military expenditure, thousands: GBP 1816-1913, current USD from 1914."),
                _component("milper", "Military personnel, thousands."),
                _component("irst", "Iron and steel production, thousands of tons."),
                _component("pec", "Primary energy consumption, thousands of coal-ton equivalents."),
                _component("tpop", "Total population, thousands."),
                _component("upop", "Urban population, thousands."),
                Column("cinc", "DOUBLE", min=0, max=1, missing=(-9,),
                       description="Composite Index of National Capability: mean of the six shares."),
            ),
            key=("ccode", "year"),
        ),
    ),
    unit="state_year",
    system="cow",
    coverage=(1816, 2022),
    missing_values=(
        "COW codes missing components -9; the peacesciencer copy already holds them as NA. "
        "Both become nulls."
    ),
    notes=(
        "This is peacesciencer's abridged copy (no stateabb/version columns). milex changes unit "
        "in 1914 (GBP thousands to current USD thousands), so do not difference it across 1913/14. "
        "CINC is each state's mean share of the system totals over the components it reports; "
        "the published CINC column is kept and checked against a recomputation in the tests. "
        "CINC summed over states is not exactly 1 in many years."
    ),
)
