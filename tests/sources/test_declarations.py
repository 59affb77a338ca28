"""Conformance: every declared source is complete and its files are the declared bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.sources import SOURCES
from detente.sources._declare import Source
from detente.sources._fetch import verify
from detente.sources.registry import cite, get_source, table_owner, versions

ALL = sorted(SOURCES)


@pytest.mark.parametrize("source_id", ALL)
def test_declaration_is_complete(source_id: str) -> None:
    s: Source = SOURCES[source_id]
    assert s.id == source_id and re.fullmatch(r"[a-z][a-z0-9_]*", s.id)
    for attr in ("title", "producer", "version", "homepage", "citation", "license", "terms"):
        assert getattr(s, attr).strip(), f"{source_id}.{attr} is empty"
    assert s.bibtex.lstrip().startswith("@") and s.bibtex.count("{") == s.bibtex.count("}")
    assert s.files and s.tables
    for f in s.files:
        assert re.fullmatch(r"[0-9a-f]{64}", f.sha256), f.name
        assert f.url.startswith("https://"), f.url
    names = {f.name for f in s.files}
    for t in s.tables:
        assert t.file in names or s.prepare is not None, t.file
        cols = [c.name for c in t.columns]
        assert len(cols) == len(set(cols)), f"{t.name} repeats a column"
        assert set(t.key) <= set(cols)
        assert set(t.coverage) <= set(cols)


@pytest.mark.parametrize("source_id", ALL)
def test_mirror_files_match_declared_checksums(source_id: str, mirror: Path) -> None:
    for f in SOURCES[source_id].files:
        verify(mirror / f.path, f)


def test_table_names_are_unique_across_sources() -> None:
    names = [t.name for s in SOURCES.values() for t in s.tables]
    assert len(names) == len(set(names))
    assert table_owner("atop_dyad_years").id == "atop"


def test_cite_returns_bibtex_and_versions_are_as_published() -> None:
    assert "@article{leedsetal2002atop" in cite("atop")
    v = versions()
    assert v["atop"] == "5.1" and v["cow_nmc"] == "7.0" and v["cow_alliance"] == "4.1"
    assert v["cow_mid"] == "5.0" and v["gml_mid"] == "2.2.1" and v["cow_states"] == "2016"


def test_unknown_source_lists_known_ids() -> None:
    with pytest.raises(Exception, match="known sources: .*atop"):
        get_source("atopp")
