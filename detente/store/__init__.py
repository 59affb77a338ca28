"""The embedded DuckDB store and the pull that fills it."""

from detente.store._ingest import PullResult, pull
from detente.store._store import Store, open_store

__all__ = ["PullResult", "Store", "open_store", "pull"]
