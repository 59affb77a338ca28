"""Hard power: the Composite Index of National Capability and its components' shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from detente.store._store import Store

NMC_COMPONENTS = ("milex", "milper", "irst", "pec", "tpop", "upop")


def cinc(
    store: Store,
    *,
    years: tuple[int, int] | None = None,
    states: Sequence[int] | None = None,
) -> pa.Table:
    """Recompute CINC from the six NMC components, in DuckDB.

    Method (Singer, Bremer and Stuckey 1972): for each year and component, a state's share
    is its value over the sum across the states that report that component; CINC is the
    mean of the shares the state has (missing components are skipped, not zeroed). Over all
    COW members this reproduces NMC v7.0's published ``cinc`` (within 1e-6; pinned by a test).

    With ``states`` the shares are renormalised within that set, which answers "how is
    capability distributed among these states" (e.g. a region or a coalition).

    Returns
    -------
    pyarrow.Table
        ``ccode, year, cinc`` and each share as ``{component}_share``.
    """
    store.require("cow_nmc")
    where = []
    if years is not None:
        where.append(f"year BETWEEN {int(years[0])} AND {int(years[1])}")
    if states is not None:
        codes = ", ".join(str(int(c)) for c in states) or "NULL"
        where.append(f"ccode IN ({codes})")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    shares = ", ".join(
        f"{c} / sum({c}) OVER (PARTITION BY year) AS {c}_share" for c in NMC_COMPONENTS
    )
    mean = " + ".join(f"coalesce({c}_share, 0)" for c in NMC_COMPONENTS)
    count = " + ".join(f"({c}_share IS NOT NULL)::INTEGER" for c in NMC_COMPONENTS)
    cols = ", ".join(f"{c}_share" for c in NMC_COMPONENTS)
    sql = (
        f"WITH s AS (SELECT ccode, year, {shares} FROM cow_nmc {clause}) "
        f"SELECT ccode, year, ({mean}) / nullif({count}, 0) AS cinc, {cols} "
        f"FROM s ORDER BY year, ccode"
    )
    return store.arrow(sql)
