"""Measures: any registered index for a year or a range, with its method and data versions."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.refusals import invalid
from detente.interfaces.api.routes._params import FromYear, StateCode, ToYear
from detente.interfaces.api.schemas import (
    SourceRef,
    YearSpan,
    source_refs,
    versions_for,
)
from detente.measures import (
    MEASURES,
    CompositeWeights,
    Measure,
    MeasureError,
    WeightsError,
    components,
    measure_coverage,
    measure_sources,
    measure_table,
)
from detente.store import Store

router = APIRouter(prefix="/measures", tags=["measures"])
MAX_WEIGHT = 1000.0

MeasureName = Annotated[str, Path(max_length=64, examples=["cinc"],
                                  description="A registered measure name.")]


class MeasurePublic(BaseModel):
    name: str
    title: str
    unit: str = Field(description="How to read a value.")
    method: str = Field(description="The published method, as computed here.")
    citation: str
    higher_is_better: bool = Field(description="Rank 1 is the highest value if true.")
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
    rank: int = Field(description="Rank among states with a value that year (1 = best).")
    ranked: int = Field(description="How many states have a value that year.")
    components: dict[str, float | None] = Field(description="The measure's component values.")


class MeasureValues(BaseModel):
    measure: MeasurePublic
    years: YearSpan
    count: int
    total: int
    offset: int
    limit: int
    data: list[MeasureValue]
    data_versions: dict[str, str]


def find_measure(name: str) -> Measure:
    """The registered measure ``name``, or a 404 naming the measures that exist."""
    if name not in MEASURES:
        raise HTTPException(404, f"unknown measure {name!r}; known measures: "
                                 f"{', '.join(sorted(MEASURES))}")
    return MEASURES[name]


def composite_weights(m: Measure, text: str) -> CompositeWeights:
    """The ``weights`` parameter as composite weights, or a 422 naming it."""
    if "weights" not in m.options:
        invalid("weights", f"measure {m.name!r} takes no weights")
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        weights = CompositeWeights.from_mapping(data, where="weights")
    except (ValueError, WeightsError) as exc:
        invalid("weights", f"{exc}")
    if any(w > MAX_WEIGHT for w in (*weights.pillars.values(),
                                    *(v for d in weights.indicators.values() for v in d.values()))):
        invalid("weights", f"weights are relative: keep each at most {MAX_WEIGHT:g}")
    return weights


def measure_public(store: Store, m: Measure) -> MeasurePublic:
    """A measure's public description, with the loaded coverage and versions."""
    first, last = measure_coverage(store, m)
    return MeasurePublic(name=m.name, title=m.title, unit=m.unit, method=m.method,
                         citation=m.citation, higher_is_better=m.higher_is_better,
                         coverage=YearSpan(first=first, last=last),
                         sources=source_refs(versions_for(store, measure_sources(m))))


@router.get("", response_model=MeasuresPublic)
def list_measures(store: StoreDep) -> MeasuresPublic:
    """Every registered measure with its unit, method, citation, coverage and sources."""
    data = [measure_public(store, m) for m in MEASURES.values()]
    return MeasuresPublic(count=len(data), data=data)


@router.get("/{name}", response_model=MeasureValues)
def get_measure_values(
    name: MeasureName,
    store: StoreDep,
    year: Annotated[int | None, Query(ge=1000, le=3000, description="One year (default: the "
                                      "latest covered). Exclusive with from/to.")] = None,
    first: FromYear = None,
    last: ToYear = None,
    ccode: Annotated[list[StateCode] | None, Query(max_length=300,
                                             description="Keep these COW codes only.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    weights: Annotated[str | None, Query(max_length=4000, examples=[
        '{"pillars": {"peacekeeping": 1, "defence_attraction": 2, "diplomatic_reach": 1, '
        '"un_alignment": 1, "humanitarian": 1}, "indicators": {"peacekeeping": '
        '{"pko_personnel": 1, "pko_missions": 1}, "defence_attraction": {"exercise_partners": '
        '1, "arms_clients": 1, "alliance_partners": 1}, "diplomatic_reach": '
        '{"igo_memberships": 1, "attache_partners": 1}, "un_alignment": {"un_agreement": 1}, '
        '"humanitarian": {"hadr_partners": 1}}}'],
        description="Composite weights as JSON (soft_power, soft_hard_balance): "
        '{"pillars": {...}, "indicators": {pillar: {...}}}, as soft_power_weights.toml.')]
    = None,
) -> MeasureValues:
    """Values of one measure, ranked within each year, with its method and data versions."""
    m = find_measure(name)
    options = {"weights": composite_weights(m, weights)} if weights is not None else {}
    covered = measure_coverage(store, m)
    if year is not None and (first is not None or last is not None):
        raise MeasureError("give either year or from/to, not both")
    lo, hi = (year, year) if year is not None else (
        first if first is not None else (covered[0] if last is not None else covered[1]),
        last if last is not None else covered[1])
    try:
        table = measure_table(store, m, (lo, hi), states=ccode, **options)
    except WeightsError as exc:
        invalid("weights", str(exc))
    extra = components(table)
    page = table.slice(offset, limit).to_pylist()
    data = [MeasureValue(ccode=r["ccode"], year=r["year"], name=r["name"], iso3=r["iso3"],
                         value=r["value"], rank=r["rank"], ranked=r["ranked"],
                         components={c: r[c] for c in extra}) for r in page]
    return MeasureValues(measure=measure_public(store, m), years=YearSpan(first=lo, last=hi),
                         count=len(data), total=table.num_rows, offset=offset, limit=limit,
                         data=data, data_versions=versions_for(store, measure_sources(m)))
