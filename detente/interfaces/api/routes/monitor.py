"""Monitor relations from event data: temperature series, the alert history, watchlist runs,
event file ingest and engagement plan evaluation.

Reads and plan evaluation are open. Running a watchlist (it records alerts) and ingesting an
event file write to the store: they need ``Authorization: Bearer $DETENTE_API_TOKEN``, run one
at a time, and clear the response cache.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import pyarrow as pa
from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from detente._errors import ActorError, ImportRejected, Violation
from detente.actors import resolve_actor
from detente.interfaces.api.deps import (
    WRITE_LOCK,
    CacheDep,
    SettingsDep,
    StoreDep,
    WriteAuth,
    writable,
)
from detente.interfaces.api.refusals import invalid, rejected
from detente.interfaces.api.routes._monitor_schemas import (
    AlertPublic,
    AlertsPage,
    EngagementSeen,
    EventFilePublic,
    Format,
    Freq,
    IngestResult,
    MilitaryFilter,
    MonitorStatus,
    Name,
    ObjectiveProgress,
    PlanEvaluationRequest,
    PlanEvaluationResult,
    PlanPoint,
    TemperaturePoint,
    TemperatureSeries,
    WatchlistResult,
    WatchlistRun,
)
from detente.interfaces.api.routes._writes import (
    MAX_EVENT_FILE,
    ingest_upload,
    uploads_folder,
)
from detente.interfaces.api.schemas import (
    WRITE_RESPONSES,
    SourceRef,
    problem_response,
    source_refs,
)
from detente.monitor import (
    alert_history,
    evaluate_plan,
    event_coverage,
    event_versions,
    run_watchlist,
    temperature,
)
from detente.monitor._plans import plan_from_dict
from detente.monitor._status import INGEST_HINT
from detente.monitor._temperature import side_codes
from detente.monitor._watch import watches_for, watchlist_from_dict
from detente.sources import SOURCES
from detente.store import Store

router = APIRouter(prefix="/monitor", tags=["monitor"])

_WRITES: dict[int | str, dict[str, Any]] = {
    **WRITE_RESPONSES,
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
        invalid(field, str(exc), where=where)


# -- status ----------------------------------------------------------------------------------
@router.get("/status", response_model=MonitorStatus)
def get_status(store: StoreDep) -> MonitorStatus:
    """What the store holds of the event stream: events, days, files, alerts, codebooks."""
    cover = event_coverage(store)
    versions = event_versions(store)
    files = [EventFilePublic(**r) for r in cover.files.to_pylist()]
    return MonitorStatus(events=cover.events, dyadic=cover.dyadic, first_date=cover.first,
                         last_date=cover.last, alerts=alert_history(store).num_rows,
                         files=files, hint=INGEST_HINT if cover.empty else None,
                         data_versions=versions, sources=_refs(versions))


# -- temperature -----------------------------------------------------------------------------
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
        invalid("to", f"{last} is before from={first}", where="query")
    label1, codes1 = _side(store, a[0] if len(a) == 1 else a, "a", where="query")
    label2, codes2 = _side(store, b[0] if len(b) == 1 else b, "b", where="query")
    try:
        table = temperature(store, codes1, codes2, freq=freq, directed=directed, start=first,
                            end=last, military=military, label1=label1, label2=label2)
    except ActorError as exc:  # the sides overlap
        invalid("b", str(exc), where="query")
    versions = event_versions(store)
    return TemperatureSeries(
        side1=label1, side2=label2, freq=freq, directed=directed, military=military,
        count=table.num_rows, data=[TemperaturePoint(**r) for r in
                                    table.drop_columns(["side1", "side2"]).to_pylist()],
        data_versions=versions, sources=_refs(versions))


# -- alerts ----------------------------------------------------------------------------------
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
        invalid("b" if b is None else "a", "give both sides of the dyad (a and b)",
                      where="query")
    sides = (side_label(store, a), side_label(store, b)) if a and b else None
    table = alert_history(store, watch=watch, since=first, until=last, sides=sides,
                          newest_first=True)
    page = table.slice(offset, limit)
    data = _alerts_public(store, page)
    return AlertsPage(count=len(data), total=table.num_rows, offset=offset, limit=limit,
                      data=data)


# -- watchlist run ---------------------------------------------------------------------------
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
        rejected(exc, _watch_field)
    for i, w in enumerate(body.watch):
        for key in ("side1", "side2"):
            _side(store, getattr(w, key), f"watch.{i}.{key}")
    if not body.dry_run:
        writable(store)
    with WRITE_LOCK:
        result = run_watchlist(store, watchlist, record=not body.dry_run)
        if not body.dry_run:
            cache.clear()
    new = result.new.append_column("raised_at", pa.nulls(result.new.num_rows, pa.timestamp("us")))
    return WatchlistResult(recorded=not body.dry_run, flagged=result.alerts.num_rows,
                           new_count=result.new.num_rows, new=_alerts_public(store, new))


# -- event ingest ----------------------------------------------------------------------------
FileName = Annotated[str, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$",
                                examples=["events.2018.sample.tab"], description=(
                                    "The file's name (no folders): its suffix says whether it "
                                    "is compressed (.gz, .zip), and a GDELT subset's day is "
                                    "read from a YYYYMMDD in it."))]


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
        invalid("file", "the request body (the event file) is empty", where="body")
    return await run_in_threadpool(ingest_upload, store, cache, uploads_folder(store, settings),
                                   data, filename, format.value, day, quarantine)


# -- plan evaluation -------------------------------------------------------------------------
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
        rejected(exc, _plan_field)
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
        rejected(exc, _plan_field)
    versions = dict(result.data_versions)
    series = {key: [PlanPoint(**p) for p in table.to_pylist()]
              for key, table in result.series.items()}
    return PlanEvaluationResult(
        plan=plan.name, as_of=result.as_of,
        objectives=[ObjectiveProgress(**r) for r in result.objectives.to_pylist()],
        engagements=[EngagementSeen(**r) for r in result.engagements.to_pylist()],
        series=series, data_versions=versions, sources=_refs(versions))
