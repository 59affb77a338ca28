"""Instruments of military diplomacy: the taxonomy, with the years each source covers."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, Field

from detente._errors import DetenteError
from detente.engagements import INSTRUMENTS, Instrument, get_instrument, instrument_coverage
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.schemas import YearSpan
from detente.interfaces.links import source_href
from detente.sources import SOURCES

router = APIRouter(prefix="/instruments", tags=["instruments"])

InstrumentId = StrEnum("InstrumentId", {i.id: i.id for i in INSTRUMENTS})  # type: ignore[misc]
"""Instrument ids, as a query parameter's allowed values."""
InstrumentPath = Annotated[str, Path(max_length=64, examples=["exercise"],
                                     description="An instrument id (GET /instruments).")]


class FeedPublic(BaseModel):
    """One source feeding the instrument (``user``: engagements entered by users)."""

    source: str
    version: str | None = Field(description="Loaded version (null: user entries).")
    table: str = Field(description="The store table read.")
    unit: str = Field(description="Unit of the engagements' magnitude.")
    coverage: YearSpan | None = Field(description="Years the loaded data cover (null: none).")
    engagements: int = Field(description="Engagements of this instrument from this source.")
    href: str | None = Field(description="The source's entry on /sources (null: user entries).")


class InstrumentPublic(BaseModel):
    id: str
    name: str
    definition: str
    direction: str = Field(description="directed (actor1 toward actor2) or mutual.")
    direction_note: str
    seed_passage: str = Field(description="The passage of the seed documents it answers.")
    user_entered: bool = Field(description="True when no open data feed it (enter it yourself).")
    feeds: list[FeedPublic]


class InstrumentsPublic(BaseModel):
    count: int
    data: list[InstrumentPublic]


def _public(ins: Instrument, coverage: list[dict[str, object]]) -> InstrumentPublic:
    feeds = []
    for c in coverage:
        if c["instrument"] != ins.id:
            continue
        source = str(c["source"])
        first, last = c["first_year"], c["last_year"]
        feeds.append(FeedPublic(
            source=source, version=c["version"], table=str(c["table"]), unit=str(c["unit"]),
            coverage=YearSpan(first=first, last=last) if first is not None else None,  # type: ignore[arg-type]
            engagements=int(c["engagements"]),  # type: ignore[call-overload]
            href=source_href(source, c["version"]) if source in SOURCES else None))  # type: ignore[arg-type]
    return InstrumentPublic(id=ins.id, name=ins.name, definition=ins.definition,
                            direction=ins.direction, direction_note=ins.direction_note,
                            seed_passage=ins.seed_passage, user_entered=ins.user_entered,
                            feeds=feeds)


@router.get("", response_model=InstrumentsPublic)
def list_instruments(store: StoreDep) -> InstrumentsPublic:
    """Every instrument: definition, direction, the sources feeding it and their years."""
    coverage = instrument_coverage(store).to_pylist()
    data = [_public(ins, coverage) for ins in INSTRUMENTS]
    return InstrumentsPublic(count=len(data), data=data)


@router.get("/{instrument_id}", response_model=InstrumentPublic)
def get_instrument_detail(instrument_id: InstrumentPath, store: StoreDep) -> InstrumentPublic:
    """One instrument with its feeds and their coverage."""
    try:
        ins = get_instrument(instrument_id)
    except DetenteError as exc:
        raise HTTPException(404, str(exc)) from None
    return _public(ins, instrument_coverage(store).to_pylist())
