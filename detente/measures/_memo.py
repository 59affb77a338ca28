"""Remember measure values year by year, for as long as the store's content is unchanged.

Every registered measure is computed within each year (shares, min-max scores, ranks and
rank intervals are per year), so a span is the union of its years. :func:`yearly_values`
keeps each year's values once computed and computes only the years it has not seen: the
country page's soft power over 1816-2022 and the map's soft power for one year then share
their work, and a second visitor pays nothing.

An entry is keyed by the store file, its *generation* (when its sources were last loaded,
and how many user engagements it holds and when they were last imported: everything a
measure reads that can change), the measure, the compared set and the options. Any pull or
import therefore misses the old entries, in this process or another. Options other than a
:class:`~detente.measures._composite.CompositeWeights` (a weights *file*, whose content may
change) and in-memory stores are not remembered. The memory held is bounded (LRU).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

if TYPE_CHECKING:
    from detente.measures._registry import Measure
    from detente.store._store import Store

MAX_BYTES = 64 << 20
"""Memory the remembered values may hold (64 MiB)."""


class _LRU:
    """A thread-safe LRU of Arrow tables bounded by their total size in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, pa.Table] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> pa.Table | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, table: pa.Table) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= old.nbytes
            self._items[key] = table
            self._size += table.nbytes
            while self._size > self.max_bytes and self._items:
                _, evicted = self._items.popitem(last=False)
                self._size -= evicted.nbytes

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


_MEMO = _LRU(MAX_BYTES)


def generation(store: Store) -> tuple[object, ...]:
    """What changes whenever a measure's inputs change: the last load of any source, and the
    count and last import time of user engagements."""
    loaded = store.rows("SELECT max(loaded_at) FROM provenance") \
        if store.has_table("provenance") else [(None,)]
    user = store.rows("SELECT count(*), max(imported_at) FROM user_engagements") \
        if store.has_table("user_engagements") else [(0, None)]
    return (loaded[0][0], *user[0])


def _options_key(options: dict[str, object]) -> str | None:
    from detente.measures._composite import CompositeWeights

    parts = {}
    for name, value in sorted(options.items()):
        if value is None:
            continue
        if not isinstance(value, CompositeWeights):
            return None  # a file, say: its content may change under the same name
        parts[name] = value.to_dict()
    return json.dumps(parts, sort_keys=True)


def _split_years(table: pa.Table) -> dict[int, pa.Table]:
    """The rows of each year (one sort and one slice per year, no copy per row)."""
    if table.num_rows == 0:
        return {}
    table = table.sort_by("year")
    years = table["year"].to_numpy()
    starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
    ends = np.r_[starts[1:], years.size]
    return {int(years[lo]): table.slice(lo, hi - lo) for lo, hi in zip(starts, ends, strict=True)}


def yearly_values(store: Store, measure: Measure, years: tuple[int, int],
                  within: Sequence[int] | None, **options: object) -> pa.Table:
    """``measure.values(store, years, within, **options)``, computed only for the years not
    already remembered for this store generation (see the module docstring)."""
    options_key = _options_key(options)
    if options_key is None or str(store.path) == ":memory:":
        return measure.values(store, years, within, **options)
    base = (str(store.path), generation(store), measure.name, id(measure.compute),
            tuple(sorted(int(s) for s in within)) if within is not None else None, options_key)
    span = range(years[0], years[1] + 1)
    found = {y: _MEMO.get((*base, y)) for y in span}
    missing = [y for y, table in found.items() if table is None]
    if missing:
        lo, hi = min(missing), max(missing)
        fresh = measure.values(store, (lo, hi), within, **options)
        by_year = _split_years(fresh)
        for y in range(lo, hi + 1):
            table = by_year.get(y, fresh.slice(0, 0))
            _MEMO.put((*base, y), table)
            found[y] = table
    return pa.concat_tables([found[y] for y in span], promote_options="permissive")


def forget() -> None:
    """Drop every remembered value (tests; a long-running process after an outside write is
    covered by the generation key and does not need this)."""
    _MEMO.clear()
