"""Engagement plans: objectives with targets, planned engagements, and progress against them.

A plan is a TOML file (example: ``examples/plan.toml``)::

    [plan]
    name = "Bangladesh-Vietnam defence dialogue"
    start = 2018-06-01          # when the plan starts acting
    freq = "day"                # period of the event indicators
    baseline = [2018-05-01, 2018-05-31]   # optional; default: the periods before start

    [[objective]]
    id = "warm-bgd-vnm"
    indicator = "net_cooperation"          # an event indicator (detente.monitor.METRICS) ...
    side1 = "BGD"                          # ... between two sides (states or lists of states)
    side2 = "VNM"
    directed = false
    target = 0.8
    by = 2018-06-30
    comparison = "at_least"               # optional: at_least | at_most (default by indicator)
    military = "any"                       # optional: either | both to count military actors only

    [[objective]]
    id = "vnm-capability"
    indicator = "capabilities:cinc"        # a panel verb and column, on a state ...
    state = "VNM"                          # ... (or side1/side2 for a dyad-year column)
    target = 0.012
    by = 2016-12-31

    [[engagement]]
    date = 2018-06-01
    kind = "high-level defence visit"
    actors = ["BGD", "VNM"]
    objectives = ["warm-bgd-vnm"]
    description = "Foreign affairs delegation meets military leadership in Hanoi"

:func:`evaluate_plan` measures each objective's indicator over the plan and reports, per
objective: the baseline (mean over the baseline periods), the latest value at ``as_of``, the
target, progress ``(current - baseline) / (target - baseline)``, the value a straight line
from baseline at ``start`` to target at ``by`` would have reached by ``as_of``, and a status:

``met``       the latest value satisfies the target;
``on track``  not yet, but at least as good as the straight-line path;
``behind``    worse than that path, with time left;
``missed``    ``by`` has passed without meeting it;
``no data``   the indicator has no value in the plan's window.

Each planned engagement is checked against the event record: the events between its actors
within ``window_days`` of its date (how many, how many cooperative or conflictual, how many
with a military actor on either side, the CAMEO codes seen).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from detente._errors import ImportRejected, Violation
from detente.monitor._temperature import (
    METRICS,
    require_events,
    side_codes,
    temperature,
)
from detente.monitor._toml import read_toml
from detente.store._store import Store

COMPARISONS = ("at_least", "at_most")
_OBJECTIVE_KEYS = {"id", "indicator", "side1", "side2", "state", "directed", "target", "by",
                   "comparison", "description", "military"}
_ENGAGEMENT_KEYS = {"date", "kind", "actors", "objectives", "description"}


@dataclass(frozen=True)
class Objective:
    """An indicator, for a dyad (or groups) or a state, to reach ``target`` by ``by``."""

    id: str
    indicator: str
    target: float
    by: date
    side1: Any = None
    side2: Any = None
    state: Any = None
    directed: bool = True
    comparison: str | None = None
    description: str = ""
    military: str = "any"

    @property
    def is_event_indicator(self) -> bool:
        return self.indicator in METRICS

    @property
    def rule(self) -> str:
        if self.comparison:
            return self.comparison
        conflictual = ("conflict", "verbal_conflict", "material_conflict", "conflict_share")
        return "at_most" if self.indicator in conflictual else "at_least"


@dataclass(frozen=True)
class Engagement:
    """A planned engagement: when, what kind, between whom, serving which objectives."""

    date: date
    kind: str
    actors: tuple[Any, ...]
    objectives: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Plan:
    """An engagement plan read from TOML with :func:`read_plan`."""

    name: str
    start: date
    objectives: tuple[Objective, ...]
    engagements: tuple[Engagement, ...] = ()
    freq: str = "month"
    baseline: tuple[date, date] | None = None
    owner: str = ""
    path: str | None = None


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_plan(path: str | Path) -> Plan:
    """Read and check a plan file; every problem is named with its section and key."""
    return plan_from_dict(read_toml(path), source=str(path))


def plan_from_dict(doc: Mapping[str, Any], *, source: str = "plan") -> Plan:
    """Build a :class:`Plan` from parsed TOML (``plan``, ``objective`` and ``engagement``)."""
    problems: list[Violation] = []
    head = dict(doc.get("plan", {}))
    for key in ("name", "start"):
        if key not in head:
            problems.append(Violation(source, None, f"plan.{key}", "is missing"))
    start = _as_date(head.get("start"))
    if "start" in head and start is None:
        problems.append(Violation(source, None, "plan.start", "is not a date", str(head["start"])))
    freq = head.get("freq", "month")
    if freq not in ("day", "week", "month", "year"):
        problems.append(Violation(source, None, "plan.freq", "must be day, week, month or year",
                                  str(freq)))
    baseline = None
    if "baseline" in head:
        pair = [_as_date(v) for v in head["baseline"]]
        if len(pair) != 2 or None in pair:
            problems.append(Violation(source, None, "plan.baseline",
                                      "must be [first day, last day]", str(head["baseline"])))
        else:
            baseline = (pair[0], pair[1])
    objectives: list[Objective] = []
    ids: set[str] = set()
    for i, spec in enumerate(doc.get("objective", []), start=1):
        where = f"objective #{i}"
        for key in sorted(set(spec) - _OBJECTIVE_KEYS):
            problems.append(Violation(source, i, key, f"is not an objective key ({where})"))
        for key in ("id", "indicator", "target", "by"):
            if key not in spec:
                problems.append(Violation(source, i, key, f"is missing ({where})"))
        indicator = str(spec.get("indicator", ""))
        if indicator and indicator not in METRICS and ":" not in indicator:
            problems.append(Violation(
                source, i, "indicator", f"is neither an event indicator ({', '.join(METRICS)}) "
                "nor a panel 'verb:column' such as 'capabilities:cinc'", indicator))
        dyadic = "side1" in spec or "side2" in spec
        if indicator in METRICS and not ("side1" in spec and "side2" in spec):
            problems.append(Violation(source, i, "side1",
                                      f"event indicators need side1 and side2 ({where})"))
        if ":" in indicator and not dyadic and "state" not in spec:
            problems.append(Violation(source, i, "state",
                                      f"a panel indicator needs state, or side1 and side2 ({where})"))
        if spec.get("military", "any") not in ("any", "either", "both"):
            problems.append(Violation(source, i, "military", "must be any, either or both",
                                      str(spec.get("military"))))
        if spec.get("comparison") not in (None, *COMPARISONS):
            problems.append(Violation(source, i, "comparison", "must be at_least or at_most",
                                      str(spec.get("comparison"))))
        if spec.get("id") in ids:
            problems.append(Violation(source, i, "id", "repeats another objective's id",
                                      str(spec.get("id"))))
        ids.add(spec.get("id"))
        by = _as_date(spec.get("by"))
        if "by" in spec and by is None:
            problems.append(Violation(source, i, "by", "is not a date", str(spec.get("by"))))
        if not problems:
            objectives.append(Objective(
                id=str(spec["id"]), indicator=indicator, target=float(spec["target"]), by=by,
                side1=spec.get("side1"), side2=spec.get("side2"), state=spec.get("state"),
                directed=bool(spec.get("directed", True)), comparison=spec.get("comparison"),
                description=str(spec.get("description", "")),
                military=str(spec.get("military", "any"))))
    if not doc.get("objective"):
        problems.append(Violation(source, None, "objective", "the plan has no [[objective]]"))
    engagements: list[Engagement] = []
    for i, spec in enumerate(doc.get("engagement", []), start=1):
        for key in sorted(set(spec) - _ENGAGEMENT_KEYS):
            problems.append(Violation(source, i, key, f"is not an engagement key (engagement #{i})"))
        when = _as_date(spec.get("date"))
        if when is None:
            problems.append(Violation(source, i, "date", f"is missing or not a date (engagement #{i})"))
        actors = spec.get("actors", [])
        if len(actors) < 2:
            problems.append(Violation(source, i, "actors", "needs at least two states"))
        unknown = sorted(set(spec.get("objectives", [])) - ids)
        for name in unknown:
            problems.append(Violation(source, i, "objectives", "names no objective", name))
        if not problems:
            engagements.append(Engagement(when, str(spec.get("kind", "")), tuple(actors),
                                          tuple(spec.get("objectives", [])),
                                          str(spec.get("description", ""))))
    if problems:
        raise ImportRejected(problems)
    return Plan(str(head["name"]), start, tuple(objectives), tuple(engagements), freq, baseline,
                str(head.get("owner", "")), source)


@dataclass(frozen=True)
class PlanEvaluation:
    """Progress of a plan: one row per objective, one per engagement, and the series used."""

    plan: Plan
    as_of: date
    objectives: pa.Table
    engagements: pa.Table
    series: Mapping[str, pa.Table] = field(default_factory=dict)
    data_versions: Mapping[str, str] = field(default_factory=dict)

    def write_chart(self, path: str | Path, *, store: Store | None = None) -> Path:
        """Write an interactive HTML chart (plotly, self-contained, works offline)."""
        from detente.monitor._chart import plan_chart

        return plan_chart(self, path, store=store)


def _event_series(store: Store, plan: Plan, obj: Objective, first: date, last: date
                  ) -> pa.Table:
    table = temperature(store, obj.side1, obj.side2, freq=plan.freq,  # type: ignore[arg-type]
                        directed=obj.directed, start=first, end=last,
                        military=obj.military)  # type: ignore[arg-type]
    return pa.table({"period": table["period"], "value": table[obj.indicator]})


def _panel_series(store: Store, obj: Objective, first: date, last: date
                  ) -> tuple[pa.Table, dict[str, str]]:
    """Yearly values of a panel column (``verb:column``) for the objective's state or dyad.

    A group of states sums its members' values (CINC of a coalition, say).
    """
    from detente.panels import VERBS, create_dyad_years, create_state_years

    verb, column = obj.indicator.split(":", 1)
    if verb not in VERBS:
        raise ImportRejected([Violation("plan", None, "indicator",
                                        f"unknown verb {verb!r}; choose from {', '.join(VERBS)}",
                                        obj.indicator)])
    years = (first.year, last.year)
    if obj.state is not None:
        _, codes = side_codes(store, obj.state)
        panel = VERBS[verb](create_state_years(store, years=years, extend_to=last.year))
        keep = pc.is_in(panel.table["ccode"], pa.array(codes, pa.int32()))
    else:
        _, one = side_codes(store, obj.side1)
        _, two = side_codes(store, obj.side2)
        panel = VERBS[verb](create_dyad_years(store, years=years, directed=obj.directed,
                                              extend_to=last.year))
        keep = pc.and_(pc.is_in(panel.table["ccode1"], pa.array(one, pa.int32())),
                       pc.is_in(panel.table["ccode2"], pa.array(two, pa.int32())))
    if column not in panel.table.column_names:
        raise ImportRejected([Violation(
            "plan", None, "indicator", f"verb {verb!r} adds no column {column!r} (the panel has "
            f"{', '.join(panel.table.column_names)})", obj.indicator)])
    rows = panel.table.filter(keep).select(["year", column])
    con = store.con.cursor()
    con.register("rows", rows)
    out = con.sql(f'SELECT make_date(year, 1, 1) AS period, CAST(sum("{column}") AS DOUBLE) '
                  'AS value FROM rows GROUP BY year ORDER BY year').to_arrow_table()
    con.close()
    return out, panel.data_versions()


def _period_end(start: date, freq: str) -> date:
    """The last day of the period that begins on ``start``."""
    if freq == "day":
        return start
    if freq == "week":
        return start + timedelta(days=6)
    if freq == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(start.year, 12, 31)


def _progress(obj: Objective, plan: Plan, series: pa.Table, freq: str, as_of: date
              ) -> dict[str, Any]:
    """Baseline, latest value, expected value and status of one objective (see module doc).

    A period belongs to the plan when it ends on or after ``start``; baseline periods end
    before it (or lie in the plan's explicit baseline window).
    """
    points = [(p, v) for p, v in zip(series["period"].to_pylist(), series["value"].to_pylist(),
                                     strict=True) if v is not None]
    if plan.baseline is not None:
        base_values = [v for p, v in points if plan.baseline[0] <= p <= plan.baseline[1]]
    else:
        base_values = [v for p, v in points if _period_end(p, freq) < plan.start]
    current = [(p, v) for p, v in points
               if _period_end(p, freq) >= plan.start and p <= min(as_of, obj.by)]
    if not base_values:
        base_values = [v for _, v in current[:1]]
    row: dict[str, Any] = {
        "objective": obj.id, "indicator": obj.indicator,
        "sides": (f"{obj.state}" if obj.state is not None else f"{obj.side1} / {obj.side2}"),
        "comparison": obj.rule, "target": obj.target, "by": obj.by,
        "baseline": None, "current": None, "current_period": None, "expected": None,
        "progress": None, "status": "no data",
    }
    if not current:
        return row
    period, value = current[-1]
    baseline = sum(base_values) / len(base_values) if base_values else value
    better = (value >= obj.target) if obj.rule == "at_least" else (value <= obj.target)
    span = max((obj.by - plan.start).days, 1)
    elapsed = min(max((as_of - plan.start).days, 0), span) / span
    expected = baseline + (obj.target - baseline) * elapsed
    ahead = (value >= expected) if obj.rule == "at_least" else (value <= expected)
    started_met = (baseline >= obj.target) if obj.rule == "at_least" else (baseline <= obj.target)
    # Progress is the share of the way from baseline to target (negative: moving away). When
    # the baseline already met the target there is no way to go: 1 if still met, else 0.
    if started_met:
        progress = 1.0 if better else 0.0
    else:
        progress = (value - baseline) / (obj.target - baseline)
    status = "met" if better else ("missed" if as_of >= obj.by else
                                   ("on track" if ahead else "behind"))
    row.update(baseline=float(baseline), current=float(value), current_period=period,
               expected=float(expected), progress=float(progress), status=status)
    return row


ENGAGEMENT_SCHEMA = pa.schema([
    ("date", pa.date32()), ("kind", pa.string()), ("actors", pa.string()),
    ("objectives", pa.string()), ("events", pa.int64()), ("cooperative", pa.int64()),
    ("conflictual", pa.int64()), ("military", pa.int64()), ("codes", pa.string()),
    ("observed", pa.bool_()),
])


def _engagements(store: Store, plan: Plan, window_days: int) -> pa.Table:
    rows: list[dict[str, Any]] = []
    for item in plan.engagements:  # one query per planned engagement
        codes = sorted({c for actor in item.actors for c in side_codes(store, actor)[1]})
        marks = ", ".join(str(int(c)) for c in codes)
        lo, hi = item.date - timedelta(days=window_days), item.date + timedelta(days=window_days)
        n, coop, conf, mil, seen = store.rows(
            f"SELECT count(*), count(*) FILTER (WHERE quad_class <= 2), "
            f"count(*) FILTER (WHERE quad_class >= 3), "
            f"count(*) FILTER (WHERE source_military OR target_military), "
            f"string_agg(DISTINCT coalesce(cameo_code, plover_event), ' ' ORDER BY "
            f"coalesce(cameo_code, plover_event)) FROM events "
            f"WHERE source_ccode IN ({marks}) AND target_ccode IN ({marks}) "
            f"AND source_ccode <> target_ccode AND date BETWEEN ? AND ?", [lo, hi])[0]
        rows.append(dict(zip(ENGAGEMENT_SCHEMA.names, (
            item.date, item.kind, ", ".join(map(str, item.actors)), ", ".join(item.objectives),
            int(n), int(coop), int(conf), int(mil), seen or "", bool(n)), strict=True)))
    return pa.Table.from_pylist(rows, schema=ENGAGEMENT_SCHEMA)


def evaluate_plan(store: Store, plan: Plan | str | Path, *, as_of: date | None = None,
                  window_days: int = 3) -> PlanEvaluation:
    """Report a plan's progress per objective from the events and panel measures in the store.

    Parameters
    ----------
    store
        A store with ingested events (for event indicators and engagements) and the pulled
        sources the panel indicators need.
    plan
        A :class:`Plan` or the path of a TOML plan file.
    as_of
        The day to evaluate at. Default: the last day with dyadic events in the store (the
        monitor's clock), or today when the store holds none.
    window_days
        How many days either side of an engagement's date to look for its events.

    Returns
    -------
    PlanEvaluation
        ``objectives`` (objective, indicator, sides, comparison, target, by, baseline,
        current, current_period, expected, progress, status), ``engagements`` (date, kind,
        actors, objectives, events, cooperative, conflictual, military, codes, observed) and each
        objective's series (``period, value``).
    """
    if not isinstance(plan, Plan):
        plan = read_plan(plan)
    has_events = store.has_table("events")
    if as_of is None:
        last = store.rows("SELECT max(date) FROM events WHERE source_ccode IS NOT NULL AND "
                          "target_ccode IS NOT NULL")[0][0] if has_events else None
        as_of = last or date.today()
    first = plan.baseline[0] if plan.baseline else date(plan.start.year - 3, 1, 1)
    series: dict[str, pa.Table] = {}
    rows = []
    tables: list[str] = []
    versions: dict[str, str] = {}
    for obj in plan.objectives:  # one series per objective
        last_day = max(obj.by, as_of)
        if obj.is_event_indicator:
            require_events(store)
            series[obj.id] = _event_series(store, plan, obj, first, last_day)
            tables.append("events")
        else:
            series[obj.id], found = _panel_series(store, obj, first, last_day)
            versions.update(found)
        freq = plan.freq if obj.is_event_indicator else "year"
        rows.append(_progress(obj, plan, series[obj.id], freq, as_of))
    objectives = pa.Table.from_pylist(rows, schema=pa.schema([
        ("objective", pa.string()), ("indicator", pa.string()), ("sides", pa.string()),
        ("comparison", pa.string()), ("target", pa.float64()), ("by", pa.date32()),
        ("baseline", pa.float64()), ("current", pa.float64()), ("current_period", pa.date32()),
        ("expected", pa.float64()), ("progress", pa.float64()), ("status", pa.string())]))
    engagements = (_engagements(store, plan, window_days) if has_events
                   else ENGAGEMENT_SCHEMA.empty_table())
    versions.update(store.data_versions(sorted(set(tables))) if tables else {})
    return PlanEvaluation(plan, as_of, objectives, engagements, series, versions)
