"""Monitor relations from event data: ingest, dyadic temperature, alerts, engagement plans.

- :func:`ingest_events` reads ICEWS, GDELT 1.0/2.0 (and the 9-column GDELT subset) and
  PLOVER files into the store's ``events`` table, incrementally and de-duplicated.
- :func:`temperature` and :func:`dyad_temperature` give daily, weekly, monthly or yearly
  series per dyad or group: counts per quad class, Goldstein totals and means, net
  cooperation. The same SQL runs on DuckDB or Spark (:class:`DuckDBEngine`,
  :class:`SparkEngine`).
- :func:`run_watchlist` runs threshold, rolling z-score and CUSUM detectors on watched
  relationships and keeps the alert history in the store.
- :func:`evaluate_plan` reports an engagement plan's progress, objective by objective.
- :func:`event_coverage` says what the store holds of the event stream.
"""

from detente.monitor._detect import cusum_alarms, threshold_alarms, zscore_alarms
from detente.monitor._engines import DuckDBEngine, Engine, SparkEngine, local_spark
from detente.monitor._formats import FORMATS, detect_format
from detente.monitor._ingest import FileReport, IngestReport, ingest_events
from detente.monitor._plans import Plan, PlanEvaluation, evaluate_plan, read_plan
from detente.monitor._status import EventCoverage, event_coverage, event_versions
from detente.monitor._temperature import (
    METRICS,
    covered_periods,
    dyad_temperature,
    export_events,
    temperature,
)
from detente.monitor._watch import (
    Watch,
    Watchlist,
    WatchRun,
    alert_history,
    read_watchlist,
    run_watchlist,
)

__all__ = [
    "FORMATS",
    "METRICS",
    "DuckDBEngine",
    "Engine",
    "EventCoverage",
    "FileReport",
    "IngestReport",
    "Plan",
    "PlanEvaluation",
    "SparkEngine",
    "Watch",
    "WatchRun",
    "Watchlist",
    "alert_history",
    "covered_periods",
    "cusum_alarms",
    "detect_format",
    "dyad_temperature",
    "evaluate_plan",
    "event_coverage",
    "event_versions",
    "export_events",
    "ingest_events",
    "local_spark",
    "read_plan",
    "read_watchlist",
    "run_watchlist",
    "temperature",
    "threshold_alarms",
    "zscore_alarms",
]
