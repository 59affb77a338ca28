"""Monitor relations from event data: ingest, dyadic temperature, alerts, engagement plans."""

from detente.monitor._formats import FORMATS, detect_format
from detente.monitor._ingest import FileReport, IngestReport, ingest_events

__all__ = ["FORMATS", "FileReport", "IngestReport", "detect_format", "ingest_events"]
