"""Actors: find states by name, COW code, COW abbreviation or ISO3."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from detente.actors import Actor, resolve_actor, search_actors
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath

router = APIRouter(prefix="/actors", tags=["actors"])


class ActorPublic(BaseModel):
    ccode: int = Field(description="Correlates of War state code.")
    stateabb: str = Field(description="COW three-letter abbreviation.")
    name: str
    iso3: str | None = Field(description="ISO 3166-1 alpha-3 (latest valid), if any.")
    first_year: int = Field(description="First year of COW system membership.")
    last_year: int = Field(description="Last year of COW system membership (data end 2016).")
    profile: str = Field(description="API address of the country profile.")
    page: str = Field(description="Dashboard address of the country page.")


class ActorsPublic(BaseModel):
    count: int
    data: list[ActorPublic]


def actor_public(actor: Actor) -> ActorPublic:
    """The public form of an actor, with its profile and page addresses."""
    return ActorPublic(ccode=actor.ccode, stateabb=actor.stateabb, name=actor.name,
                       iso3=actor.iso3, first_year=actor.first_year, last_year=actor.last_year,
                       profile=f"/api/v1/countries/{actor.ccode}",
                       page=f"/country/{actor.ccode}")


@router.get("", response_model=ActorsPublic)
def list_actors(
    store: StoreDep,
    q: Annotated[str, Query(max_length=100, description="Part of a name, abbreviation or "
                            "ISO3, or a COW code; empty lists every state.")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ActorsPublic:
    """States whose name, COW abbreviation or ISO3 contains ``q`` (or whose COW code is ``q``)."""
    found = search_actors(store, q, limit=limit)
    return ActorsPublic(count=len(found), data=[actor_public(a) for a in found])


@router.get("/{query}", response_model=ActorPublic)
def get_actor(
    query: ActorPath, store: StoreDep,
    year: Annotated[int | None, Query(ge=1816, le=2100, description="Resolve codes as valid "
                                      "in this year (DEU is 260 in 1980, 255 in 2000).")] = None,
) -> ActorPublic:
    """The one state ``query`` names: a COW code, ISO3, COW abbreviation or English name."""
    return actor_public(resolve_actor(store, query, year=year))
