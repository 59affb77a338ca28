"""Country outlines for maps: Natural Earth geometry keyed by ISO3."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from detente.store._store import Store


def world_geojson(store: Store) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of every country outline, each feature's ``id`` its ISO3.

    Read from the ``country_shapes`` table (Natural Earth 5.1.2, 1:110m, UN boundary view;
    ``detente data pull natural_earth``). Properties: ``name`` and ``iso_n3``.
    """
    store.require("country_shapes")
    rows = store.rows("SELECT iso3, name, iso_n3, geometry FROM country_shapes ORDER BY iso3")
    features = [
        {"type": "Feature", "id": iso3, "properties": {"name": name, "iso_n3": iso_n3},
         "geometry": json.loads(geometry)}
        for iso3, name, iso_n3, geometry in rows
    ]
    return {"type": "FeatureCollection", "features": features}
