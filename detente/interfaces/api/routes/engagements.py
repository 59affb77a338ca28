"""Engagements: filtered and paged (JSON, CSV, Parquet), an actor's engagement profile, and
the import of user-entered engagements (bearer token, all or nothing, idempotent)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import pyarrow.compute as pc
from fastapi import APIRouter, Body, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from detente._errors import ActorError
from detente.engagements import (
    TEMPLATE_COLUMNS,
    engagement_page,
    import_engagement_rows,
    profile,
    read_engagement_csv,
    resolve_actor_id,
)
from detente.interfaces.api.deps import WRITE_LOCK, CacheDep, StoreDep, WriteAuth, writable
from detente.interfaces.api.middleware import ResponseCache
from detente.interfaces.api.refusals import invalid
from detente.interfaces.api.routes._formats import (
    TABULAR_RESPONSES,
    Format,
    FormatQuery,
    tabular,
)
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear
from detente.interfaces.api.routes.instruments import InstrumentId
from detente.interfaces.api.schemas import (
    WRITE_RESPONSES,
    SourceRef,
    YearSpan,
    problem_response,
    source_refs,
    versions_for,
)
from detente.interfaces.links import source_href
from detente.sources import SOURCES
from detente.store import Store

router = APIRouter(tags=["engagements"])

MAX_ROWS = 10_000
"""Most rows one import request may carry (the body is also limited to 1 MiB)."""
ActorQuery = Annotated[str | None, Query(min_length=1, max_length=100, examples=["IND"],
                                         description="COW code, ISO3, name or actor id "
                                         "(NATO, MISSION:UNIFIL); matched on either side.")]


class EngagementPublic(BaseModel):
    """One engagement: who, through which instrument, when, how much, and from which row."""

    engagement_id: str
    instrument: str
    actor1: str
    actor2: str
    ccode1: int | None = Field(description="COW code of actor1 when it is a state.")
    ccode2: int | None
    directed: bool = Field(description="True: actor1 toward actor2 (arms from 1 to 2).")
    year: int | None
    start_date: date | None
    end_date: date | None
    magnitude: float | None
    unit: str | None
    source_id: str = Field(description="Source id, or user:<label> for imported rows.")
    source_table: str | None
    source_row: int | None = Field(description="Row in the source table or imported file.")
    event_id: str | None = Field(description="Rows of one event (an exercise) share it.")
    detail: str | None
    source_href: str | None = Field(description="The source's entry on /sources (null: "
                                    "user-entered).")


class EngagementsPage(BaseModel):
    count: int
    total: int
    offset: int
    limit: int
    data: list[EngagementPublic]
    data_versions: dict[str, str]
    sources: list[SourceRef]


class ProfileSource(BaseModel):
    id: str
    version: str | None
    citation: str
    href: str | None = Field(description="The source's entry on /sources (null: user-entered).")


class PartnerTotal(BaseModel):
    partner: str = Field(description="Actor id (a COW code for a state).")
    name: str
    source: str
    unit: str
    total: float = Field(description="Summed magnitude over the years, in unit.")
    first_year: int
    last_year: int
    by_year: dict[str, float]


class FeedYear(BaseModel):
    source: str
    way: str = Field(description="to, from (directed instruments) or with (mutual).")
    unit: str
    year: int
    partners: int = Field(description="Distinct partners that year.")
    engagements: int = Field(description="Distinct engagements (an exercise counts once).")
    magnitude: float = Field(description="Summed magnitude, in unit.")


class FeedCount(BaseModel):
    source: str
    way: str
    unit: str
    partners: int = Field(description="Distinct partners over the years asked.")


class InstrumentProfile(BaseModel):
    name: str
    direction: str
    units: list[str]
    sources: list[ProfileSource]
    partners: dict[str, list[PartnerTotal]] = Field(
        description="Top partners per way (to, from, with), per source and unit.")
    counts: list[FeedCount]
    series: list[FeedYear]


class EngagementProfile(BaseModel):
    actor: str
    name: str
    years: YearSpan | None
    instruments: dict[str, InstrumentProfile]
    data_versions: dict[str, str]


class EngagementRow(BaseModel):
    """One engagement to import; the columns of ``detente engagements template``."""

    instrument: str = Field(max_length=64, examples=["attache"])
    actor1: str = Field(max_length=100, examples=["IND"])
    actor2: str = Field(max_length=100, examples=["FRA"])
    start_date: str | None = Field(None, max_length=32, description="YYYY-MM-DD")
    end_date: str | None = Field(None, max_length=32)
    year: int | str | None = Field(None, description="Default: the start date's year.")
    magnitude: float | str | None = Field(None, description="Non-negative; default 1.")
    unit: str | None = Field(None, max_length=100)
    source: str | None = Field(None, max_length=200, description="Where the row comes from.")
    detail: str | None = Field(None, max_length=2000)


class ImportRequest(BaseModel):
    label: str = Field("api", min_length=1, max_length=100, pattern=r"^[\w.\- ]+$",
                       description="Names the batch: rows without a source are stored as "
                                   "user:<label>, and errors name it.")
    rows: list[EngagementRow] = Field(min_length=1, max_length=MAX_ROWS)


class ImportResult(BaseModel):
    received: int
    imported: int = Field(description="Rows that were new.")
    unchanged: int = Field(description="Rows already in the store (importing twice adds "
                                       "nothing).")


_WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **WRITE_RESPONSES,
    422: problem_response("Invalid request, or rows refused: `errors` lists every refused "
                          "cell (file, line, field, message, value); nothing was written."),
}


def _actor(store: Store, text: str | None, field: str, year: int | None) -> str | None:
    if text is None:
        return None
    try:
        return resolve_actor_id(store, text, year)
    except ActorError as exc:
        invalid(field, str(exc))


def _years(first: int | None, last: int | None) -> tuple[int, int] | None:
    if first is None and last is None:
        return None
    if first is not None and last is not None and first > last:
        invalid("from", f"years run backwards: {first} > {last}")
    return (first if first is not None else -10_000, last if last is not None else 10_000)


@router.get("/engagements", response_model=EngagementsPage, responses=TABULAR_RESPONSES)
def list_engagements(
    store: StoreDep,
    instrument: Annotated[InstrumentId | None, Query()] = None,
    actor: ActorQuery = None,
    partner: Annotated[str | None, Query(min_length=1, max_length=100, examples=["PAK"],
                                         description="With actor: only the engagements "
                                         "between the two, either way.")] = None,
    source: Annotated[str | None, Query(max_length=100, examples=["mme"],
                                        description="A source id, or user:<label>.")] = None,
    first: FromYear = None, last: ToYear = None, format: FormatQuery = Format.json,
    limit: Annotated[int, Query(ge=1, le=10_000, description="Rows per page.")] = 1000,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response | EngagementsPage:
    """Engagements from open data and user imports, filtered, in a stable order, paged."""
    years = _years(first, last)
    if partner is not None and actor is None:
        invalid("partner", "give actor too: partner selects the engagements between the two")
    year_for = years[1] if years and years[1] < 10_000 else None
    who, other = _actor(store, actor, "actor", year_for), _actor(store, partner, "partner",
                                                                 year_for)
    table, total = engagement_page(store, limit=limit, offset=offset,
                                   instrument=instrument.value if instrument else None,
                                   actor=who, partner=other, years=years, source=source)
    if format is not Format.json:
        return tabular(table, format, total)
    ids = [s for s in pc.unique(table["source_id"]).to_pylist() if s in SOURCES]
    versions = versions_for(store, ids)
    data = [EngagementPublic(**r, source_href=source_href(r["source_id"],
                                                          versions[r["source_id"]])
                             if r["source_id"] in versions else None)
            for r in table.to_pylist()]
    return EngagementsPage(count=len(data), total=total, offset=offset, limit=limit, data=data,
                           data_versions=versions, sources=source_refs(versions))


@router.get("/actors/{query}/engagements", response_model=EngagementProfile)
def get_engagement_profile(
    query: ActorPath, store: StoreDep, first: FromYear = None, last: ToYear = None,
    top: Annotated[int, Query(ge=1, le=50, description="Partners per source and way.")] = 5,
) -> EngagementProfile:
    """Per instrument, the actor's top partners and its engagements year by year, per source
    (MME and JME are never added together) and unit."""
    prof = profile(store, query, years=_years(first, last), top=top)
    versions: dict[str, str] = {}
    instruments = {}
    for key, ins in prof["instruments"].items():
        cited = []
        for s in ins["sources"]:
            href = source_href(s["id"], s["version"]) if s["id"] in SOURCES else None
            if s["id"] in SOURCES:
                versions[s["id"]] = s["version"]
            cited.append(ProfileSource(**s, href=href))
        instruments[key] = InstrumentProfile(**{**ins, "sources": cited})
    span = prof["years"]
    return EngagementProfile(actor=prof["actor"], name=prof["name"],
                             years=YearSpan(first=span[0], last=span[1]) if span else None,
                             instruments=instruments, data_versions=versions)


def _import(store: Store, cache: ResponseCache, records: list[dict[str, Any]], *, file: str,
            name: str, first_row: int) -> ImportResult:
    with WRITE_LOCK:  # a refusal (ImportRejected) is answered 422 with every cell named
        added = import_engagement_rows(store, records, file=file, name=name,
                                       first_row=first_row)
        cache.clear()
    return ImportResult(received=len(records), imported=added, unchanged=len(records) - added)


@router.post("/engagements/import", response_model=ImportResult, dependencies=[WriteAuth],
             responses=_WRITE_RESPONSES)
def import_rows(body: ImportRequest, store: StoreDep, cache: CacheDep
                ) -> ImportResult:
    """Import user-entered engagements (JSON rows), all or nothing.

    Needs ``Authorization: Bearer $DETENTE_API_TOKEN``. Every row is checked first (known
    instrument, actors that resolve, ISO dates, a year, a non-negative magnitude); if any
    cell is wrong nothing is written and every refused row and column is listed. Rows
    already imported are skipped, so sending the same rows twice adds nothing.
    """
    writable(store, "import")
    records = [r.model_dump() for r in body.rows]
    return _import(store, cache, records, file=f"request body ({body.label})", name=body.label,
                   first_row=1)


@router.post("/engagements/import/csv", response_model=ImportResult, dependencies=[WriteAuth],
             responses=_WRITE_RESPONSES)
def import_csv(
    text: Annotated[str, Body(media_type="text/csv", examples=[
        ",".join(TEMPLATE_COLUMNS) + "\nattache,IND,FRA,,,2010,2,officers,MoD list,\n"],
        description="A CSV with the template's columns (detente engagements template).")],
    store: StoreDep, cache: CacheDep,
    label: Annotated[str, Query(min_length=1, max_length=100, pattern=r"^[\w.\- ]+$",
                                description="Names the file in errors and sources.")]
    = "upload.csv",
) -> ImportResult:
    """Import user-entered engagements from a CSV body (the CLI's template), all or nothing,
    as ``POST /engagements/import``; rows are named by their line in the file."""
    import io

    writable(store, "import")
    records = read_engagement_csv(io.StringIO(text.removeprefix("\ufeff"), newline=""), label)
    if len(records) > MAX_ROWS:
        invalid("body", f"at most {MAX_ROWS:,} rows per request; this has {len(records):,}",
                where="body")
    return _import(store, cache, records, file=label, name=label, first_row=2)
