"""CAMEO event codes with their Goldstein weights and quad classes.

The table is the CAMEO codebook's code list as the R package {icews} ships it
(``data-raw/cameo-codes.csv``): 312 codes (20 roots, 147 three-digit and 145 four-digit
codes) with names, descriptions and the Goldstein (1992) conflict-cooperation weight of each
code. ICEWS's own ``Intensity`` column equals this weight on every event of the ICEWS
samples (pinned by a test); GDELT's ``CAMEO.goldsteinscale.txt`` (as copied by
gdeltPyR) disagrees on codes 124, 163, 164 and 166 and lacks 32 four-digit codes, so it is
not used.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources._origins import ICEWS_R, at

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
"""GDELT's quad classes (Leetaru and Schrodt 2013, GDELT 1.0 codebook, ``QuadClass``)."""


def quad_of_root(root: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Quad class of each two-digit CAMEO root code, as GDELT assigns it.

    Roots 01-05 are verbal cooperation (1), 06-09 material cooperation (2), 10-14 verbal
    conflict (3) and 15-20 material conflict (4). This is the rule the GDELT samples follow:
    ingest checks QuadClass against it, and all 189,461 of their events pass. Other
    conventions exist: the {icews} package and Duval and Thompson (1980) put 09 (investigate)
    with verbal conflict and 14 (protest) with material conflict; detente uses GDELT's.
    """
    number = pc.cast(root, pa.int32())
    quad = pc.if_else(pc.less_equal(number, 5), 1,
                      pc.if_else(pc.less_equal(number, 9), 2,
                                 pc.if_else(pc.less_equal(number, 14), 3, 4)))
    return pc.cast(quad, pa.string())


def _prepare(raw: Mapping[str, pa.Table]) -> Mapping[str, pa.Table]:
    codes = raw["codes"]
    return {"codes": codes.append_column("quad_class", quad_of_root(codes["root_code"]))}


SOURCE = Source(
    id="cameo",
    title="CAMEO event codes with Goldstein weights",
    producer="Philip A. Schrodt (CAMEO); Joshua S. Goldstein (scale); table from Andreas Beger's {icews}",
    version="1.1b3",
    homepage="https://parusanalytics.com/eventdata/data.dir/cameo.html",
    citation=(
        "Schrodt, Philip A. 2012. \"CAMEO: Conflict and Mediation Event Observations Event and "
        "Actor Codebook\", version 1.1b3. Pennsylvania State University. Goldstein weights: "
        "Goldstein, Joshua S. 1992. \"A Conflict-Cooperation Scale for WEIS Events Data.\" "
        "Journal of Conflict Resolution 36(2): 369-385."
    ),
    bibtex="""@techreport{schrodt2012cameo,
  author = {Schrodt, Philip A.},
  title = {{CAMEO}: Conflict and Mediation Event Observations Event and Actor Codebook},
  institution = {Pennsylvania State University}, note = {Version 1.1b3}, year = {2012}
}
@article{goldstein1992scale,
  author = {Goldstein, Joshua S.},
  title = {A Conflict-Cooperation Scale for {WEIS} Events Data},
  journal = {Journal of Conflict Resolution},
  volume = {36}, number = {2}, pages = {369--385}, year = {1992}
}""",
    license="MIT",
    terms="The {icews} package is MIT licensed; the CAMEO codebook is public documentation.",
    files=(
        SourceFile("codes", "icews/cameo-codes.csv", at(ICEWS_R, "data-raw/cameo-codes.csv"),
                   "6bb520c64069b7d42d7099eba1dc07528533db5e2321f2f8cb6e9ebd24ad56c0", "csv",
                   encoding="cp1252"),
    ),
    tables=(
        Table(
            "cameo_codes", "codes",
            (
                Column("code", "VARCHAR", nullable=False,
                       description="CAMEO event code as text: '010' is not '10'."),
                Column("name", "VARCHAR", nullable=False),
                Column("root_code", "VARCHAR", nullable=False,
                       description="The two-digit root ('01'-'20')."),
                Column("goldstein", "DOUBLE", nullable=False, min=-10, max=10,
                       description="Goldstein (1992) weight, -10 (most conflictual) to +10."),
                Column("quad_class", "INTEGER", nullable=False, values=(1, 2, 3, 4),
                       description="1 verbal cooperation, 2 material cooperation, 3 verbal "
                                   "conflict, 4 material conflict (GDELT's rule on the root)."),
                Column("description", "VARCHAR"),
                Column("order", "INTEGER", nullable=False, description="Codebook order."),
            ),
            key=("code",),
            coverage=(),
            description="One row per CAMEO event code.",
        ),
    ),
    unit="code_table",
    system="cameo",
    coverage=None,
    missing_values="NA (description, usage notes) where the codebook has no text.",
    notes=(
        "The file is cp1252-encoded (curly quotes in examples). Codes are text with leading "
        "zeros. quad_class is not in the file: it is derived from root_code by GDELT's rule "
        "(01-05, 06-09, 10-14, 15-20), which the real GDELT samples follow; see "
        "detente.sources.cameo.quad_of_root. The py-gdelt JSON tables in the mirror carry "
        "different Goldstein values and put roots 09 and 14 in other quads; they are not used."
    ),
    redistributable=True,
    prepare=_prepare,
)
