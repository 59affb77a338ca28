"""Watchlists: relationships to watch, the detectors to run on them, and the alert history.

A watchlist is a TOML file (example: ``examples/watchlist.toml``)::

    [defaults]              # optional; every key can be set per entry
    freq = "month"          # day | week | month | year
    metric = "conflict"     # a temperature column (see detente.monitor.METRICS)
    detectors = ["zscore", "cusum"]
    window = 12             # baseline periods for zscore and cusum
    z = 3.0                 # rolling z-score alarm level
    cusum_k = 0.5           # CUSUM reference value, in baseline SDs
    cusum_h = 4.0           # CUSUM decision interval
    min_sd = 1.0            # floor of the baseline SD

    [[watch]]
    name = "us-china"
    side1 = "USA"           # a state, or a list of states (a group)
    side2 = "CHN"
    directed = false        # count both directions
    freq = "day"
    detectors = ["threshold", "zscore"]
    threshold = 5           # alert when the metric reaches 5 (or falls to it: see below)
    start = 2018-01-01      # optional first day
    military = "either"     # optional: any (default) | either | both (military actors)

For metrics where lower is worse (``net_cooperation``, ``goldstein_mean``,
``goldstein_total``, ``cooperation``, ``verbal_coop``, ``material_coop``) the detectors
look for drops: the series is negated, and a threshold alert fires when the value falls to
or below ``threshold``. ``direction = "up"`` or ``"down"`` overrides this.

:func:`run_watchlist` evaluates every entry against the store's events and keeps each
alert in the store's ``alerts`` table, keyed by entry, sides, frequency, period, metric and
detector: running it again adds nothing that is already there, and it returns only the
alerts raised for the first time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from detente._errors import ImportRejected, StoreError, Violation
from detente.monitor._detect import (
    cusum_alarms,
    standardise,
    threshold_alarms,
    zscore_alarms,
)
from detente.monitor._temperature import METRICS, Side, temperature
from detente.monitor._toml import read_toml
from detente.store._events import FREQS, ensure_tables
from detente.store._store import Store

DETECTORS = ("threshold", "zscore", "cusum")
LOWER_IS_WORSE = ("net_cooperation", "goldstein_mean", "goldstein_total", "cooperation",
                  "verbal_coop", "material_coop")

_KEYS = {"name", "side1", "side2", "label1", "label2", "directed", "freq", "metric",
         "detectors", "threshold", "window", "min_periods", "z", "cusum_k", "cusum_h",
         "min_sd", "start", "end", "direction", "military"}


@dataclass(frozen=True)
class Watch:
    """One watched relationship and how to watch it."""

    name: str
    side1: Side
    side2: Side
    directed: bool = True
    freq: str = "month"
    metric: str = "conflict"
    detectors: tuple[str, ...] = ("zscore", "cusum")
    threshold: float | None = None
    window: int = 12
    min_periods: int | None = None
    z: float = 3.0
    cusum_k: float = 0.5
    cusum_h: float = 4.0
    min_sd: float = 1.0
    start: date | None = None
    end: date | None = None
    direction: str | None = None
    label1: str | None = None
    label2: str | None = None
    military: str = "any"

    @property
    def worse_is(self) -> str:
        return self.direction or ("down" if self.metric in LOWER_IS_WORSE else "up")


@dataclass(frozen=True)
class Watchlist:
    """Watched relationships, read from a TOML file with :func:`read_watchlist`."""

    watches: tuple[Watch, ...]
    path: str | None = None


def read_watchlist(path: str | Path) -> Watchlist:
    """Read and check a watchlist file; every problem is named with its entry and key."""
    return watchlist_from_dict(read_toml(path), source=str(path))


def watchlist_from_dict(doc: Mapping[str, Any], *, source: str = "watchlist") -> Watchlist:
    """Build a :class:`Watchlist` from parsed TOML (``defaults`` and ``watch`` entries)."""
    defaults = dict(doc.get("defaults", {}))
    entries = doc.get("watch", [])
    problems: list[Violation] = []
    watches: list[Watch] = []
    if not entries:
        problems.append(Violation(source, None, "watch", "has no [[watch]] entries"))
    names: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        spec = {**defaults, **entry}
        where = f"[[watch]] #{i}"
        for key in sorted(set(spec) - _KEYS):
            problems.append(Violation(source, i, key, f"is not a watchlist key ({where})"))
        for key in ("name", "side1", "side2"):
            if key not in spec:
                problems.append(Violation(source, i, key, f"is missing ({where})"))
        if spec.get("freq", "month") not in FREQS:
            problems.append(Violation(source, i, "freq", f"must be one of {', '.join(FREQS)}",
                                      str(spec.get("freq"))))
        if spec.get("metric", "conflict") not in METRICS:
            problems.append(Violation(source, i, "metric", f"must be one of {', '.join(METRICS)}",
                                      str(spec.get("metric"))))
        detectors = tuple(spec.get("detectors", ("zscore", "cusum")))
        for d in detectors:
            if d not in DETECTORS:
                problems.append(Violation(source, i, "detectors",
                                          f"must be among {', '.join(DETECTORS)}", str(d)))
        if "threshold" in detectors and spec.get("threshold") is None:
            problems.append(Violation(source, i, "threshold",
                                      "is needed by the threshold detector"))
        if spec.get("military", "any") not in ("any", "either", "both"):
            problems.append(Violation(source, i, "military", "must be any, either or both",
                                      str(spec.get("military"))))
        if spec.get("direction") not in (None, "up", "down"):
            problems.append(Violation(source, i, "direction", "must be 'up' or 'down'",
                                      str(spec.get("direction"))))
        for key in ("start", "end"):
            if key in spec and not isinstance(spec[key], date):
                try:
                    spec[key] = date.fromisoformat(str(spec[key]))
                except ValueError:
                    problems.append(Violation(source, i, key, "is not a date (YYYY-MM-DD)",
                                              str(spec[key])))
        name = str(spec.get("name", ""))
        if name in names:
            problems.append(Violation(source, i, "name", "repeats another entry's name", name))
        names.add(name)
        if problems:
            continue
        spec["detectors"] = detectors
        watches.append(Watch(**spec))
    if problems:
        raise ImportRejected(problems)
    return Watchlist(tuple(watches), source)


ALERT_SCHEMA = pa.schema([
    ("watch", pa.string()), ("side1", pa.string()), ("side2", pa.string()),
    ("freq", pa.string()), ("period", pa.date32()), ("metric", pa.string()),
    ("detector", pa.string()), ("value", pa.float64()), ("statistic", pa.float64()),
    ("limit_", pa.float64()), ("message", pa.string()),
])
ALERT_COLUMNS = tuple(ALERT_SCHEMA.names)


def evaluate_watch(store: Store, watch: Watch) -> tuple[pa.Table, pa.Table]:
    """The watched series and the alerts its detectors raise (before any history check)."""
    series = temperature(store, watch.side1, watch.side2, freq=watch.freq,  # type: ignore[arg-type]
                         directed=watch.directed, start=watch.start, end=watch.end,
                         label1=watch.label1, label2=watch.label2,
                         military=watch.military)  # type: ignore[arg-type]
    values = series[watch.metric].to_numpy(zero_copy_only=False).astype(float)
    sign = -1.0 if watch.worse_is == "down" else 1.0
    signed = sign * values
    rows: list[dict[str, Any]] = []
    arrow = "->" if watch.directed else "<->"
    side1 = series["side1"][0].as_py() if series.num_rows else watch.label1 or str(watch.side1)
    side2 = series["side2"][0].as_py() if series.num_rows else watch.label2 or str(watch.side2)
    periods = series["period"].to_pylist()
    base = dict(window=watch.window, min_periods=watch.min_periods, min_sd=watch.min_sd)
    found: list[tuple[str, np.ndarray, np.ndarray, float]] = []
    if "threshold" in watch.detectors and watch.threshold is not None:
        alarms = threshold_alarms(signed, sign * watch.threshold)
        found.append(("threshold", values, alarms, float(watch.threshold)))
    if "zscore" in watch.detectors:
        scores, alarms = zscore_alarms(signed, z=watch.z, **base)  # type: ignore[arg-type]
        found.append(("zscore", scores, alarms, watch.z))
    if "cusum" in watch.detectors:
        stat, alarms = cusum_alarms(signed, k=watch.cusum_k, h=watch.cusum_h,
                                    **base)  # type: ignore[arg-type]
        found.append(("cusum", stat, alarms, watch.cusum_h))
    _, mean, _ = standardise(signed, **base)  # type: ignore[arg-type]
    for detector, stat, alarms, limit in found:
        for t in np.flatnonzero(alarms):
            value = float(values[t])
            if detector == "threshold":
                rule = "<=" if sign < 0 else ">="
                message = f"{watch.metric} {value:g} {rule} threshold {limit:g}"
            elif detector == "zscore":
                message = (f"{watch.metric} {value:g} is {stat[t]:.2f} SD "
                           f"{'below' if sign < 0 else 'above'} its {watch.window}-period "
                           f"baseline (mean {sign * mean[t]:.3g})")
            else:
                message = (f"CUSUM {stat[t]:.2f} > h {limit:g}: {watch.metric} has run "
                           f"{'below' if sign < 0 else 'above'} its baseline")
            rows.append(dict(zip(ALERT_COLUMNS, (
                watch.name, side1, side2, watch.freq, periods[t], watch.metric, detector,
                value, float(stat[t]), float(limit),
                f"{side1} {arrow} {side2} {periods[t]}: {message}"), strict=True)))
    alerts = pa.Table.from_pylist(rows, schema=ALERT_SCHEMA)
    return series, alerts


@dataclass(frozen=True)
class WatchRun:
    """What :func:`run_watchlist` found: every alert now, and those raised for the first time."""

    alerts: pa.Table
    new: pa.Table
    series: Mapping[str, pa.Table] = field(default_factory=dict)


def run_watchlist(store: Store, watchlist: Watchlist | str | Path, *, record: bool = True
                  ) -> WatchRun:
    """Evaluate every watch and keep new alerts in the store's ``alerts`` table.

    Parameters
    ----------
    store
        A store with ingested events (writable when ``record``).
    watchlist
        A :class:`Watchlist` or the path of a TOML watchlist.
    record
        Write new alerts to the history (default). With ``False`` nothing is written and
        ``new`` holds the alerts the history does not have yet.

    Returns
    -------
    WatchRun
        ``alerts`` (everything the detectors flag now), ``new`` (not in the history before
        this run, sorted by period) and each watch's series by name.
    """
    if not isinstance(watchlist, Watchlist):
        watchlist = read_watchlist(watchlist)
    if record and store.read_only:
        raise StoreError(f"the store {store.path} is open read-only; recording alerts needs "
                         "write access (or pass record=False)")
    series: dict[str, pa.Table] = {}
    parts = []
    for watch in watchlist.watches:  # one step per watched relationship
        series[watch.name], found = evaluate_watch(store, watch)
        parts.append(found)
    alerts = pa.concat_tables(parts)
    con = store.con
    if record:
        ensure_tables(con)
    con.register("found_alerts", alerts)
    try:
        history = ("SELECT 1 FROM alerts h WHERE h.watch = f.watch AND h.side1 = f.side1 AND "
                   "h.side2 = f.side2 AND h.freq = f.freq AND h.period = f.period AND "
                   "h.metric = f.metric AND h.detector = f.detector")
        has_history = store.has_table("alerts")
        where = f"WHERE NOT EXISTS ({history})" if has_history else ""
        new = con.sql(f"SELECT * FROM found_alerts f {where} "
                      "ORDER BY period, watch, detector").to_arrow_table()
        if record and new.num_rows:
            now = datetime.now(UTC).replace(tzinfo=None)
            con.register("new_alerts", new)
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(f"INSERT INTO alerts SELECT {', '.join(ALERT_COLUMNS)}, ? "
                            "FROM new_alerts", [now])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            finally:
                con.unregister("new_alerts")
    finally:
        con.unregister("found_alerts")
    return WatchRun(alerts, new, series)


def alert_history(store: Store, *, watch: str | None = None, since: date | None = None,
                  until: date | None = None, sides: tuple[str, str] | None = None,
                  newest_first: bool = False) -> pa.Table:
    """The alerts kept in the store, oldest period first (``newest_first``: latest first).

    Filters: one ``watch`` entry; periods from ``since`` and up to ``until`` (inclusive);
    ``sides``, two side labels as alerts record them (``"USA"``, ``"CHN"``, or a group's
    label), matched in either order.
    """
    if not store.has_table("alerts"):
        return ALERT_SCHEMA.append(pa.field("raised_at", pa.timestamp("us"))).empty_table()
    where: list[str] = []
    params: list[Any] = []
    for clause, value in (("watch = ?", watch), ("period >= ?", since),
                          ("period <= ?", until)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if sides is not None:
        where.append("((side1 = ? AND side2 = ?) OR (side1 = ? AND side2 = ?))")
        params += [sides[0], sides[1], sides[1], sides[0]]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    order = "period DESC, watch, detector" if newest_first else "period, watch, detector"
    return store.arrow(f"SELECT * FROM alerts {clause} ORDER BY {order}", params)


def watches_for(names: Sequence[str], watchlist: Watchlist) -> Watchlist:
    """The entries of ``watchlist`` named in ``names`` (all when ``names`` is empty)."""
    if not names:
        return watchlist
    chosen = tuple(w for w in watchlist.watches if w.name in set(names))
    unknown = sorted(set(names) - {w.name for w in chosen})
    if unknown:
        raise ImportRejected([Violation(watchlist.path or "watchlist", None, "name",
                                        f"no entry is named {n!r}") for n in unknown])
    return Watchlist(chosen, watchlist.path)
