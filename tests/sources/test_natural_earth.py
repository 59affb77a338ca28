"""The Natural Earth outlines: TopoJSON decoded into closed rings, keyed by ISO3."""

from __future__ import annotations

import json

import numpy as np

from detente.sources._topojson import decode_arcs, geometry
from detente.store import Store


def test_every_country_has_a_closed_outline_in_range(store: Store) -> None:
    rows = store.rows("SELECT iso3, geometry FROM country_shapes")
    assert len(rows) == 174
    for iso3, text in rows:
        shape = json.loads(text)
        polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [
            shape["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                points = np.asarray(ring)
                assert len(points) >= 4, iso3
                assert np.array_equal(points[0], points[-1]), f"{iso3}: ring not closed"
                assert (np.abs(points[:, 0]) <= 180).all() and (np.abs(points[:, 1]) <= 90).all()


def test_france_and_norway_take_adm0_a3(store: Store) -> None:
    found = dict(store.rows("SELECT name, iso3 FROM country_shapes WHERE name IN "
                            "('France', 'Norway', 'India')"))
    assert found == {"France": "FRA", "Norway": "NOR", "India": "IND"}


def test_india_lies_where_india_is(store: Store) -> None:
    shape = json.loads(store.rows("SELECT geometry FROM country_shapes WHERE iso3 = 'IND'")[0][0])
    points = np.concatenate([np.asarray(r) for p in (
        shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]])
        for r in p])
    assert 68 < points[:, 0].min() < 70 and 96 < points[:, 0].max() < 98
    assert 6 < points[:, 1].min() < 9 and 34 < points[:, 1].max() < 36


def test_decoding_a_small_quantized_topology() -> None:
    """Edge case, made up: two arcs sharing a border, one used reversed."""
    topology = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [10, 20]},
                "arcs": [[[0, 0], [1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1]]]}
    arcs = decode_arcs(topology)
    assert arcs[0].tolist() == [[10, 20], [11, 20], [11, 21]]
    assert arcs[1].tolist() == [[11, 21], [10, 21], [10, 20]]
    square = geometry({"type": "Polygon", "arcs": [[0, 1]]}, arcs)
    assert square["coordinates"][0] == [[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]
    back = geometry({"type": "Polygon", "arcs": [[~1, ~0]]}, arcs)
    assert back["coordinates"][0] == [[10, 20], [10, 21], [11, 21], [11, 20], [10, 20]]
