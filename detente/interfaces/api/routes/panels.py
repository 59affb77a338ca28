"""State-year and dyad-year panels with the verbs of ``panels.VERBS``, paged, as JSON, CSV or
Parquet.

The page is cut from the base panel before the verbs run (rows are key-sorted, and verbs work
on any key-sorted panel), so a page of the 1.9 million directed dyad-years costs what its
rows cost.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any

import pyarrow as pa
import pyarrow.compute as pc
from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._formats import TABULAR_RESPONSES, Format, FormatQuery, tabular
from detente.interfaces.api.routes._params import FromYear, StateCode, ToYear, span
from detente.interfaces.api.schemas import SourceRef, source_refs
from detente.panels import VERBS, Panel, create_dyad_years, create_state_years
from detente.panels._panel import SystemName

router = APIRouter(prefix="/panels", tags=["panels"])

Verb = StrEnum("Verb", {name: name for name in VERBS})  # type: ignore[misc]


class System(StrEnum):
    cow = "cow"
    gw = "gw"


class PanelPage(BaseModel):
    unit: str = Field(description="state_year or dyad_year.")
    description: str
    columns: list[str]
    count: int
    total: int
    offset: int
    limit: int
    data: list[dict[str, Any]]
    data_versions: dict[str, str]
    sources: list[SourceRef]


AddQuery = Annotated[list[Verb] | None, Query(max_length=len(VERBS),
                                               description="Verbs to apply, in order.")]
LimitQuery = Annotated[int, Query(ge=1, le=50_000, description="Rows per page.")]
OffsetQuery = Annotated[int, Query(ge=0, le=100_000_000)]


def _keep(panel: Panel, mask: pa.Array | None, offset: int, limit: int) -> tuple[Panel, int]:
    table = panel.table if mask is None else panel.table.filter(mask)
    return replace(panel, table=table.slice(offset, limit), _cache={}), table.num_rows


def _answer(panel: Panel, add: list[Verb] | None, total: int, offset: int, limit: int,
            fmt: Format) -> Response | PanelPage:
    for verb in add or []:
        panel = VERBS[verb.value](panel)
    if fmt is not Format.json:
        return tabular(panel.table if fmt is Format.csv else panel.to_arrow(), fmt, total)
    versions = panel.data_versions()
    return PanelPage(unit=panel.unit, description=panel.describe(), columns=panel.columns,
                     count=len(panel), total=total, offset=offset, limit=limit,
                     data=panel.table.to_pylist(), data_versions=versions,
                     sources=source_refs(versions))


@router.get("/state-years", response_model=PanelPage, responses=TABULAR_RESPONSES)
def get_state_years(
    store: StoreDep, first: FromYear = None, last: ToYear = None,
    system: Annotated[System, Query()] = System.cow, add: AddQuery = None,
    ccode: Annotated[list[StateCode] | None, Query(max_length=300, description="Keep these state "
                                             "codes (of the panel's system).")] = None,
    format: FormatQuery = Format.json, limit: LimitQuery = 1000, offset: OffsetQuery = 0,
) -> Response | PanelPage:
    """State-years of system membership with the verbs in ``add`` applied in order."""
    sys_name: SystemName = system.value  # type: ignore[assignment]
    panel = create_state_years(store, system=sys_name, years=span(first, last))
    mask = pc.is_in(panel.table[panel.code], pa.array(ccode, pa.int32())) if ccode else None
    page, total = _keep(panel, mask, offset, limit)
    return _answer(page, add, total, offset, limit, format)


@router.get("/dyad-years", response_model=PanelPage, responses=TABULAR_RESPONSES)
def get_dyad_years(
    store: StoreDep, first: FromYear = None, last: ToYear = None,
    system: Annotated[System, Query()] = System.cow,
    directed: Annotated[bool, Query(description="Both (A,B) and (B,A), or A<B only.")] = True,
    add: AddQuery = None,
    ccode1: Annotated[list[StateCode] | None, Query(max_length=300)] = None,
    ccode2: Annotated[list[StateCode] | None, Query(max_length=300)] = None,
    format: FormatQuery = Format.json, limit: LimitQuery = 1000, offset: OffsetQuery = 0,
) -> Response | PanelPage:
    """Dyad-years in which both states are members, with the verbs in ``add`` applied."""
    sys_name: SystemName = system.value  # type: ignore[assignment]
    panel = create_dyad_years(store, system=sys_name, years=span(first, last),
                              directed=directed)
    mask = None
    for column, codes in ((f"{panel.code}1", ccode1), (f"{panel.code}2", ccode2)):
        if codes:
            hit = pc.is_in(panel.table[column], pa.array(codes, pa.int32()))
            mask = hit if mask is None else pc.and_(mask, hit)
    page, total = _keep(panel, mask, offset, limit)
    return _answer(page, add, total, offset, limit, format)
