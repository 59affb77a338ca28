"""Decode a TopoJSON topology into one GeoJSON geometry per object member.

TopoJSON stores shared borders once, as quantized, delta-encoded arcs; a polygon ring lists
arc indices (``~i`` for arc ``i`` reversed). Decoding undoes the delta encoding for every arc
at once with one cumulative sum, applies the quantization transform, then stitches each ring
from its arcs, dropping the point each arc shares with the one before.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Ring = list[list[float]]


def decode_arcs(topology: dict[str, Any], *, decimals: int = 3) -> list[np.ndarray]:
    """Absolute (lon, lat) coordinates of every arc, rounded to ``decimals``."""
    arcs = topology["arcs"]
    lengths = np.fromiter((len(a) for a in arcs), dtype=np.int64, count=len(arcs))
    points = np.array([p for arc in arcs for p in arc], dtype=np.float64).reshape(-1, 2)
    transform = topology.get("transform")
    if transform is not None:  # quantized: positions are deltas within each arc
        totals = np.cumsum(points, axis=0)
        ends = np.cumsum(lengths)
        before = np.vstack([np.zeros((1, 2)), totals[ends[:-1] - 1]])
        points = totals - np.repeat(before, lengths, axis=0)
        points = points * np.asarray(transform["scale"]) + np.asarray(transform["translate"])
    points = np.round(points, decimals)
    return np.split(points, np.cumsum(lengths)[:-1])


def _ring(indices: list[int], arcs: list[np.ndarray]) -> Ring:
    parts = []
    for k, i in enumerate(indices):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts).tolist()


def geometry(obj: dict[str, Any], arcs: list[np.ndarray]) -> dict[str, Any]:
    """The GeoJSON geometry of one TopoJSON Polygon or MultiPolygon object."""
    if obj["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in obj["arcs"]]}
    if obj["type"] == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[_ring(r, arcs) for r in poly] for poly in obj["arcs"]]}
    raise ValueError(f"unsupported TopoJSON geometry type {obj['type']!r}")
