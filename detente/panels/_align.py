"""Align source rows to a panel by key: a vectorised sorted merge that keeps the panel's order.

Keys are packed into one int64 per row, ``(year, code1, code2)`` in that order of
significance, so packed order is the panel's sort order. A verb sorts the (smaller) source
table's keys once and finds every panel row's match with one :func:`numpy.searchsorted`, then
gathers the source columns with an Arrow ``take``. No hash table, no Python loop, and no
re-sort of the panel: adding columns to 1.9 million dyad-years costs tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_CODE_BITS = 14  # codes up to 16383 (COW, GW and ATOP's 4-digit non-system codes)
_MAX_CODE = (1 << _CODE_BITS) - 1


NO_KEY = -1
"""The packed key of a row with a missing code: it matches nothing, on either side."""


def pack(year: np.ndarray, *codes: np.ndarray) -> np.ndarray:
    """One int64 per row whose order is the order of ``(year, codes...)``.

    A row with a missing (negative) code gets :data:`NO_KEY`.
    """
    key = np.asarray(year, dtype=np.int64)
    missing = np.zeros(key.shape, dtype=bool)
    for code in codes:
        arr = np.asarray(code, dtype=np.int64)
        if arr.size and arr.max() > _MAX_CODE:
            raise ValueError(f"codes must lie in [0, {_MAX_CODE}] to be packed")
        missing |= arr < 0
        key = (key << _CODE_BITS) | np.maximum(arr, 0)
    key[missing] = NO_KEY
    return key


def to_numpy(column: pa.Array | pa.ChunkedArray, fill: int = -1) -> np.ndarray:
    """Integer column to NumPy, nulls replaced by ``fill`` (-1: a missing code)."""
    return pc.fill_null(column, fill).to_numpy(zero_copy_only=False).astype(np.int64)


def match(panel_keys: np.ndarray, source_keys: np.ndarray) -> pa.Array:
    """For each panel row, the index of the source row with the same key, or null.

    Source keys must be unique among valid keys (the schema checks guarantee it for declared
    keys); rows keyed :data:`NO_KEY` on either side never match.
    """
    valid = np.flatnonzero(source_keys != NO_KEY)
    order = valid[np.argsort(source_keys[valid], kind="stable")]
    ordered = source_keys[order]
    if ordered.size == 0:
        return pa.nulls(len(panel_keys), pa.int64())
    pos = np.searchsorted(ordered, panel_keys)
    pos = np.minimum(pos, ordered.size - 1)
    found = (ordered[pos] == panel_keys) & (panel_keys != NO_KEY)
    return pa.array(order[pos], type=pa.int64(), mask=~found)


def gather(source: pa.Table, index: pa.Array, columns: Sequence[str],
           names: Sequence[str] | None = None) -> dict[str, pa.Array]:
    """Take ``columns`` from ``source`` at ``index`` (null where the index is null)."""
    names = names or columns
    return {name: pc.take(source.column(col), index).combine_chunks()
            for col, name in zip(columns, names, strict=True)}


def absent_is_zero(values: pa.Array, inside: np.ndarray) -> pa.Array:
    """Inside coverage a missing match means 0 (no alliance, no dispute); outside it is null."""
    filled = pc.fill_null(values, pa.scalar(0, values.type))
    return pc.if_else(pa.array(inside), filled, pa.nulls(len(values), values.type))


def outside_is_null(values: pa.Array, inside: np.ndarray) -> pa.Array:
    return pc.if_else(pa.array(inside), values, pa.nulls(len(values), values.type))
