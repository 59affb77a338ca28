"""The key alignment behind every verb, checked against a plain dictionary lookup."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.panels._align import NO_KEY, match, pack

codes = st.integers(-1, 999)
years = st.integers(1816, 2030)


@settings(deadline=None)
@given(st.lists(st.tuples(years, codes, codes), max_size=60),
       st.lists(st.tuples(years, codes, codes), max_size=60, unique=True))
def test_match_equals_dictionary_lookup(panel: list[tuple[int, int, int]],
                                        source: list[tuple[int, int, int]]) -> None:
    def keys(rows: list[tuple[int, int, int]]) -> np.ndarray:
        arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
        return pack(arr[:, 0], arr[:, 1], arr[:, 2])

    index = match(keys(panel), keys(source)).to_pylist()
    lookup = {row: i for i, row in enumerate(source) if min(row[1:]) >= 0}
    assert index == [lookup.get(row) if min(row[1:]) >= 0 else None for row in panel]


@given(st.lists(st.tuples(years, st.integers(0, 16383), st.integers(0, 16383)), min_size=2))
def test_packed_order_is_lexicographic(rows: list[tuple[int, int, int]]) -> None:
    arr = np.array(rows, dtype=np.int64)
    packed = pack(arr[:, 0], arr[:, 1], arr[:, 2])
    assert [rows[i] for i in np.argsort(packed, kind="stable")] == sorted(rows)
    assert NO_KEY not in packed
