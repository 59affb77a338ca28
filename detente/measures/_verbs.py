"""Panel verbs for measures: add a measure's columns to a state-year or dyad-year panel."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pyarrow.compute as pc

from detente.measures._similarity import SIMILARITY_COLUMNS, AllianceData, alliance_similarity
from detente.panels._align import gather, match, pack, to_numpy
from detente.panels._panel import Panel


def add_similarity(panel: Panel, source: AllianceData = "atop",
                   columns: Sequence[str] = SIMILARITY_COLUMNS) -> Panel:
    """Add alliance-portfolio similarity to a dyad-year panel.

    Columns ``{source}_s_abs``, ``{source}_s_sq`` (Signorino-Ritter S, unweighted, absolute
    or squared distance), ``{source}_s_abs_w``, ``{source}_s_sq_w`` (weighted by CINC),
    ``{source}_kappa``, ``{source}_kappa_abs``, ``{source}_kappa_sq`` (Cohen's kappa,
    nominal and weighted, as Haege 2011 recommends) and ``{source}_taub`` (Kendall's tau-b).
    Portfolios are valued 3 defence, 2 neutrality/non-aggression, 1 entente/consultation,
    0 none, self 3; ``source`` is ``"atop"`` (ATOP 5.1, 1815-2018) or ``"cow"`` (COW 4.1,
    1816-2012). The portfolio dimensions are the panel's own states in each year (so a
    panel extended past 2016 reaches ATOP's 2017-2018). Every measure is symmetric, so (A, B) and (B, A) carry the same values; null
    outside the alliance data's coverage. See :mod:`detente.measures._similarity` for the
    formulas and references.

    Example: in 1985 the United Kingdom and the Soviet Union have unweighted S = 0.77 but
    kappa = 0.38, while the United States and the United Kingdom have S = 0.49 and kappa =
    0.48: S rewards two sparse portfolios for agreeing on the many states neither is allied
    with; kappa corrects for that chance agreement.
    """
    panel.require_unit("add_similarity", "dyad_year")
    states = pa.table({"year": pa.array(panel.year), "ccode": pa.array(panel.cow_codes()[0])})
    table = alliance_similarity(panel.store, years=panel.years, source=source,
                                members=states.filter(pc.greater_equal(states["ccode"], 0)),
                                columns=columns)
    keys = pack(to_numpy(table["year"]), to_numpy(table["ccode1"]), to_numpy(table["ccode2"]))
    found = gather(table, match(panel.pair_keys(), keys), list(columns),
                   [f"{source}_{c}" for c in columns])
    read = ("atop_dyad_years" if source == "atop" else "cow_alliance_dyad_years", "cow_nmc")
    return panel.with_columns(found, *read)
