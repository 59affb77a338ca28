"""Calibration: a year's network of states from the store (trust, channels, capabilities).

What each input is made from, and which are proxies:

- **Capability**: CINC (NMC v7.0), recomputed by :func:`detente.measures.cinc`. Measured.
- **Initial trust** of state *i* in state *j* (in [0, 1]). Measured tie strength belongs
  here: pass ``ties=`` (a table ``ccode1, ccode2, tie_strength``; directed if both
  directions are given) and it is used as is. Until that measure exists in the store, the
  default is a **proxy** from ATOP 5.1 obligations in the year and GML MIDs over the
  ``history`` years up to it::

      trust_ij = 0.5 + 0.25 * [j is pledged to defend i]   (ATOP defense, directed)
                     + 0.10 * [consultation pledge]          (ATOP consul, either way)
                     + 0.05 * [neutrality or non-aggression] (either way)
                     - 0.50 * share of covered years with an ongoing MID between them
      clipped to [0.05, 0.95]

- **Communication channels** (in [0, 1]). Hotlines, attaché links and regular defence
  dialogue are not yet in the store (the instruments and multiplex-network work will add
  them): pass ``channels=`` (a table ``ccode1, ccode2, channel``). The default **proxy** is
  1.0 for a pair with an ATOP consultation obligation (the allies commit to consult in a
  crisis), 0.5 for a defence pledge without one (alliance staff links), else 0.
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

CHANNEL_PROXY = {"consultation": 1.0, "defence_pledge": 0.5}
"""Channel strength by ATOP obligation (see the module docstring)."""

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
        Years (ending with ``year``) of GML MIDs read for the trust proxy and ``"ties"``.
    ties
        Measured tie strength to use as initial trust: a table with ``ccode1, ccode2,
        tie_strength`` in [0, 1] (and optionally ``year``), such as
        ``detente.measures.tie_strength(store, years=year)``. Pairs it lacks, or gives as
        null, keep the proxy.
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
    channel = frame.select(
        pl.when(pl.col("consul") == 1).then(CHANNEL_PROXY["consultation"])
        .when((pl.col("defend12") + pl.col("defend21")) > 0)
        .then(CHANNEL_PROXY["defence_pledge"]).otherwise(0.0)).to_series().to_numpy()
    provenance = {
        "capability": "CINC recomputed from COW NMC v7.0 (detente.measures.cinc)",
        "trust": (f"proxy: ATOP 5.1 obligations in {year} and GML MIDs {year - history + 1}-"
                  f"{year} (weights {TRUST_PROXY}); waiting for measured tie strength"),
        "channel": (f"proxy: ATOP consultation obligation -> {CHANNEL_PROXY['consultation']}, "
                    f"defence pledge -> {CHANNEL_PROXY['defence_pledge']}, else 0"),
        "dyads": (f"all pairs of {len(codes)} states" if dyads == "all" else
                  f"defence network: ATOP obligation in {year} or GML MID in the {history} "
                  "years before"),
    }
    if ties is not None:
        table = _pair_table(ties, "tie_strength", "ties", int(year))
        fwd, back, found = _override(frame, table, "tie_strength", directed=True)
        trust12 = np.where(np.isnan(fwd), trust12, fwd)
        trust21 = np.where(np.isnan(back), trust21, back)
        provenance["trust"] = (f"measured tie strength (ties=) for {found} of {frame.height} "
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
        data_versions=store.data_versions(list(tables)), provenance=provenance,
    )
