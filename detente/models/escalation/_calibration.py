"""Calibration: a year's network of states from the store (trust, channels, capabilities).

What each input is made from, and which are proxies:

- **Capability**: CINC (NMC v7.0), recomputed by :func:`detente.measures.cinc`. Measured.
- **Initial trust** of state *i* in state *j* (in [0, 1]). By default (``trust="tie_strength"``)
  from the **measured** relationship strength of the pair in the year
  (:func:`detente.measures.tie_strength`: alliance, arms, exercises, peacekeeping, shared IGOs,
  UN voting, each scaled to [0, 1]), keeping ATOP's direction and the pair's disputes::

      trust_ij = 0.2 + 0.75 * tie_strength_ij
                     + 0.10 * [j is pledged to defend i]    (ATOP defense, directed)
                     - 0.50 * share of covered years with an ongoing MID between them
      clipped to [0.05, 0.95]

  so an unrelated pair (tie strength near 0.1) starts guarded (about 0.28) rather than at
  zero, close allies start near 0.9, and rivals with recent disputes lower. A pair with no
  tie-strength component covering the year falls back to the alliance **proxy**, which
  ``trust="alliances"`` uses for every pair (ATOP 5.1 obligations in the year, GML MIDs over
  the ``history`` years)::

      trust_ij = 0.5 + 0.25 * [j is pledged to defend i]   (ATOP defense, directed)
                     + 0.10 * [consultation pledge]          (ATOP consul, either way)
                     + 0.05 * [neutrality or non-aggression] (either way)
                     - 0.50 * share of covered years with an ongoing MID between them
      clipped to [0.05, 0.95]

  ``ties=`` (a table ``ccode1, ccode2, tie_strength``) replaces the measure pair by pair.
- **Communication channels** (in [0, 1]) from diplomatic and defence ties: 1.0 for a pair
  with an ATOP consultation obligation (the allies commit to consult in a crisis), 0.75 for
  a pair with a dialogue link in the engagements table during the ``history`` years
  (attaché postings, defence visits, intelligence sharing: open data where it exists, such
  as US official visits 1992-2012, and user-entered records), 0.5 for a defence pledge
  without either (alliance staff links), else 0. Hotlines are not in any open dataset here;
  pass ``channels=`` (a table ``ccode1, ccode2, channel``) to give them.
- **Dyads**: ``"all"`` pairs of the chosen states, or ``"ties"``, the year's defence network:
  pairs with any ATOP obligation in the year or a MID in the ``history`` window (allies and
  rivals, the pairs whose engagement and escalation matter).

Every choice is written to ``Network.provenance`` and the versions read to
``Network.data_versions``, so a result says what it was calibrated from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import polars as pl

from detente._errors import ActorError, ModelInputError
from detente.actors import resolve_actor
from detente.measures import cinc
from detente.models.escalation._network import Network

if TYPE_CHECKING:
    from detente.store._store import Store

TRUST_PROXY = {"base": 0.5, "defended_by": 0.25, "consultation": 0.10, "weak_pledge": 0.05,
               "mid_share": -0.50, "low": 0.05, "high": 0.95}
"""Weights of the trust proxy (see the module docstring)."""

CHANNEL_PROXY = {"consultation": 1.0, "dialogue": 0.75, "defence_pledge": 0.5}
"""Channel strength by tie (see the module docstring)."""

TRUST_FROM_TIES = {"base": 0.2, "tie": 0.75, "defended_by": 0.10, "mid_share": -0.50,
                   "low": 0.05, "high": 0.95}
"""Weights of the mapping from measured tie strength to initial trust (module docstring)."""

DIALOGUE_INSTRUMENTS = ("attache", "defence_visit", "intelligence_sharing")
"""Engagements that count as a standing communication channel between two states."""

TrustSource = Literal["tie_strength", "alliances"]

DyadChoice = Literal["all", "ties"]


def _states(store: Store, year: int, states: Sequence[str | int] | None) -> list[int]:
    members = {int(r[0]) for r in store.rows("SELECT ccode FROM cow_system WHERE year = ?",
                                              [year])}
    if states is None:
        return sorted(members)
    codes: list[int] = []
    for query in states:
        try:
            actor = resolve_actor(store, query, year=year)
        except ActorError as exc:
            try:  # a state of another period: say so rather than "no match"
                actor = resolve_actor(store, query)
            except ActorError:
                raise ModelInputError(f"states: {exc}") from None
        if actor.ccode not in members:
            raise ModelInputError(f"states: {query!r} ({actor.name}) is not a system member in "
                                  f"{year}")
        codes.append(actor.ccode)
    if len(set(codes)) != len(codes):
        raise ModelInputError(f"states: {list(states)} name the same state twice")
    return sorted(codes)


def _pair_table(table: Any, value: str, field: str, year: int) -> pl.DataFrame:
    """A user table of pair values as ``ccode1, ccode2, value`` (validated)."""
    if isinstance(table, pl.DataFrame):
        frame = table
    else:
        try:
            converted = (pl.from_pandas(table) if hasattr(table, "to_numpy")
                         and hasattr(table, "iloc") else pl.from_arrow(table))
        except (TypeError, ValueError):
            raise ModelInputError(f"{field}: expected a polars, pandas or Arrow table") from None
        assert isinstance(converted, pl.DataFrame)
        frame = converted
    missing = [c for c in ("ccode1", "ccode2", value) if c not in frame.columns]
    if missing:
        raise ModelInputError(f"{field}: missing column(s) {missing}; need ccode1, ccode2, "
                              f"{value}")
    if "year" in frame.columns:
        frame = frame.filter(pl.col("year") == year)
    frame = frame.select(pl.col("ccode1").cast(pl.Int64), pl.col("ccode2").cast(pl.Int64),
                         pl.col(value).cast(pl.Float64).fill_nan(None))
    # a null value is no measurement: the pair keeps its proxy
    frame = frame.filter(pl.col(value).is_not_null())
    bad = frame.with_row_index("row").filter((pl.col(value) < 0) | (pl.col(value) > 1))
    if bad.height:
        row = bad.row(0, named=True)
        raise ModelInputError(f"{field}: column {value!r} must lie in [0, 1]; row {row['row']} "
                              f"({row['ccode1']}, {row['ccode2']}) has {row[value]!r}")
    if frame.select(pl.struct("ccode1", "ccode2").is_duplicated().any()).item():
        raise ModelInputError(f"{field}: a (ccode1, ccode2) pair appears twice for {year}")
    return frame


def _dyad_inputs(store: Store, year: int, codes: list[int], history: int) -> pl.DataFrame:
    """One row per pair ``c1 < c2`` with the ATOP and MID facts the proxies use."""
    lo, hi = store.coverage("gml_mid_dyad_years")
    first, last = max(year - history + 1, lo), min(year, hi)
    code_list = ", ".join(str(c) for c in codes)
    sql = f"""
    WITH s AS (SELECT unnest([{code_list}]) AS ccode),
    pairs AS (SELECT a.ccode AS c1, b.ccode AS c2 FROM s a, s b WHERE a.ccode < b.ccode),
    atop AS (SELECT * FROM atop_dyad_years WHERE year = {year}),
    mid AS (SELECT least(ccode1, ccode2) AS c1, greatest(ccode1, ccode2) AS c2,
                   count(DISTINCT year) AS mid_years
            FROM gml_mid_dyad_years
            WHERE year BETWEEN {first} AND {last} AND gmlmidongoing = 1 GROUP BY ALL)
    SELECT p.c1, p.c2,
           coalesce(f.atop_defense, 0) AS defend12, coalesce(r.atop_defense, 0) AS defend21,
           greatest(coalesce(f.atop_consul, 0), coalesce(r.atop_consul, 0)) AS consul,
           greatest(coalesce(f.atop_neutral, 0), coalesce(r.atop_neutral, 0),
                    coalesce(f.atop_nonagg, 0), coalesce(r.atop_nonagg, 0)) AS weak,
           (f.ccode1 IS NOT NULL OR r.ccode1 IS NOT NULL) AS pledge,
           coalesce(m.mid_years, 0) AS mid_years
    FROM pairs p
    LEFT JOIN atop f ON f.ccode1 = p.c1 AND f.ccode2 = p.c2
    LEFT JOIN atop r ON r.ccode1 = p.c2 AND r.ccode2 = p.c1
    LEFT JOIN mid m ON m.c1 = p.c1 AND m.c2 = p.c2
    ORDER BY p.c1, p.c2
    """
    frame = pl.from_arrow(store.arrow(sql))
    assert isinstance(frame, pl.DataFrame)
    covered = max(last - first + 1, 0)
    return frame.with_columns(
        mid_share=pl.col("mid_years") / covered if covered else pl.lit(0.0))


def _trust_from_ties(defended_by: pl.Expr, frame: pl.DataFrame, fallback: np.ndarray
                     ) -> np.ndarray:
    """The tie-strength mapping; pairs without a measured tie keep ``fallback``."""
    w = TRUST_FROM_TIES
    value = frame.select(
        (w["base"] + w["tie"] * pl.col("measured_tie") + w["defended_by"] * defended_by
         + w["mid_share"] * pl.col("mid_share")).clip(w["low"], w["high"])).to_series()
    mapped = value.to_numpy().astype(np.float64)
    return np.where(np.isnan(mapped), fallback, mapped)


def _dialogue(store: Store, year: int, codes: list[int], history: int) -> pl.DataFrame:
    """Pairs ``c1 < c2`` with a dialogue engagement in the ``history`` years up to ``year``."""
    if not store.has_table("all_engagements"):
        return pl.DataFrame(schema={"c1": pl.Int32, "c2": pl.Int32, "dialogue": pl.Boolean})
    code_list = ", ".join(str(c) for c in codes)
    kinds = ", ".join(f"'{k}'" for k in DIALOGUE_INSTRUMENTS)
    frame = pl.from_arrow(store.arrow(
        f"SELECT DISTINCT least(ccode1, ccode2)::INTEGER AS c1, greatest(ccode1, ccode2)::INTEGER "
        f"AS c2, TRUE AS dialogue FROM all_engagements WHERE instrument IN ({kinds}) AND year "
        f"BETWEEN {year - history + 1} AND {year} AND ccode1 IN ({code_list}) "
        f"AND ccode2 IN ({code_list}) AND ccode1 <> ccode2"))
    assert isinstance(frame, pl.DataFrame)
    return frame


def _proxy_trust(defended_by: pl.Expr, frame: pl.DataFrame) -> np.ndarray:
    w = TRUST_PROXY
    value = frame.select(
        (w["base"] + w["defended_by"] * defended_by + w["consultation"] * pl.col("consul")
         + w["weak_pledge"] * pl.col("weak") + w["mid_share"] * pl.col("mid_share"))
        .clip(w["low"], w["high"])).to_series()
    return value.to_numpy().astype(np.float64)


def _override(frame: pl.DataFrame, table: pl.DataFrame, value: str, directed: bool
              ) -> tuple[np.ndarray, np.ndarray, int]:
    """Per pair (c1, c2): the table's value for (c1 -> c2) and (c2 -> c1), NaN where absent.

    A pair given in one direction only applies to both.
    """
    fwd = frame.join(table.rename({"ccode1": "c1", "ccode2": "c2"}), on=["c1", "c2"],
                     how="left")[value].to_numpy()
    back = frame.join(table.rename({"ccode1": "c2", "ccode2": "c1"}), on=["c1", "c2"],
                      how="left")[value].to_numpy()
    fwd, back = fwd.astype(np.float64), back.astype(np.float64)
    if not directed:
        both = np.where(np.isnan(fwd), back, fwd)
        return both, both, int(np.sum(~np.isnan(both)))
    fwd2 = np.where(np.isnan(fwd), back, fwd)
    back2 = np.where(np.isnan(back), fwd, back)
    return fwd2, back2, int(np.sum(~np.isnan(fwd2)))


def calibrate(
    store: Store,
    year: int,
    states: Sequence[str | int] | None = None,
    *,
    dyads: DyadChoice = "all",
    history: int = 10,
    trust: TrustSource = "tie_strength",
    ties: Any = None,
    channels: Any = None,
) -> Network:
    """Build the network of ``states`` in ``year`` from the store.

    Parameters
    ----------
    store
        A store with ``cow_states``, ``cow_nmc``, ``atop`` and ``gml_mid`` pulled.
    year
        The year (COW system membership covers 1816-2016).
    states
        Names, ISO3 or COW codes (resolved for ``year``); ``None`` is every system member.
    dyads
        ``"all"`` pairs, or ``"ties"``: pairs with an ATOP obligation in ``year`` or a MID
        in the ``history`` window.
    history
        Years (ending with ``year``) of GML MIDs (trust) and dialogue engagements (channels)
        read, and the window of ``"ties"``.
    trust
        ``"tie_strength"`` (default): measured tie strength mapped to trust; ``"alliances"``:
        the ATOP/MID proxy for every pair (see the module docstring).
    ties
        Your own tie strength, used in place of the measure: a table with ``ccode1, ccode2,
        tie_strength`` in [0, 1] (and optionally ``year``), used as trust as given. Pairs it
        lacks, or gives as null, keep the default.
    channels
        Measured channel strength: a table with ``ccode1, ccode2, channel`` in [0, 1].

    Returns
    -------
    Network
        With ``codes`` (COW), ``capability`` (CINC), ``year``, ``data_versions`` and
        ``provenance`` saying which inputs are measured and which are proxies.

    Examples
    --------
    On the 2010 network of the United States, Japan and China, Japan's trust in the United
    States (pledged to defend Japan) exceeds the United States' trust in Japan (ATOP's
    US-Japan obligation is one-way), and US-China trust is lowered by their MIDs::

        net = calibrate(store, 2010, ["USA", "JPN", "CHN"])
        net.dyads()   # state1, state2, channel, trust12, trust21, ...
    """
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        raise ModelInputError(f"year: must be an integer, got {year!r}")
    if dyads not in ("all", "ties"):
        raise ModelInputError(f"dyads: must be 'all' or 'ties', got {dyads!r}")
    if isinstance(history, bool) or not isinstance(history, int) or history < 1:
        raise ModelInputError(f"history: must be an integer >= 1, got {history!r}")
    if trust not in ("tie_strength", "alliances"):
        raise ModelInputError(f"trust: must be 'tie_strength' or 'alliances', got {trust!r}")
    tables = ("cow_system", "state_codes", "cow_nmc", "atop_dyad_years", "gml_mid_dyad_years")
    for table in tables:
        store.require(table)
    lo, hi = store.coverage("cow_system")
    if not lo <= year <= hi:
        raise ModelInputError(f"year: {year} is outside COW system membership ({lo}-{hi})")
    codes = _states(store, int(year), states)
    if len(codes) < 2:
        raise ModelInputError("states: need at least two states that are members in that year")
    frame = _dyad_inputs(store, int(year), codes, history)
    if dyads == "ties":
        frame = frame.filter(pl.col("pledge") | (pl.col("mid_years") > 0))
        if frame.height == 0:
            raise ModelInputError(f"dyads: no pair of these states has an alliance obligation "
                                  f"in {year} or a MID in the {history} years before")

    trust12 = _proxy_trust(pl.col("defend21"), frame)
    trust21 = _proxy_trust(pl.col("defend12"), frame)
    trust_note = (f"proxy: ATOP 5.1 obligations in {year} and GML MIDs {year - history + 1}-"
                  f"{year} (weights {TRUST_PROXY})")
    read = list(tables)
    if trust == "tie_strength":
        from detente.measures import tie_strength

        measured = pl.from_arrow(tie_strength(store, years=int(year))).select(
            pl.col("ccode1").alias("c1"), pl.col("ccode2").alias("c2"),
            pl.col("tie_strength").alias("measured_tie"))
        frame = frame.join(measured, on=["c1", "c2"], how="left")
        trust12 = _trust_from_ties(pl.col("defend21"), frame, trust12)
        trust21 = _trust_from_ties(pl.col("defend12"), frame, trust21)
        found = int(frame["measured_tie"].is_not_null().sum())
        trust_note = (f"measured tie strength {year} (detente.measures.tie_strength; mapping "
                      f"{TRUST_FROM_TIES}) for {found} of {frame.height} dyads; the others: "
                      f"{trust_note}")
        read += ["engagements", "sipri_tiv", "mme_exercises", "un_pko_contributions",
                 "cow_igo_dyad_years", "un_roll_calls"]
    frame = frame.join(_dialogue(store, int(year), codes, history), on=["c1", "c2"],
                       how="left").with_columns(pl.col("dialogue").fill_null(False))
    if frame["dialogue"].any():
        read += ["us_visits"]
    channel = frame.select(
        pl.when(pl.col("consul") == 1).then(CHANNEL_PROXY["consultation"])
        .when(pl.col("dialogue")).then(CHANNEL_PROXY["dialogue"])
        .when((pl.col("defend12") + pl.col("defend21")) > 0)
        .then(CHANNEL_PROXY["defence_pledge"]).otherwise(0.0)).to_series().to_numpy()
    provenance = {
        "capability": "CINC recomputed from COW NMC v7.0 (detente.measures.cinc)",
        "trust": trust_note,
        "channel": (f"ATOP consultation obligation -> {CHANNEL_PROXY['consultation']}, dialogue "
                    f"engagements ({', '.join(DIALOGUE_INSTRUMENTS)}) {year - history + 1}-{year} "
                    f"-> {CHANNEL_PROXY['dialogue']}, defence pledge -> "
                    f"{CHANNEL_PROXY['defence_pledge']}, else 0"),
        "dyads": (f"all pairs of {len(codes)} states" if dyads == "all" else
                  f"defence network: ATOP obligation in {year} or GML MID in the {history} "
                  "years before"),
    }
    if ties is not None:
        table = _pair_table(ties, "tie_strength", "ties", int(year))
        fwd, back, found = _override(frame, table, "tie_strength", directed=True)
        trust12 = np.where(np.isnan(fwd), trust12, fwd)
        trust21 = np.where(np.isnan(back), trust21, back)
        provenance["trust"] = (f"your tie strength (ties=) for {found} of {frame.height} "
                               f"dyads; the others: {provenance['trust']}")
    if channels is not None:
        table = _pair_table(channels, "channel", "channels", int(year))
        given, _, found = _override(frame, table, "channel", directed=False)
        channel = np.where(np.isnan(given), channel, given)
        provenance["channel"] = (f"measured channels (channels=) for {found} of {frame.height} "
                                 f"dyads; the others: {provenance['channel']}")

    # global CINC (shares of the whole system), not renormalised within the chosen states
    power = pl.from_arrow(cinc(store, years=(int(year), int(year))))
    assert isinstance(power, pl.DataFrame)
    by_code = dict(zip(power["ccode"].to_list(), power["cinc"].to_list(), strict=True))
    by_code = {c: by_code.get(c) for c in codes}
    lacking = [c for c in codes if by_code.get(c) is None]
    if lacking:
        raise ModelInputError(f"states: no CINC in {year} for COW codes {lacking}")
    names = dict(store.rows(f"SELECT ccode, stateabb FROM state_codes WHERE year = {int(year)} "
                            f"AND ccode IN ({', '.join(map(str, codes))})"))
    index = {c: i for i, c in enumerate(codes)}
    return Network(
        states=tuple(names.get(c) or str(c) for c in codes),
        first=np.array([index[c] for c in frame["c1"].to_list()], dtype=np.int64),
        second=np.array([index[c] for c in frame["c2"].to_list()], dtype=np.int64),
        channel=channel, trust_first=trust12, trust_second=trust21,
        capability=np.array([by_code[c] for c in codes], dtype=np.float64),
        codes=np.array(codes, dtype=np.int64), year=int(year),
        data_versions=store.data_versions([t for t in read if store.has_table(t)]),
        provenance=provenance,
    )
