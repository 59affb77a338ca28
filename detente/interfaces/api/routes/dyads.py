"""Dyad profiles: alliance obligations each way, disputes and capabilities, year by year."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear, span
from detente.interfaces.api.routes.actors import ActorPublic, actor_public
from detente.interfaces.api.schemas import SourceRef, YearSpan, source_refs
from detente.profiles import dyad_profile

router = APIRouter(prefix="/dyads", tags=["dyads"])


class DyadYear(BaseModel):
    """One year of a pair; ``_ab`` = the first state toward the second, ``_ba`` the reverse.
    Null = outside the source's years (ATOP 1815-2018, GML 1816-2010, NMC 1816-2022)."""

    year: int
    atop_defense_ab: int | None
    atop_defense_ba: int | None
    atop_offense_ab: int | None
    atop_offense_ba: int | None
    atop_neutral_ab: int | None
    atop_neutral_ba: int | None
    atop_nonagg_ab: int | None
    atop_nonagg_ba: int | None
    atop_consul_ab: int | None
    atop_consul_ba: int | None
    atop_anypledge: int | None = Field(description="1 if they share any ATOP obligation.")
    gml_midonset: int | None
    gml_midongoing: int | None
    gml_hostlev: int | None = Field(description="Highest hostility level of their MID (0-5).")
    gml_dispnum: int | None
    cinc_a: float | None
    cinc_b: float | None
    cinc_share_a: float | None = Field(description="cinc_a / (cinc_a + cinc_b).")


class DyadDispute(BaseModel):
    dispnum: int
    first_year: int
    last_year: int
    hostlev: int | None
    hostlev1: int | None
    hostlev2: int | None
    originator1: bool | None
    originator2: bool | None
    outcome: int | None = Field(description="GML outcome code (1-9; see the MID codebook).")
    fatality: int | None = Field(description="Fatality level (0-6).")


class DyadProfilePublic(BaseModel):
    a: ActorPublic
    b: ActorPublic
    years: YearSpan
    series: list[DyadYear]
    disputes: list[DyadDispute]
    data_versions: dict[str, str]
    sources: list[SourceRef]


@router.get("/{first_state}/{second_state}", response_model=DyadProfilePublic)
def get_dyad_profile(first_state: ActorPath, second_state: ActorPath, store: StoreDep,
                     first: FromYear = None, last: ToYear = None) -> DyadProfilePublic:
    """Two states over the years both existed: obligations each way, disputes, capabilities."""
    p = dyad_profile(store, first_state, second_state, years=span(first, last))
    return DyadProfilePublic(
        a=actor_public(p.a), b=actor_public(p.b),
        years=YearSpan(first=p.span[0], last=p.span[1]),
        series=[DyadYear(**r) for r in p.years.to_pylist()],
        disputes=[DyadDispute(**r) for r in p.disputes.to_pylist()],
        data_versions=p.data_versions, sources=source_refs(p.data_versions))
