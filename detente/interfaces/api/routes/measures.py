"""Measures: any registered index for a year or a range, with its method and data versions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import FromYear, StateCode, ToYear
from detente.interfaces.api.schemas import (
    SourceRef,
    YearSpan,
    source_refs,
    versions_for,
)
from detente.measures import MEASURES, Measure, MeasureError, get_measure, measure_table
from detente.store import Store

router = APIRouter(prefix="/measures", tags=["measures"])

MeasureId = Annotated[str, Path(max_length=64, examples=["cinc"],
                                description="A registered measure id.")]


class MeasurePublic(BaseModel):
    id: str
    title: str
    unit: str = Field(description="How to read a value.")
    description: str
    method: str = Field(description="The published method, as computed here.")
    components: list[str]
    component_units: str
    coverage: YearSpan = Field(description="Years the loaded data cover.")
    sources: list[SourceRef]


class MeasuresPublic(BaseModel):
    count: int
    data: list[MeasurePublic]


class MeasureValue(BaseModel):
    ccode: int
    year: int
    name: str | None
    iso3: str | None
    value: float
    rank: int = Field(description="Rank among states with a value that year (1 = highest).")
    ranked: int = Field(description="How many states have a value that year.")
    components: dict[str, float | None]


class MeasureValues(BaseModel):
    measure: MeasurePublic
    years: YearSpan
    count: int
    total: int
    offset: int
    limit: int
    data: list[MeasureValue]
    data_versions: dict[str, str]


def measure_public(store: Store, m: Measure) -> MeasurePublic:
    """A measure's public description, with the loaded coverage and versions."""
    first, last = m.coverage(store)
    return MeasurePublic(id=m.id, title=m.title, unit=m.unit, description=m.description,
                         method=m.method, components=list(m.components),
                         component_units=m.component_units,
                         coverage=YearSpan(first=first, last=last),
                         sources=source_refs(versions_for(store, m.sources)))


@router.get("", response_model=MeasuresPublic)
def list_measures(store: StoreDep) -> MeasuresPublic:
    """Every registered measure with its unit, method, coverage and sources."""
    data = [measure_public(store, m) for m in MEASURES.values()]
    return MeasuresPublic(count=len(data), data=data)


@router.get("/{measure_id}", response_model=MeasureValues)
def get_measure_values(
    measure_id: MeasureId,
    store: StoreDep,
    year: Annotated[int | None, Query(ge=1000, le=3000, description="One year (default: the "
                                      "latest covered). Exclusive with from/to.")] = None,
    first: FromYear = None,
    last: ToYear = None,
    ccode: Annotated[list[StateCode] | None, Query(max_length=300,
                                             description="Keep these COW codes only.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> MeasureValues:
    """Values of one measure, ranked within each year, with its method and data versions."""
    m = get_measure(measure_id)
    covered = m.coverage(store)
    if year is not None and (first is not None or last is not None):
        raise MeasureError("give either year or from/to, not both")
    lo, hi = (year, year) if year is not None else (
        first if first is not None else (covered[0] if last is not None else covered[1]),
        last if last is not None else covered[1])
    table = measure_table(store, m, (lo, hi), states=ccode)
    page = table.slice(offset, limit).to_pylist()
    data = [MeasureValue(ccode=r["ccode"], year=r["year"], name=r["name"], iso3=r["iso3"],
                         value=r["value"], rank=r["rank"], ranked=r["ranked"],
                         components={c: r[c] for c in m.components}) for r in page]
    return MeasureValues(measure=measure_public(store, m), years=YearSpan(first=lo, last=hi),
                         count=len(data), total=table.num_rows, offset=offset, limit=limit,
                         data=data, data_versions=versions_for(store, m.sources))
