"""Map geometry: country outlines keyed by ISO3, for the dashboard's world map."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from detente.actors import world_geojson
from detente.interfaces.api.deps import StoreDep

router = APIRouter(prefix="/geo", tags=["geo"])


@router.get("/countries", responses={
    200: {"description": "GeoJSON FeatureCollection; each feature's id is its ISO3.",
          "content": {"application/geo+json": {}}}})
def get_country_shapes(store: StoreDep) -> dict[str, Any]:
    """Country outlines (Natural Earth 5.1.2, 1:110m, UN boundary view) as GeoJSON."""
    return world_geojson(store)
