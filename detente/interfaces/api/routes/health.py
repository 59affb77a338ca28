"""Health: is the server up, which store does it read, which sources are loaded."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import CacheDep, StoreDep

router = APIRouter(prefix="/health", tags=["health"])


class Health(BaseModel):
    status: str
    store: str
    read_only: bool
    loaded: dict[str, str]
    cache_hits: int
    cache_misses: int
    warm: bool = Field(description="The measures a server computes at start-up (soft power, "
                                   "centrality) are ready, or warming is off.")


@router.get("", response_model=Health)
def get_health(store: StoreDep, cache: CacheDep, request: Request,
               response: Response) -> Health:
    """Liveness and what the store holds (never cached)."""
    response.headers["Cache-Control"] = "no-store"
    return Health(status="ok", store=str(store.path), read_only=store.read_only,
                  loaded=store.loaded(), cache_hits=cache.hits, cache_misses=cache.misses,
                  warm=request.app.state.warm.is_set())
