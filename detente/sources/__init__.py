"""Data sources: declarations, fetching, schema checks, and the registry."""

from detente.sources._declare import Column, Source, SourceFile, Table
from detente.sources.registry import SOURCES, cite, get_source, versions

__all__ = ["SOURCES", "Column", "Source", "SourceFile", "Table", "cite", "get_source", "versions"]
