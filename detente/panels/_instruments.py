"""Verbs over the instruments of military diplomacy: arms, peacekeeping, exercises, basing,
UN voting, IGO ties, trade, and any instrument in the engagements table.

Same rules as the spine's verbs: aggregate in DuckDB, align by packed keys, and inside a
source's coverage (read from the store) an absent count or flow is 0 while outside it is
null, never 0. Dyadic columns on a directed panel read ``ccode1 -> ccode2``; on a
non-directed panel flows are summed over both directions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from detente.panels._align import absent_is_zero, gather, match, outside_is_null, pack, to_numpy
from detente.panels._panel import Panel
from detente.panels._spine import attach_state_values


def _inside(panel: Panel, tables: Sequence[str]) -> np.ndarray:
    """Rows whose year lies in the union of the tables' coverage."""
    out = np.zeros(len(panel), dtype=bool)
    for t in tables:
        out |= panel.within(t)
    return out


def attach_dyad_values(panel: Panel, sql: str, columns: Sequence[str], *, fill_zero: bool,
                       inside: np.ndarray) -> dict[str, pa.Array]:
    """Align ``sql`` (ccode1, ccode2, year, columns; directed flows) to a dyad-year panel.

    A non-directed panel gets the sum of both directions (or, for ``fill_zero=False``
    values such as agreement, the value stored for either orientation).
    """
    data = panel.store.arrow(f"SELECT ccode1, ccode2, year, {', '.join(columns)} FROM ({sql}) "
                             "WHERE ccode1 IS NOT NULL AND ccode2 IS NOT NULL")
    keys = pack(to_numpy(data["year"]), to_numpy(data["ccode1"]), to_numpy(data["ccode2"]))
    forward = gather(data, match(panel.dyad_keys(), keys), columns)
    if not panel.directed:
        back = gather(data, match(panel.dyad_keys(reverse=True), keys), columns)
        if fill_zero:
            forward = {c: pc.add(pc.fill_null(forward[c], 0), pc.fill_null(back[c], 0))
                       for c in columns}
        else:
            forward = {c: pc.coalesce(forward[c], back[c]) for c in columns}
    rule = absent_is_zero if fill_zero else outside_is_null
    return {c: rule(v, inside) for c, v in forward.items()}


def _state(panel: Panel, sql: str, columns: Sequence[str], inside: np.ndarray,
           fill_zero: bool = True) -> dict[str, pa.Array]:
    found = attach_state_values(panel, panel.store.arrow(sql), columns)
    rule = absent_is_zero if fill_zero else outside_is_null
    return {c: rule(v, inside) for c, v in found.items()}


def _engagement_sql(instrument: str, where: str = "") -> str:
    """Directed state-to-state flows of one instrument (mutual ties in both orientations)."""
    extra = f" AND {where}" if where else ""
    base = (f"SELECT ccode1, ccode2, year, magnitude, directed FROM all_engagements "
            f"WHERE instrument = '{instrument}' AND ccode1 IS NOT NULL AND ccode2 IS NOT NULL "
            f"AND year IS NOT NULL{extra}")
    return (f"SELECT ccode1, ccode2, year, sum(magnitude) AS magnitude, count(*) AS n FROM ("
            f"SELECT ccode1, ccode2, year, magnitude FROM ({base}) UNION ALL "
            f"SELECT ccode2, ccode1, year, magnitude FROM ({base}) WHERE NOT directed) "
            f"GROUP BY ALL")


# -- arms transfers ---------------------------------------------------------------------------
def add_arms_transfers(panel: Panel) -> Panel:
    """Add SIPRI arms transfers (TIV millions, 1950-2021 as loaded).

    Dyad-years: ``arms_tiv`` is what ``ccode1`` delivered to ``ccode2`` that year (on a
    non-directed panel, deliveries either way) and ``arms_deliveries`` 1 when there was any.
    State-years: ``arms_exports_tiv`` and ``arms_imports_tiv``, state recipients only.
    Deliveries to or from non-state actors and organisations (UNITA, NATO) stay in the
    engagements table but have no COW code, so they are in neither column.

    Example: the United States (2) to Saudi Arabia (670) in 2015 is positive, while (670, 2,
    2015) is 0: the flow is directed. 2022 rows are null (outside coverage), not 0.

    TIV is SIPRI's volume index (constant 1990 prices), not the value of a sale; a
    delivery below 0.5 million shows as 0 TIV but counts in ``arms_deliveries``.
    Reference: SIPRI Arms Transfers Database (cite with ``detente data cite sipri_tiv``).
    """
    panel.store.require("sipri_tiv")
    inside = panel.within("sipri_tiv")
    flows = _engagement_sql("arms_transfer", "source_id = 'sipri_tiv'")
    if panel.unit == "state_year":
        sql = (f"SELECT coalesce(x.ccode, m.ccode) AS ccode, coalesce(x.year, m.year) AS year, "
               f"coalesce(x.v, 0) AS arms_exports_tiv, coalesce(m.v, 0) AS arms_imports_tiv "
               f"FROM (SELECT ccode1 AS ccode, year, sum(magnitude) AS v FROM ({flows}) GROUP BY ALL) x "
               f"FULL JOIN (SELECT ccode2 AS ccode, year, sum(magnitude) AS v FROM ({flows}) "
               f"GROUP BY ALL) m ON x.ccode = m.ccode AND x.year = m.year")
        cols = ["arms_exports_tiv", "arms_imports_tiv"]
        return panel.with_columns(_state(panel, sql, cols, inside), "sipri_tiv")
    out = attach_dyad_values(panel, f"SELECT ccode1, ccode2, year, magnitude AS arms_tiv, "
                             f"(n > 0)::INTEGER AS arms_deliveries FROM ({flows})",
                             ["arms_tiv", "arms_deliveries"], fill_zero=True, inside=inside)
    out["arms_deliveries"] = pc.cast(pc.min_element_wise(out["arms_deliveries"], 1), pa.int32())
    return panel.with_columns(out, "sipri_tiv")


# -- peacekeeping ------------------------------------------------------------------------------
def add_peacekeeping(panel: Panel) -> Panel:
    """Add UN peacekeeping contributions (yearly means of monthly reports, 2010-2021).

    State-years: ``pko_personnel`` (uniformed personnel across missions) and
    ``pko_missions`` (missions with any). Dyad-years: ``pko_to_host``, the personnel
    ``ccode1`` deployed in missions hosted by ``ccode2`` (a mission with several hosts,
    such as UNMOGIP, is split equally among them), and ``pko_codeployed``, the number of
    missions to which both states sent personnel that year (symmetric). Regional offices
    with no single host (UNOWAS, UNTSO) count for co-deployment only.

    Example: India (750) to the DR Congo (490) in 2012 (MONUSCO) is several thousand.
    2010 is partial in the source (the series starts late in 2010).
    """
    store = panel.store
    store.require("un_pko_contributions")
    inside = panel.within("un_pko_contributions")
    contrib = ("SELECT e.ccode1 AS ccode, e.actor2, e.year, e.magnitude FROM all_engagements e "
               "WHERE instrument = 'peacekeeping' AND ccode1 IS NOT NULL")
    if panel.unit == "state_year":
        sql = (f"SELECT ccode, year, sum(magnitude) AS pko_personnel, "
               f"count(DISTINCT actor2) AS pko_missions FROM ({contrib}) GROUP BY ALL")
        cols = ["pko_personnel", "pko_missions"]
        return panel.with_columns(_state(panel, sql, cols, inside), "un_pko_contributions")
    hosts = ("SELECT actor_id, TRY_CAST(host AS INTEGER) AS host, "
             "count(*) OVER (PARTITION BY actor_id) AS nhosts FROM mission_hosts")
    to_host = (f"SELECT c.ccode AS ccode1, h.host AS ccode2, c.year, "
               f"sum(c.magnitude / h.nhosts) AS pko_to_host FROM ({contrib}) c "
               f"JOIN ({hosts}) h ON h.actor_id = c.actor2 WHERE h.host IS NOT NULL GROUP BY ALL")
    together = (f"SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year, "
                f"count(DISTINCT a.actor2) AS pko_codeployed FROM ({contrib}) a "
                f"JOIN ({contrib}) b ON a.actor2 = b.actor2 AND a.year = b.year "
                f"AND a.ccode <> b.ccode GROUP BY ALL")
    out = attach_dyad_values(panel, to_host, ["pko_to_host"], fill_zero=True, inside=inside)
    mutual = attach_dyad_values(panel, together, ["pko_codeployed"], fill_zero=True,
                                inside=inside)
    if not panel.directed:  # counted once per pair, not twice
        mutual = {k: pc.divide(v, 2) for k, v in mutual.items()}
    out.update(mutual)
    return panel.with_columns(out, "un_pko_contributions")


# -- exercises -------------------------------------------------------------------------------------
def add_exercises(panel: Panel, source: str = "mme") -> Panel:
    """Add joint military exercises from MME v7 (default, 1980-2010) or JME v3 (1974-2010).

    Dyad-years: ``{source}_exercises``, the number of exercises both states took part in
    (symmetric). State-years: ``{source}_exercises``, exercises the state took part in with
    at least one other identified participant. An exercise is dated by its start year.
    The two datasets overlap, so do not add them together.

    Example: the United States (2) and South Korea (732) exercised together every year of
    MME's coverage. References: Kuo and Blankenship (2022); D'Orazio (2013).
    """
    if source not in ("mme", "jme"):
        raise ValueError(f"exercise source must be 'mme' or 'jme', not {source!r}")
    table = f"{source}_exercises"
    panel.store.require(table)
    inside = panel.within(table)
    col = f"{source}_exercises"
    if panel.unit == "state_year":
        sql = (f"SELECT ccode, year, count(DISTINCT event_id) AS {col} FROM (SELECT ccode1 AS "
               f"ccode, year, event_id FROM all_engagements WHERE instrument = 'exercise' AND "
               f"source_id = '{source}' UNION ALL SELECT ccode2, year, event_id FROM "
               f"all_engagements WHERE instrument = 'exercise' AND source_id = '{source}') "
               f"WHERE ccode IS NOT NULL GROUP BY ALL")
        return panel.with_columns(_state(panel, sql, [col], inside), table)
    flows = _engagement_sql("exercise", f"source_id = '{source}'")
    out = attach_dyad_values(panel, f"SELECT ccode1, ccode2, year, n AS {col} FROM ({flows})",
                             [col], fill_zero=True, inside=inside)
    if not panel.directed:
        out = {k: pc.divide(v, 2) for k, v in out.items()}
    return panel.with_columns({k: pc.cast(v, pa.int64()) for k, v in out.items()}, table)


# -- basing -------------------------------------------------------------------------------------------
def add_basing(panel: Panel) -> Panel:
    """Add US military presence: troops (1950-2024) and construction spending (2008-2019).

    State-years: ``us_troops`` (US active-duty personnel hosted) and ``us_construction``
    (US military construction spending in the state, thousand US$). Dyad-years: the same
    two on rows where ``ccode1`` is the United States (2), 0 for other senders inside
    coverage because no other state's deployments are in the data. The base list (a
    snapshot with no year) is in the engagements table, not here.

    Example: (2, 740, 1960) has tens of thousands of troops (Japan); so does Germany, which
    troopdata codes 255 throughout and detente maps to COW 260 for 1955-1990.
    Reference: Allen, Flynn and Martinez Machain (2022).
    """
    store = panel.store
    store.require("us_troops")
    parts = (("deployment", "us_troops", "us_troops"),
             ("basing", "us_construction", "us_construction"))
    out: dict[str, pa.Array] = {}
    for instrument, table, col in parts:
        inside = panel.within(table)
        flows = _engagement_sql(instrument, f"source_table = '{table}'")
        if panel.unit == "state_year":
            sql = (f"SELECT ccode2 AS ccode, year, sum(magnitude) AS {col} FROM ({flows}) "
                   f"WHERE ccode1 = 2 GROUP BY ALL")
            out.update(_state(panel, sql, [col], inside))
        else:
            out.update(attach_dyad_values(
                panel, f"SELECT ccode1, ccode2, year, magnitude AS {col} FROM ({flows})",
                [col], fill_zero=True, inside=inside))
    return panel.with_columns(out, "us_troops", "us_construction")


# -- UN voting ----------------------------------------------------------------------------------------
def add_un_voting(panel: Panel) -> Panel:
    """Add UN General Assembly voting similarity and ideal points.

    Dyad-years: ``un_agree`` (share of identical votes over the roll calls both cast a vote
    in, abstention a third category), ``un_agree_lijphart`` (yes/abstain splits count half),
    ``un_votes_both`` (those roll calls), all symmetric and null when the two never voted on
    the same roll call; ``idealpoint_distance`` = ``abs(idealpoint1 - idealpoint2)`` with the
    full-period estimates of Bailey, Strezhnev and Voeten (2017). State-years:
    ``idealpoint`` and ``un_votes_cast``.

    Absences are not recorded in the data, so they neither agree nor disagree; see
    :mod:`detente.engagements._voting` for the matrix method. Example: the United States and
    the United Kingdom agree far more than the United States and Russia in any year.
    """
    store = panel.store
    store.require("un_agreement")
    vote_in = panel.within("un_roll_calls")
    ip_in = panel.within("unga_idealpoints")
    ideal = "SELECT ccode, year, idealpointfp AS idealpoint FROM unga_idealpoints"
    if panel.unit == "state_year":
        out = _state(panel, ideal, ["idealpoint"], ip_in, fill_zero=False)
        votes = (f"SELECT TRY_CAST(ccode AS INTEGER) AS ccode, year, count(*) AS un_votes_cast "
                 f"FROM ({_votes_sql()}) GROUP BY ALL")
        out.update(_state(panel, votes, ["un_votes_cast"], vote_in))
        return panel.with_columns(out, "un_roll_calls", "un_votes", "unga_idealpoints")
    cols = ["un_agree", "un_agree_lijphart", "un_votes_both"]
    both = ("SELECT ccode1, ccode2, year, un_agree, un_agree_lijphart, un_votes_both FROM "
            "un_agreement UNION ALL SELECT ccode2, ccode1, year, un_agree, un_agree_lijphart, "
            "un_votes_both FROM un_agreement")
    out = attach_dyad_values(panel, both, cols, fill_zero=False, inside=vote_in)
    points = attach_state_values(panel, store.arrow(ideal), ["idealpoint"])
    dist = pc.abs(pc.subtract(points["idealpoint1"], points["idealpoint2"]))
    out["idealpoint_distance"] = outside_is_null(dist, ip_in)
    return panel.with_columns(out, "un_roll_calls", "un_votes", "unga_idealpoints")


def _votes_sql() -> str:
    from detente.engagements._voting import VOTES_SQL

    return VOTES_SQL


# -- IGO ties and trade ---------------------------------------------------------------------------------
def add_igo_ties(panel: Panel) -> Panel:
    """Add COW IGO v3 ties (1816-2014): ``igo_shared`` on dyad-years (IGOs in which both are
    full members; symmetric), ``igo_full``, ``igo_associate``, ``igo_observer`` and
    ``igo_any`` on state-years. Reference: Pevehouse et al. (2020)."""
    store = panel.store
    store.require("cow_igo_dyad_years")
    if panel.unit == "state_year":
        inside = panel.within("cow_igo_state_years")
        sql = ("SELECT ccode, year, sum_igo_full AS igo_full, sum_igo_associate AS "
               "igo_associate, sum_igo_observer AS igo_observer, sum_igo_anytype AS igo_any "
               "FROM cow_igo_state_years")
        cols = ["igo_full", "igo_associate", "igo_observer", "igo_any"]
        return panel.with_columns(_state(panel, sql, cols, inside, fill_zero=False),
                                  "cow_igo_state_years")
    inside = panel.within("cow_igo_dyad_years")
    sql = ("SELECT ccode1, ccode2, year, dyadigos AS igo_shared FROM cow_igo_dyad_years "
           "UNION ALL SELECT ccode2, ccode1, year, dyadigos FROM cow_igo_dyad_years")
    out = attach_dyad_values(panel, sql, ["igo_shared"], fill_zero=True, inside=inside)
    if not panel.directed:
        out = {k: pc.divide(v, 2) for k, v in out.items()}
    return panel.with_columns(out, "cow_igo_dyad_years")


def add_trade(panel: Panel) -> Panel:
    """Add COW Trade v4.0 national totals (current US$ millions, 1870-2014).

    State-years: ``imports``, ``exports``. Dyad-years: ``trade1``, ``trade2``, each state's
    imports plus exports. These are national totals: the mirror holds no dyadic COW trade,
    so no bilateral flow is offered. Reference: Barbieri, Keshk and Pollins (2009).
    """
    panel.store.require("cow_trade_state_years")
    inside = panel.within("cow_trade_state_years")
    if panel.unit == "state_year":
        sql = "SELECT ccode, year, imports, exports FROM cow_trade_state_years"
        cols = ["imports", "exports"]
    else:
        sql = "SELECT ccode, year, imports + exports AS trade FROM cow_trade_state_years"
        cols = ["trade"]
    found = attach_state_values(panel, panel.store.arrow(sql), cols)
    return panel.with_columns({k: outside_is_null(v, inside) for k, v in found.items()},
                              "cow_trade_state_years")


# -- any instrument -----------------------------------------------------------------------------------
def add_engagements(panel: Panel, instrument: str) -> Panel:
    """Add any instrument from the engagements table (open data and user imports).

    Dyad-years: ``{instrument}`` (summed magnitude, ``ccode1 -> ccode2`` for directed
    instruments, either way for mutual ones) and ``{instrument}_n`` (engagements).
    State-years: ``{instrument}_sent`` and ``{instrument}_received`` (for mutual instruments
    both are the state's total). Coverage is the years of the instrument's feeds as loaded
    (:func:`detente.engagements.instrument_years`), including user engagements; outside it
    the columns are null. Engagements with non-state actors or without a year are not
    counted here.
    """
    from detente.engagements._query import instrument_years

    years = instrument_years(panel.store, instrument)
    inside = (panel.year >= years[0]) & (panel.year <= years[1]) if years else np.zeros(
        len(panel), dtype=bool)
    flows = _engagement_sql(instrument)
    tables = ("engagements",)
    if panel.unit == "state_year":
        sql = (f"SELECT coalesce(s.ccode, r.ccode) AS ccode, coalesce(s.year, r.year) AS year, "
               f"coalesce(s.v, 0) AS {instrument}_sent, coalesce(r.v, 0) AS {instrument}_received "
               f"FROM (SELECT ccode1 AS ccode, year, sum(magnitude) AS v FROM ({flows}) "
               f"GROUP BY ALL) s FULL JOIN (SELECT ccode2 AS ccode, year, sum(magnitude) AS v "
               f"FROM ({flows}) GROUP BY ALL) r ON s.ccode = r.ccode AND s.year = r.year")
        cols = [f"{instrument}_sent", f"{instrument}_received"]
        return panel.with_columns(_state(panel, sql, cols, inside), *tables)
    out = attach_dyad_values(
        panel, f"SELECT ccode1, ccode2, year, magnitude AS {instrument}, n AS {instrument}_n "
               f"FROM ({flows})", [instrument, f"{instrument}_n"], fill_zero=True, inside=inside)
    return panel.with_columns(out, *tables)
