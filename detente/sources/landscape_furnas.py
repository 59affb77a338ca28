"""Axelrod and Furnas's landscape-theory inputs for the Syrian conflict (February 2016)."""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa

from detente._errors import SchemaViolation, Violation
from detente.sources._declare import Column, Source, SourceFile, Table, github_raw

REPO = ("alexanderfurnas/Landscape_Theory", "80515b487088c7659b82c9fba801424ba25f90c7")

ACTORS = ("US", "Russia", "Syria", "Turkey", "Saudi_Arabia", "Iran", "ISIS", "Hezbollah",
          "Iraqi_Kurds", "Nursa", "Baghdad")
"""Actor names exactly as ``Actor_data.csv`` spells them (``Nursa`` is the Nusra Front)."""

LABELS: Mapping[str, str] = {
    "US": "US", "Rus": "Russia", "Syr": "Syria", "Tur": "Turkey", "S.A.": "Saudi_Arabia",
    "Iran": "Iran", "ISIS": "ISIS", "Hez": "Hezbollah", "IqKrd": "Iraqi_Kurds",
    "Nursa": "Nursa", "Iraq": "Baghdad",
}
"""Matrix label -> actor name (reviewed). The matrix abbreviates the names of
``Actor_data.csv``; its ``Iraq`` is the Baghdad government (``Baghdad``, id 11, the same
position), not the Iraqi Kurds, who have their own row (``IqKrd``)."""

_MATRIX_PATH = "landscape_furnas_syria_2016/Pairwise_propensity_Feb_20.csv"


def _url(name: str) -> str:
    return github_raw(*REPO, name)


def _melt(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    """The wide 11 x 11 matrix as one row per ordered pair of different actors.

    Keeps ``_row`` (the line of the matrix row). The diagonal must be blank and is dropped;
    row labels must repeat the header's labels in the same order.
    """
    wide = raw["propensities"]
    label_col = wide.column_names[0]
    header = [c for c in wide.column_names[1:] if c != "_row"]
    rows = wide.column(label_col).to_pylist()
    lines = wide.column("_row").to_pylist()
    problems: list[Violation] = []
    for label in header:
        if label not in LABELS:
            problems.append(Violation(_MATRIX_PATH, 1, label, "is not a known actor label"))
    if rows != header:
        for i, (label, line) in enumerate(zip(rows, lines, strict=False)):
            want = header[i] if i < len(header) else None
            if label != want:
                problems.append(Violation(_MATRIX_PATH, line, label_col or "(row label)",
                                          f"row label should be {want!r} (the header's order)",
                                          label))
    out: dict[str, list[object]] = {k: [] for k in
                                    ("label1", "label2", "actor1", "actor2", "raw", "_row")}
    for i, (label, line) in enumerate(zip(rows, lines, strict=False)):
        for j, other in enumerate(header):
            value = wide.column(other)[i].as_py()
            if i == j:
                if value not in (None, ""):
                    problems.append(Violation(_MATRIX_PATH, line, other,
                                              "the diagonal must be blank", value))
                continue
            out["label1"].append(label)
            out["label2"].append(other)
            out["actor1"].append(LABELS.get(label, label))
            out["actor2"].append(LABELS.get(other, other))
            out["raw"].append(value)
            out["_row"].append(line)
    if problems:
        raise SchemaViolation(problems[:20], len(problems))
    long = pa.table({k: pa.array(v, pa.int64() if k == "_row" else pa.string())
                     for k, v in out.items()})
    return {**raw, "propensities": long}


def _actor_columns() -> tuple[Column, ...]:
    return (
        Column("id", "INTEGER", nullable=False, min=1, max=len(ACTORS)),
        Column("actor", "VARCHAR", nullable=False, values=ACTORS),
        Column("strength", "DOUBLE", nullable=False, min=0,
               description="The actor's size (s_i), on the study's own scale."),
    )


SOURCE = Source(
    id="landscape_furnas",
    title="Landscape theory inputs for the Syrian conflict",
    producer="Robert Axelrod and Alexander Furnas",
    version="2016-02-20",
    homepage="https://github.com/alexanderfurnas/Landscape_Theory",
    citation=(
        "Axelrod, Robert, and Alexander Furnas. 2016. Landscape theory applied to the Syrian "
        "conflict (inputs of 20 February 2016; GitHub repository "
        "alexanderfurnas/Landscape_Theory). "
        "Theory: Axelrod, Robert, and D. Scott Bennett. 1993. \"A Landscape Theory of "
        "Aggregation.\" British Journal of Political Science 23(2): 211-233."
    ),
    bibtex="""@misc{axelrodfurnas2016syria,
  author = {Axelrod, Robert and Furnas, Alexander},
  title = {Landscape Theory Applied to the Syrian Conflict},
  year = {2016},
  howpublished = {\\url{https://github.com/alexanderfurnas/Landscape_Theory}}
}
@article{axelrodbennett1993lta,
  author = {Axelrod, Robert and Bennett, D. Scott},
  title = {A Landscape Theory of Aggregation},
  journal = {British Journal of Political Science},
  volume = {23}, number = {2}, pages = {211--233}, year = {1993}
}""",
    license="custom",
    terms="No licence stated in the repository; used for research reproduction with citation.",
    files=(
        SourceFile("actors", "landscape_furnas_syria_2016/Actor_data.csv", _url("Actor_data.csv"),
                   "8c38af0ee2f3b6b787d9fcc4d199e2ab43aff7d1d8967a63216322bcd24098e9", "csv",
                   newline="cr"),
        SourceFile("actors_weaksyria", "landscape_furnas_syria_2016/Actor_data_weaksyria.csv",
                   _url("Actor_data_weaksyria.csv"),
                   "2e138e202870603f34079486de63c02c85a0d6be401a76cde0b04f236f709a72", "csv",
                   newline="cr"),
        SourceFile("propensities", _MATRIX_PATH, _url("Pairwise_propensity_Feb_20.csv"),
                   "f61ef7d8486e07875999d7a62a18c6b2fd7201b5bdfabeb3a426d8023c13fbf0", "csv",
                   newline="cr"),
    ),
    tables=(
        Table("furnas_actors", "actors", _actor_columns(), key=("id",), coverage=(),
              description="The 11 actors and their sizes (standard variant)."),
        Table("furnas_actors_weaksyria", "actors_weaksyria", _actor_columns(), key=("id",),
              coverage=(), description="The same actors with Syria's strength set to 10."),
        Table(
            "furnas_propensities", "propensities",
            (
                Column("label1", "VARCHAR", nullable=False, values=tuple(LABELS)),
                Column("label2", "VARCHAR", nullable=False, values=tuple(LABELS)),
                Column("actor1", "VARCHAR", nullable=False, values=ACTORS),
                Column("actor2", "VARCHAR", nullable=False, values=ACTORS),
                Column("raw", "INTEGER", nullable=False, min=1, max=5,
                       description="Affinity of actor1 for actor2 on the 1-5 scale; 3 is "
                                   "neutral; the study's propensity is raw - 3."),
            ),
            key=("actor1", "actor2"),
            coverage=(),
            description="The pairwise matrix, one row per ordered pair of different actors.",
        ),
    ),
    unit="actor",
    system="names",
    coverage=None,
    missing_values="The matrix diagonal is blank (an actor has no propensity with itself).",
    notes=(
        "Files use old Mac line endings (carriage return only). The matrix header abbreviates "
        "the actor names of Actor_data.csv (Rus, Syr, S.A., IqKrd, Iraq); the reviewed map "
        "LABELS turns each label into its actor, and the matrix rows must list the labels in "
        "the header's order. Iraq in the matrix is the Baghdad government. The matrix is "
        "symmetric. The study rescales raw affinities to propensities p = raw - 3 in "
        "{-2, ..., 2}. Actor_data_weaksyria.csv is the study's variant with Syria's strength "
        "set to 10 (50 in the standard variant)."
    ),
    prepare=_melt,
)
