"""Sources and citations: what each dataset is, its terms and BibTeX; pulling sources in."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import WRITE_LOCK, CacheDep, StoreDep, WriteAuth, writable
from detente.interfaces.api.schemas import WRITE_RESPONSES, YearSpan
from detente.interfaces.links import source_href
from detente.sources import SOURCES, Source, get_source
from detente.store import Store, pull

router = APIRouter(prefix="/sources", tags=["sources"])

SourceId = Annotated[str, Path(max_length=64, examples=["cow_nmc"], description="A source id.")]


class LoadedTable(BaseModel):
    table: str
    rows: int
    coverage: YearSpan | None
    sha256: str
    loaded_at: datetime


class SourceBase(BaseModel):
    id: str
    title: str
    producer: str
    version: str
    homepage: str
    license: str
    unit: str
    system: str = Field(description="Code system of the data (cow, gw, iso3, ...).")
    coverage: YearSpan | None


class SourcePublic(SourceBase):
    citation: str
    terms: str
    href: str = Field(description="Dashboard address of this source's entry.")
    loaded: list[LoadedTable] = Field(description="Tables in the store (empty: not pulled).")


class SourcesPublic(BaseModel):
    count: int
    data: list[SourcePublic]


class FilePublic(BaseModel):
    name: str
    path: str
    url: str
    sha256: str
    format: str


class ColumnPublic(BaseModel):
    name: str
    dtype: str
    nullable: bool
    description: str
    missing: list[str]


class TablePublic(BaseModel):
    name: str
    key: list[str]
    description: str
    columns: list[ColumnPublic]


class SourceDetail(SourcePublic):
    bibtex: str
    missing_values: str
    notes: str
    files: list[FilePublic]
    tables: list[TablePublic]


class PullRequest(BaseModel):
    sources: list[str] | None = Field(
        default=None, max_length=64,
        description="Source ids to pull (default: every declared source).")
    force: bool = Field(default=False, description="Reload even when unchanged.")


class PullResultPublic(BaseModel):
    source_id: str
    version: str
    status: str = Field(description="loaded or unchanged")
    rows: int
    coverage: YearSpan | None


class PullResponse(BaseModel):
    count: int
    data: list[PullResultPublic]


def _loaded(store: Store) -> dict[str, list[LoadedTable]]:
    out: dict[str, list[LoadedTable]] = {}
    for r in store.provenance().to_pylist():
        cov = (YearSpan(first=r["coverage_start"], last=r["coverage_end"])
               if r["coverage_start"] is not None else None)
        out.setdefault(r["source_id"], []).append(LoadedTable(
            table=r["table_name"], rows=r["rows"], coverage=cov, sha256=r["sha256"],
            loaded_at=r["loaded_at"].replace(tzinfo=UTC)))  # stored as naive UTC
    return out


def _public(s: Source, loaded: list[LoadedTable]) -> dict[str, object]:
    cov = YearSpan(first=s.coverage[0], last=s.coverage[1]) if s.coverage else None
    return dict(id=s.id, title=s.title, producer=s.producer, version=s.version,
                homepage=s.homepage, license=s.license, unit=s.unit, system=s.system,
                coverage=cov, citation=s.citation, terms=s.terms,
                href=source_href(s.id, s.version), loaded=loaded)


@router.get("", response_model=SourcesPublic)
def list_sources(store: StoreDep) -> SourcesPublic:
    """Every declared source: producer, version, coverage, terms and what the store holds."""
    loaded = _loaded(store)
    data = [SourcePublic(**_public(s, loaded.get(s.id, []))) for s in SOURCES.values()]
    return SourcesPublic(count=len(data), data=data)


@router.get("/citations", response_class=PlainTextResponse,
            responses={200: {"content": {"text/plain": {}}}})
def get_citations(
    ids: Annotated[list[str] | None, Query(max_length=64, description="Source ids (default: "
                                           "all).")] = None,
) -> PlainTextResponse:
    """BibTeX for several sources (default: every source), one entry after another."""
    chosen = ids or list(SOURCES)
    return PlainTextResponse("\n\n".join(get_source(i).bibtex for i in chosen) + "\n")


@router.get("/{source_id}", response_model=SourceDetail)
def get_source_detail(source_id: SourceId, store: StoreDep) -> SourceDetail:
    """One source in full: files with checksums and origins, tables, missing values, quirks."""
    s = get_source(source_id)
    files = [FilePublic(name=f.name, path=f.path, url=f.url, sha256=f.sha256, format=f.format)
             for f in s.files]
    tables = [TablePublic(name=t.name, key=list(t.key), description=t.description, columns=[
        ColumnPublic(name=c.name, dtype=c.dtype, nullable=c.nullable,
                     description=c.description, missing=[str(m) for m in c.missing])
        for c in t.columns]) for t in s.tables]
    return SourceDetail(**_public(s, _loaded(store).get(s.id, [])), bibtex=s.bibtex,
                        missing_values=s.missing_values, notes=s.notes, files=files,
                        tables=tables)


@router.get("/{source_id}/bibtex", response_class=PlainTextResponse,
            responses={200: {"content": {"text/plain": {}}}})
def get_source_bibtex(source_id: SourceId) -> PlainTextResponse:
    """BibTeX for one source (as ``detente data cite``)."""
    return PlainTextResponse(get_source(source_id).bibtex + "\n")



@router.post("/pull", response_model=PullResponse, dependencies=[WriteAuth], responses=WRITE_RESPONSES)
def pull_sources(body: PullRequest, request: Request, cache: CacheDep) -> PullResponse:
    """Pull sources from ``DETENTE_MIRROR`` (else their origins) into the store, all or nothing.

    Needs ``Authorization: Bearer $DETENTE_API_TOKEN``. Unchanged sources are skipped.
    """
    ids = body.sources or list(SOURCES)
    for sid in ids:
        get_source(sid)  # an unknown id is refused before any work
    store: Store = request.app.state.store
    writable(store, "pull")
    with WRITE_LOCK:
        results = pull(store, ids, force=body.force)
        cache.clear()
    data = [PullResultPublic(source_id=r.source_id, version=r.version, status=r.status,
                             rows=r.rows, coverage=YearSpan(first=r.coverage[0],
                                                            last=r.coverage[1])
                             if r.coverage else None) for r in results]
    return PullResponse(count=len(data), data=data)
