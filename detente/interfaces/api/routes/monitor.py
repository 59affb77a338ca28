"""Monitor relations from event data: temperature series, the alert history, watchlist runs,
event file ingest and engagement plan evaluation.

Reads and plan evaluation are open. Running a watchlist (it records alerts) and ingesting an
event file write to the store: they need ``Authorization: Bearer $DETENTE_API_TOKEN``, run one
at a time, and clear the response cache.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import pyarrow as pa
from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from detente._errors import ActorError, ImportRejected, Violation
from detente.actors import resolve_actor
from detente.interfaces.api.deps import CacheDep, SettingsDep, StoreDep, WriteAuth
from detente.interfaces.api.routes._refuse import invalid, rejected
from detente.interfaces.api.schemas import SourceRef, problem_response, source_refs
from detente.monitor import (
    FORMATS,
    METRICS,
    FileReport,
    alert_history,
    evaluate_plan,
    event_coverage,
    event_versions,
    ingest_events,
    run_watchlist,
    temperature,
)
from detente.monitor._plans import plan_from_dict
from detente.monitor._temperature import side_codes
from detente.monitor._watch import watches_for, watchlist_from_dict
from detente.sources import SOURCES
from detente.store import Store

router = APIRouter(prefix="/monitor", tags=["monitor"])

MAX_EVENT_FILE = 16 << 20
"""Largest event file one upload may carry (16 MiB; gzip or zip it: ICEWS compresses about
five to one). Larger archives: ``detente monitor ingest``."""

_write_lock = threading.Lock()

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
SideIn = Name | Annotated[list[Name], Field(min_length=1, max_length=50)]
Freq = Literal["day", "week", "month", "year"]
MilitaryFilter = Literal["any", "either", "both"]
Metric = StrEnum("Metric", {m: m for m in METRICS})  # type: ignore[misc]
Format = StrEnum("Format", {f: f for f in ("auto", *FORMATS)})  # type: ignore[misc]

_WRITES: dict[int | str, dict[str, Any]] = {
    401: problem_response("No bearer token."),
    403: problem_response("Wrong token, or writes are disabled."),
    409: problem_response("The store is read-only, or holds no events yet (the detail names "
                          "the command that loads them).")}


def _refs(versions: dict[str, str]) -> list[SourceRef]:
    """References for the registered sources among ``versions`` (the event stream is not a
    declared source: its files are listed by ``GET /monitor/status``)."""
    return source_refs({k: v for k, v in versions.items() if k in SOURCES})


def _side(store: Store, value: Any, field: str, *, where: str = "body") -> tuple[str, list[int]]:
    try:
        return side_codes(store, value)
    except ActorError as exc:
        raise invalid(field, str(exc), where=where) from None


def _writable(store: Store) -> None:
    if store.read_only:
        raise HTTPException(409, "the server opened the store read-only (detente serve "
                                 "--read-only); restart it without --read-only to write")


# -- status ----------------------------------------------------------------------------------
class EventFilePublic(BaseModel):
    file_id: int
    path: str
    format: str
    dataset: str
    records: int
    events_added: int
    duplicates: int
    quarantined: int
    first_date: date | None
    last_date: date | None
    ingested_at: datetime


class MonitorStatus(BaseModel):
    events: int = Field(description="Events in the store.")
    dyadic: int = Field(description="Events whose two actors both map to states.")
    first_date: date | None
    last_date: date | None
    alerts: int = Field(description="Alerts in the history.")
    files: list[EventFilePublic]
    hint: str | None = Field(description="How to load events, when there are none.")
    data_versions: dict[str, str]
    sources: list[SourceRef]


@router.get("/status", response_model=MonitorStatus)
def get_status(store: StoreDep) -> MonitorStatus:
    """What the store holds of the event stream: events, days, files, alerts, codebooks."""
    from detente.monitor._status import INGEST_HINT

    cover = event_coverage(store)
    versions = event_versions(store)
    files = [EventFilePublic(**r) for r in cover.files.to_pylist()]
    return MonitorStatus(events=cover.events, dyadic=cover.dyadic, first_date=cover.first,
                         last_date=cover.last, alerts=alert_history(store).num_rows,
                         files=files, hint=INGEST_HINT if cover.empty else None,
                         data_versions=versions, sources=_refs(versions))


# -- temperature -----------------------------------------------------------------------------
class TemperaturePoint(BaseModel):
    period: date = Field(description="First day of the period.")
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int
    conflict: int
    goldstein_total: float
    goldstein_mean: float | None
    net_cooperation: float | None = Field(description="(cooperation - conflict) / events, "
                                                      "-1 to 1; null without events.")
    conflict_share: float | None


class TemperatureSeries(BaseModel):
    side1: str
    side2: str
    freq: str
    directed: bool
    military: str
    count: int
    data: list[TemperaturePoint]
    data_versions: dict[str, str]
    sources: list[SourceRef]


SideQuery = Annotated[list[Name], Query(min_length=1, max_length=50, examples=[["USA"]],
                                        description="A state (COW code, ISO3, name); repeat "
                                                    "it for a group.")]
FromDate = Annotated[date | None, Query(alias="from", description="First day (YYYY-MM-DD).")]
ToDate = Annotated[date | None, Query(alias="to", description="Last day (YYYY-MM-DD).")]


@router.get("/temperature", response_model=TemperatureSeries)
def get_temperature(
    store: StoreDep, a: SideQuery, b: SideQuery,
    freq: Annotated[Freq, Query(description="Period length.")] = "month",
    directed: Annotated[bool, Query(description="Events from a to b only, or both ways.")
                        ] = True,
    military: Annotated[MilitaryFilter, Query(description=(
        "any event; either: a military actor on either side; both: military to military."))
    ] = "any",
    first: FromDate = None, last: ToDate = None,
) -> TemperatureSeries:
    """The temperature of a relationship: event counts per quad class, Goldstein totals and
    means, net cooperation, per day, week, month or year (periods with events in the store;
    zero counts where the pair had none)."""
    if first is not None and last is not None and first > last:
        raise invalid("to", f"{last} is before from={first}", where="query")
    label1, codes1 = _side(store, a[0] if len(a) == 1 else a, "a", where="query")
    label2, codes2 = _side(store, b[0] if len(b) == 1 else b, "b", where="query")
    try:
        table = temperature(store, codes1, codes2, freq=freq, directed=directed, start=first,
                            end=last, military=military, label1=label1, label2=label2)
    except ActorError as exc:  # the sides overlap
        raise invalid("b", str(exc), where="query") from None
    versions = event_versions(store)
    return TemperatureSeries(
        side1=label1, side2=label2, freq=freq, directed=directed, military=military,
        count=table.num_rows, data=[TemperaturePoint(**r) for r in
                                    table.drop_columns(["side1", "side2"]).to_pylist()],
        data_versions=versions, sources=_refs(versions))


# -- alerts ----------------------------------------------------------------------------------
class AlertPublic(BaseModel):
    watch: str = Field(description="Watchlist entry that raised it.")
    side1: str
    side2: str
    freq: str
    period: date
    metric: str
    detector: str = Field(description="threshold, zscore or cusum.")
    value: float | None
    statistic: float | None
    limit: float | None
    message: str
    raised_at: datetime | None = Field(description="When it was first raised (UTC); null in "
                                                   "a watchlist run's answer.")
    dyad_href: str | None = Field(description="Dashboard page of the pair (single states).")


class AlertsPage(BaseModel):
    count: int
    total: int
    offset: int
    limit: int
    data: list[AlertPublic]


def dyad_links(store: Store, alerts: pa.Table) -> list[str | None]:
    """Each alert's dyad page (``/dyad/USA/CHN?from=2018&to=2018``) when both sides are
    single states, else None. Each side label is resolved once."""
    found: dict[str, int | None] = {}
    for label in set(alerts["side1"].to_pylist()) | set(alerts["side2"].to_pylist()):
        try:
            found[label] = None if "+" in label else resolve_actor(store, label).ccode
        except ActorError:
            found[label] = None
    links: list[str | None] = []
    for s1, s2, period in zip(alerts["side1"].to_pylist(), alerts["side2"].to_pylist(),
                              alerts["period"].to_pylist(), strict=True):
        one, two = found[s1], found[s2]
        links.append(None if one is None or two is None or one == two else
                     f"/dyad/{one}/{two}?from={period.year}&to={period.year}")
    return links


def _alerts_public(store: Store, alerts: pa.Table) -> list[AlertPublic]:
    rows = alerts.to_pylist()
    links = dyad_links(store, alerts) if rows else []
    return [AlertPublic(**{k: v for k, v in r.items() if k != "limit_"}, limit=r["limit_"],
                        dyad_href=link) for r, link in zip(rows, links, strict=True)]


def side_label(store: Store, value: str) -> str:
    """The label alerts record for a side: a state's ISO3 (or abbreviation), else the text as
    given (a group's label such as ``Quad``)."""
    try:
        return side_codes(store, value)[0]
    except ActorError:
        return value


@router.get("/alerts", response_model=AlertsPage)
def list_alerts(
    store: StoreDep,
    a: Annotated[Name | None, Query(description="One side: a state, or a group's label.")
                 ] = None,
    b: Annotated[Name | None, Query(description="The other side (with a); either order.")
                 ] = None,
    watch: Annotated[Name | None, Query(description="Only this watchlist entry.")] = None,
    first: FromDate = None, last: ToDate = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AlertsPage:
    """The alert history kept in the store, latest period first, by dyad, entry and date."""
    if (a is None) != (b is None):
        raise invalid("b" if b is None else "a", "give both sides of the dyad (a and b)",
                      where="query")
    sides = (side_label(store, a), side_label(store, b)) if a and b else None
    table = alert_history(store, watch=watch, since=first, until=last, sides=sides,
                          newest_first=True)
    page = table.slice(offset, limit)
    data = _alerts_public(store, page)
    return AlertsPage(count=len(data), total=table.num_rows, offset=offset, limit=limit,
                      data=data)


# -- watchlist run ---------------------------------------------------------------------------
class WatchSettings(BaseModel):
    """How to watch (any key may sit in ``defaults`` or on an entry)."""

    model_config = ConfigDict(extra="forbid")

    directed: bool | None = None
    freq: Freq | None = None
    metric: Metric | None = None
    detectors: list[Literal["threshold", "zscore", "cusum"]] | None = Field(
        None, min_length=1, max_length=3)
    threshold: float | None = None
    window: int | None = Field(None, ge=2, le=1000, description="Baseline periods.")
    min_periods: int | None = Field(None, ge=2, le=1000)
    z: float | None = Field(None, gt=0, le=100)
    cusum_k: float | None = Field(None, ge=0, le=100)
    cusum_h: float | None = Field(None, gt=0, le=1000)
    min_sd: float | None = Field(None, gt=0, le=1e9)
    start: date | None = None
    end: date | None = None
    direction: Literal["up", "down"] | None = None
    military: MilitaryFilter | None = None


class WatchEntry(WatchSettings):
    name: Name
    side1: SideIn
    side2: SideIn
    label1: Name | None = None
    label2: Name | None = None


class WatchlistRun(BaseModel):
    """A watchlist as in ``examples/watchlist.toml``, as JSON."""

    model_config = ConfigDict(extra="forbid")

    defaults: WatchSettings | None = None
    watch: list[WatchEntry] = Field(min_length=1, max_length=50)
    only: list[Name] | None = Field(None, max_length=50, description="Run only these entries.")
    dry_run: bool = Field(False, description="Report new alerts without recording them.")


class WatchlistResult(BaseModel):
    recorded: bool
    flagged: int = Field(description="Alerts the detectors flag now (new or not).")
    new_count: int
    new: list[AlertPublic] = Field(description="Alerts not in the history before this run.")


def _watch_field(v: Violation) -> str:
    if v.row is None:
        return "only" if v.column == "name" else str(v.column or "watch")
    return f"watch.{v.row - 1}.{v.column}"


@router.post("/watchlist/run", response_model=WatchlistResult, dependencies=[WriteAuth],
             responses=_WRITES)
def run_watches(body: WatchlistRun, store: StoreDep, cache: CacheDep) -> WatchlistResult:
    """Evaluate a posted watchlist against the store's events and record the new alerts in
    the history (unless ``dry_run``). Writes: needs the bearer token."""
    doc = {"defaults": body.defaults.model_dump(exclude_none=True) if body.defaults else {},
           "watch": [w.model_dump(exclude_none=True) for w in body.watch]}
    try:
        watchlist = watches_for(body.only or [], watchlist_from_dict(doc))
    except ImportRejected as exc:
        raise rejected(exc, _watch_field) from None
    for i, w in enumerate(body.watch):
        for key in ("side1", "side2"):
            _side(store, getattr(w, key), f"watch.{i}.{key}")
    if not body.dry_run:
        _writable(store)
    with _write_lock:
        result = run_watchlist(store, watchlist, record=not body.dry_run)
        if not body.dry_run:
            cache.clear()
    new = result.new.append_column("raised_at", pa.nulls(result.new.num_rows, pa.timestamp("us")))
    return WatchlistResult(recorded=not body.dry_run, flagged=result.alerts.num_rows,
                           new_count=result.new.num_rows, new=_alerts_public(store, new))


# -- event ingest ----------------------------------------------------------------------------
class QuarantinedLine(BaseModel):
    line: int | None
    problems: list[str]
    text: str | None


class UnmappedCode(BaseModel):
    role: str
    code: str
    reason: str
    events: int


class IngestResult(BaseModel):
    filename: str
    stored_as: str = Field(description="Where the server keeps the file the events cite.")
    sha256: str
    format: str
    status: str = Field(description="ingested, or unchanged (this file was ingested before).")
    records: int
    events_read: int
    events_added: int
    duplicates: int
    quarantined: int
    skipped: int
    first_date: date | None
    last_date: date | None
    quarantined_lines: list[QuarantinedLine] = Field(description="Bad lines set aside "
                                                                 "(first 1,000).")
    unmapped: list[UnmappedCode] = Field(description="Codes mapped to no state (events kept).")


FileName = Annotated[str, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$",
                                examples=["events.2018.sample.tab"], description=(
                                    "The file's name (no folders): its suffix says whether it "
                                    "is compressed (.gz, .zip), and a GDELT subset's day is "
                                    "read from a YYYYMMDD in it."))]


def _uploads(store: Store, settings: Any) -> Path:
    base = settings.cache if str(store.path) == ":memory:" else Path(store.path).parent
    return Path(base) / "event_uploads"


def _renamed(exc: ImportRejected, stored: Path, name: str) -> ImportRejected:
    return ImportRejected([Violation(name if v.file == str(stored) else v.file, v.row, v.column,
                                     v.message, v.value) for v in exc.violations])


def _quarantined(report: FileReport) -> list[QuarantinedLine]:
    if not report.quarantine_path:
        return []
    with open(report.quarantine_path, encoding="utf-8") as lines:
        rows = [json.loads(line) for _, line in zip(range(1000), lines, strict=False)]
    return [QuarantinedLine(line=r["line"], problems=r["problems"], text=r["text"]) for r in rows]


@router.post("/events", response_model=IngestResult, dependencies=[WriteAuth], responses={
    **_WRITES, 413: problem_response(f"The file is over {MAX_EVENT_FILE >> 20} MiB.")},
    openapi_extra={"requestBody": {"required": True, "description": "The event file's bytes.",
                                   "content": {"application/octet-stream": {
                                       "schema": {"type": "string", "format": "binary"}}}}})
async def ingest_file(
    request: Request, store: StoreDep, cache: CacheDep, settings: SettingsDep,
    filename: FileName,
    format: Annotated[Format, Query(description="auto recognises the file from its first "
                                                "line.")] = Format.auto,  # type: ignore[attr-defined]
    day: Annotated[date | None, Query(alias="date", description="Day a 9-column GDELT subset "
                                      "file covers (else YYYYMMDD in its name).")] = None,
    quarantine: Annotated[bool, Query(description=(
        "Set bad lines aside (returned, and kept beside the store) and ingest the rest; "
        "without it one bad line refuses the whole file."))] = False,
) -> IngestResult:
    """Ingest one uploaded event file (ICEWS, GDELT 1.0/2.0, the GDELT subset, PLOVER; plain,
    .gz or one-file .zip), all or nothing. A bad line refuses the file with 422 naming the
    file, line and field, and nothing is written, unless ``quarantine``. The server keeps the
    file (beside the store) so every event's file and line stay citable. Writes: needs the
    bearer token. Body: the file's bytes (``Content-Type: application/octet-stream``)."""
    data = await request.body()
    if not data:
        raise invalid("file", "the request body (the event file) is empty")
    return await run_in_threadpool(_ingest, store, cache, _uploads(store, settings), data,
                                   filename, format.value, day, quarantine)


def _ingest(store: Store, cache: Any, uploads: Path, data: bytes, filename: str, fmt: str,
            day: date | None, quarantine: bool) -> IngestResult:
    """Keep the file under ``uploads/<sha256 prefix>/`` and ingest it (see ``ingest_file``);
    a refused or already known file is not kept twice."""
    _writable(store)
    folder = uploads / hashlib.sha256(data).hexdigest()[:16]
    stored = folder / filename
    made_folder, existed = not folder.exists(), stored.exists()

    def forget() -> None:  # keep nothing this request wrote
        if not existed:
            stored.unlink(missing_ok=True)
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)

    if not existed:
        folder.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(data)
    try:
        with _write_lock:
            report = ingest_events(store, [stored], format=fmt, date=day,
                                   quarantine=uploads / "quarantine" if quarantine else None
                                   ).files[0]
            if report.status == "ingested":
                cache.clear()
    except BaseException as exc:
        forget()
        if isinstance(exc, ImportRejected):
            raise _renamed(exc, stored.resolve(), filename) from None
        raise
    kept = report.path
    if report.status == "unchanged":  # these bytes were ingested before: cite that file
        forget()
        kept = str(store.rows("SELECT path FROM event_files WHERE sha256 = ?",
                              [report.sha256])[0][0])
    unmapped = report.unmapped.to_pylist()[:200] if report.unmapped is not None else []
    return IngestResult(
        filename=filename, stored_as=kept, sha256=report.sha256, format=report.format,
        status=report.status, records=report.records, events_read=report.events_read,
        events_added=report.events_added, duplicates=report.duplicates,
        quarantined=report.quarantined, skipped=report.skipped, first_date=report.first_date,
        last_date=report.last_date, quarantined_lines=_quarantined(report),
        unmapped=[UnmappedCode(**u) for u in unmapped])


# -- plan evaluation -------------------------------------------------------------------------
class PlanHead(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    start: date = Field(description="When the plan starts acting.")
    freq: Freq | None = Field(None, description="Period of the event indicators (month).")
    baseline: list[date] | None = Field(None, min_length=2, max_length=2,
                                        description="[first day, last day] of the baseline.")
    owner: Name | None = None


class ObjectiveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Name
    indicator: Name = Field(description="An event indicator (net_cooperation, conflict, ...) "
                                        "or a panel 'verb:column' (capabilities:cinc).")
    target: float
    by: date
    side1: SideIn | None = None
    side2: SideIn | None = None
    state: SideIn | None = None
    directed: bool | None = None
    comparison: Literal["at_least", "at_most"] | None = None
    description: Annotated[str, StringConstraints(max_length=1000)] | None = None
    military: MilitaryFilter | None = None


class EngagementIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: date
    kind: Name
    actors: list[Name] = Field(min_length=2, max_length=50)
    objectives: list[Name] | None = Field(None, max_length=50)
    description: Annotated[str, StringConstraints(max_length=1000)] | None = None


class PlanEvaluationRequest(BaseModel):
    """A plan as in ``examples/plan.toml``, as JSON, and when to evaluate it."""

    model_config = ConfigDict(extra="forbid")

    plan: PlanHead
    objective: list[ObjectiveIn] = Field(min_length=1, max_length=50)
    engagement: list[EngagementIn] = Field(default_factory=list, max_length=100)
    as_of: date | None = Field(None, description="Default: the last day with events.")
    window_days: int = Field(3, ge=0, le=366, description="Days either side of an engagement "
                                                          "to look for its events.")


class ObjectiveProgress(BaseModel):
    objective: str
    indicator: str
    sides: str
    comparison: str
    target: float
    by: date
    baseline: float | None
    current: float | None
    current_period: date | None
    expected: float | None = Field(description="Where a straight path from baseline to target "
                                               "would be by as_of.")
    progress: float | None = Field(description="(current - baseline) / (target - baseline).")
    status: str = Field(description="met, on track, behind, missed or no data.")


class EngagementSeen(BaseModel):
    date: date
    kind: str
    actors: str
    objectives: str
    events: int
    cooperative: int
    conflictual: int
    military: int
    codes: str
    observed: bool


class PlanPoint(BaseModel):
    period: date
    value: float | None


class PlanEvaluationResult(BaseModel):
    plan: str
    as_of: date
    objectives: list[ObjectiveProgress]
    engagements: list[EngagementSeen]
    series: dict[str, list[PlanPoint]] = Field(description="Each objective's indicator.")
    data_versions: dict[str, str]
    sources: list[SourceRef]


_ENGAGEMENT_KEYS = ("date", "kind", "actors", "objectives")


def _plan_field(v: Violation) -> str:
    column = str(v.column or "plan")
    if column.startswith("plan."):
        return column
    if v.row is None:
        return "objective" if column == "objective" else f"objective.{column}"
    section = "engagement" if column in _ENGAGEMENT_KEYS else "objective"
    return f"{section}.{v.row - 1}.{column}"


@router.post("/plans/evaluate", response_model=PlanEvaluationResult)
def evaluate(body: PlanEvaluationRequest, store: StoreDep) -> PlanEvaluationResult:
    """Progress of a posted engagement plan, objective by objective (baseline, latest value,
    target, progress, status), and whether each planned engagement shows in the events.
    Reads only."""
    doc = {"plan": body.plan.model_dump(exclude_none=True),
           "objective": [o.model_dump(exclude_none=True) for o in body.objective],
           "engagement": [e.model_dump(exclude_none=True) for e in body.engagement]}
    try:
        plan = plan_from_dict(doc)
    except ImportRejected as exc:
        raise rejected(exc, _plan_field) from None
    for i, o in enumerate(body.objective):
        for key in ("side1", "side2", "state"):
            if getattr(o, key) is not None:
                _side(store, getattr(o, key), f"objective.{i}.{key}")
    for i, e in enumerate(body.engagement):
        for j, actor in enumerate(e.actors):
            _side(store, actor, f"engagement.{i}.actors.{j}")
    try:
        result = evaluate_plan(store, plan, as_of=body.as_of, window_days=body.window_days)
    except ImportRejected as exc:
        raise rejected(exc, _plan_field) from None
    versions = dict(result.data_versions)
    series = {key: [PlanPoint(**p) for p in table.to_pylist()]
              for key, table in result.series.items()}
    return PlanEvaluationResult(
        plan=plan.name, as_of=result.as_of,
        objectives=[ObjectiveProgress(**r) for r in result.objectives.to_pylist()],
        engagements=[EngagementSeen(**r) for r in result.engagements.to_pylist()],
        series=series, data_versions=versions, sources=_refs(versions))
