"""The monitor API's request and answer schemas: status, temperature, alerts, watchlists
(as in ``examples/watchlist.toml``), event uploads and plans (as in ``examples/plan.toml``)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from detente.interfaces.api.schemas import SourceRef
from detente.monitor import FORMATS, METRICS

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
SideIn = Name | Annotated[list[Name], Field(min_length=1, max_length=50)]
"""A state, or a group of states."""
Freq = Literal["day", "week", "month", "year"]
MilitaryFilter = Literal["any", "either", "both"]
Metric = StrEnum("Metric", {m: m for m in METRICS})  # type: ignore[misc]
Format = StrEnum("Format", {f: f for f in ("auto", *FORMATS)})  # type: ignore[misc]


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
