"""Verbs over the spine's sources: capabilities, alliances, disputes, major powers.

Every verb takes a panel and returns a new one with more columns. Outside the years a source
covers (read from the store, as loaded) its columns are null, never 0: a 2017 dyad has no
ATOP value, not "no alliance". Dyad-year verbs suffix state attributes with 1 and 2.
Source-side work (aggregating to state-years, expanding spells) runs in DuckDB; attaching the
result to the panel is a key alignment (:mod:`detente.panels._align`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc

from detente.panels._align import absent_is_zero, gather, match, outside_is_null, pack, to_numpy
from detente.panels._panel import Panel

NMC_COLUMNS = ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
ATOP_TYPES = ("defense", "offense", "neutral", "nonagg", "consul")
COW_ALLIANCE_TYPES = ("defense", "neutral", "nonagg", "entente")


def _state_source(panel: Panel, sql: str) -> tuple[pa.Table, object]:
    source = panel.store.arrow(sql)
    return source, pack(to_numpy(source["year"]), to_numpy(source["ccode"]))


def _dyad_source(panel: Panel, sql: str) -> tuple[pa.Table, object]:
    source = panel.store.arrow(sql)
    return source, pack(to_numpy(source["year"]), to_numpy(source["ccode1"]),
                        to_numpy(source["ccode2"]))


def attach_state_values(panel: Panel, source: pa.Table, columns: Sequence[str]
                        ) -> dict[str, pa.Array]:
    """State-level ``columns`` of ``source`` (``ccode, year, ...``) aligned to the panel.

    On dyad-years each column comes twice, suffixed ``1`` and ``2``.
    """
    keys = pack(to_numpy(source["year"]), to_numpy(source["ccode"]))
    if panel.unit == "state_year":
        return gather(source, match(panel.state_keys(0), keys), columns)
    out: dict[str, pa.Array] = {}
    for which, suffix in ((0, "1"), (1, "2")):
        index = match(panel.state_keys(which), keys)
        out.update(gather(source, index, columns, [f"{c}{suffix}" for c in columns]))
    return out


# -- capabilities -----------------------------------------------------------------------------
def add_capabilities(panel: Panel) -> Panel:
    """Add COW National Material Capabilities (v7.0, 1816-2022) and CINC.

    Columns: ``milex`` (thousands; GBP to 1913, current USD from 1914), ``milper``
    (thousands), ``irst`` (thousand tons), ``pec`` (thousand coal-ton equivalents), ``tpop``,
    ``upop`` (thousands) and ``cinc``; on dyad-years each is suffixed ``1`` and ``2``
    (``cinc1``, ``cinc2``). A state-year NMC does not report is null.

    References: Singer, Bremer and Stuckey (1972); Singer (1987). Cite with
    ``detente data cite cow_nmc``.
    """
    panel.store.require("cow_nmc")
    source = panel.store.arrow(f"SELECT ccode, year, {', '.join(NMC_COLUMNS)} FROM cow_nmc")
    return panel.with_columns(attach_state_values(panel, source, NMC_COLUMNS), "cow_nmc")


# -- alliances ----------------------------------------------------------------------------------
AllianceSource = Literal["atop", "cow"]


def add_alliances(panel: Panel, source: AllianceSource | Sequence[AllianceSource] = "atop"
                  ) -> Panel:
    """Add alliance obligations from ATOP v5.1 (default) and/or COW Formal Alliances v4.1.

    Dyad-years get 0/1 flags named as their producers name them: ``atop_defense``,
    ``atop_offense``, ``atop_neutral``, ``atop_nonagg``, ``atop_consul``, or ``cow_defense``,
    ``cow_neutral``, ``cow_nonagg``, ``cow_entente``; and ``atop_anypledge`` /
    ``cow_anypledge``, 1 when the two states share any alliance that year. State-years get the
    number of partners holding each obligation with the state (``atop_defense_n``, ...).

    **ATOP obligations are directed.** On a directed dyad-year, ``atop_defense`` is 1 when
    ``ccode1`` is pledged to defend ``ccode2``. The 1951/1960 US-Japan treaty obliges the
    United States to defend Japan but not the reverse: (2, 740, 1960) has
    ``atop_defense == 1`` and (740, 2, 1960) has 0, while both have ``atop_anypledge == 1``.
    On non-directed dyads a flag is 1 if either state holds the obligation toward the other.
    ``atop_anypledge`` and every COW type are symmetric.

    Coverage: ATOP 1815-2018, COW 1816-2012 (as loaded); outside it every column is null.

    Example: the United States (2) and the United Kingdom (200) pledge mutual defence from
    1949 (NATO): ``atop_defense == 1`` for (2, 200, 1950) and (200, 2, 1950).

    References: Leeds et al. (2002) for ATOP; Gibler (2009) for COW alliances.
    """
    sources = (source,) if isinstance(source, str) else tuple(source)
    for name in sources:
        if name not in ("atop", "cow"):
            raise ValueError(f"alliance source must be 'atop' or 'cow', not {name!r}")
    for name in sources:
        panel = _add_alliance_source(panel, name)
    return panel


def _add_alliance_source(panel: Panel, source: AllianceSource) -> Panel:
    table = "atop_dyad_years" if source == "atop" else "cow_alliance_dyad_years"
    types = ATOP_TYPES if source == "atop" else COW_ALLIANCE_TYPES
    cols = [f"{source}_{t}" for t in types]
    panel.store.require(table)
    inside = panel.within(table)
    if panel.unit == "state_year":
        sums = ", ".join(f"sum({c})::INTEGER AS {c}_n" for c in cols)
        counts, _ = _state_source(panel, f"SELECT ccode1 AS ccode, year, {sums}, "
                                         f"count(*)::INTEGER AS {source}_anypledge_n "
                                         f"FROM {table} GROUP BY ALL")
        names = [f"{c}_n" for c in (*cols, f"{source}_anypledge")]
        found = gather(counts, match(panel.state_keys(0), pack(
            to_numpy(counts["year"]), to_numpy(counts["ccode"]))), names)
        return panel.with_columns({n: absent_is_zero(v, inside) for n, v in found.items()}, table)
    data, keys = _dyad_source(panel, f"SELECT ccode1, ccode2, year, {', '.join(cols)} FROM {table}")
    index = match(panel.dyad_keys(), keys)
    values = gather(data, index, cols)
    shared = pc.is_valid(index)
    if not panel.directed:  # either direction holds the obligation
        back = match(panel.dyad_keys(reverse=True), keys)
        reverse = gather(data, back, cols)
        values = {c: pc.max_element_wise(values[c], reverse[c]) for c in cols}
        shared = pc.or_(shared, pc.is_valid(back))
    out = {c: absent_is_zero(v, inside) for c, v in values.items()}
    out[f"{source}_anypledge"] = outside_is_null(pc.cast(shared, pa.int32()), inside)
    return panel.with_columns(out, table)


# -- disputes ------------------------------------------------------------------------------------
DisputeSource = Literal["gml", "cow"]
_SIDE_VARIABLES = ("hostlev", "hiact", "sidea", "orig")


def add_disputes(panel: Panel, source: DisputeSource = "gml") -> Panel:
    """Add militarized interstate disputes: GML MID v2.2.1 (default, 1816-2010) or MID v5.0.

    Dyad-years get ``{src}_midonset`` and ``{src}_midongoing`` (0/1), ``{src}_hostlev`` (the
    dispute's highest hostility level, 1-5; 0 when the dyad had no dispute that year),
    ``{src}_dispnum`` (null without a dispute), and per side ``{src}_hostlev1/2``,
    ``{src}_hiact1/2`` (highest action), ``{src}_sidea1/2`` and ``{src}_orig1/2``, where
    ``src`` is ``gml`` or ``cow``. State-years get ``{src}_midonset`` and
    ``{src}_midongoing`` (the state had any), ``{src}_hostlev`` (its highest own hostility
    level, 0 if none) and ``{src}_mid_partners`` (how many states it was in a dispute with).

    The dyadic files keep one dispute per dyad-year (peacesciencer's whittling), so a dyad
    in two disputes in one year shows one of them. Onset, ongoing, hostility and dispute
    number are symmetric across (A, B) and (B, A); the side variables swap. Outside coverage
    all columns are null.

    References: Gibler, Miller and Little (2016); Palmer et al. (2022).
    """
    if source not in ("gml", "cow"):
        raise ValueError(f"dispute source must be 'gml' or 'cow', not {source!r}")
    table = f"{source}_mid_dyad_years"
    panel.store.require(table)
    inside = panel.within(table)
    s = source
    if panel.unit == "state_year":
        agg, keys = _state_source(panel, (
            f"SELECT ccode1 AS ccode, year, max({s}midonset) AS onset, "
            f"max({s}midongoing) AS ongoing, max(hostlev1) AS hostlev, "
            f"count(DISTINCT ccode2)::INTEGER AS partners FROM {table} GROUP BY ALL"))
        found = gather(agg, match(panel.state_keys(0), keys),
                       ["onset", "ongoing", "hostlev", "partners"],
                       [f"{s}_midonset", f"{s}_midongoing", f"{s}_hostlev", f"{s}_mid_partners"])
        return panel.with_columns({n: absent_is_zero(v, inside) for n, v in found.items()}, table)
    sides = [f"{v}{i}" for v in _SIDE_VARIABLES for i in ("1", "2")]
    data, keys = _dyad_source(panel, (
        f"SELECT ccode1, ccode2, year, {s}midonset AS onset, {s}midongoing AS ongoing, "
        f"hostlev, dispnum, {', '.join(sides)} FROM {table}"))
    found = gather(data, match(panel.dyad_keys(), keys), ["onset", "ongoing", "hostlev", "dispnum",
                                                         *sides])
    out = {
        f"{s}_midonset": absent_is_zero(found["onset"], inside),
        f"{s}_midongoing": absent_is_zero(found["ongoing"], inside),
        f"{s}_hostlev": absent_is_zero(found["hostlev"], inside),
        f"{s}_dispnum": found["dispnum"],
        **{f"{s}_{c}": found[c] for c in sides},
    }
    return panel.with_columns(out, table)


# -- major powers ----------------------------------------------------------------------------------
def add_major_powers(panel: Panel) -> Panel:
    """Add COW major-power status (v2016): ``cowmaj`` on state-years, ``cowmaj1/2`` on dyads.

    A state is a major power in a year if any of its major-power spells touches that year
    (so the United States counts from 1898, Japan 1895-1945 and again from 1991). Null
    outside 1816-2016.
    """
    panel.store.require("cow_major_spells")
    inside = panel.within("cow_major_spells")
    majors = panel.store.arrow(
        "SELECT DISTINCT ccode, unnest(range(styear, endyear + 1))::INTEGER AS year, "
        "1 AS cowmaj FROM cow_major_spells")
    found = attach_state_values(panel, majors, ["cowmaj"])
    return panel.with_columns({n: absent_is_zero(v, inside) for n, v in found.items()},
                              "cow_major_spells")
