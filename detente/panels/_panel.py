"""A panel: a key-sorted Arrow table that knows its unit of analysis and where it came from.

A :class:`Panel` is immutable. Verbs take a panel and return a new one with more columns;
existing columns are shared, not copied. Rows are always sorted by ``year`` then the codes,
which lets verbs align source data by binary search (:mod:`detente.panels._align`) instead of
hash joins and a re-sort. The unit (``state_year`` or ``dyad_year``), the code system
(``cow`` or ``gw``) and directedness travel with the data, and so do the store tables it read,
from which :meth:`Panel.data_versions` reports the source versions behind every column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, Literal, ParamSpec

import duckdb
import numpy as np
import pyarrow as pa

from detente._errors import UnitError
from detente.panels._align import pack, to_numpy

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

    from detente.store._store import Store

UnitName = Literal["state_year", "dyad_year"]
SystemName = Literal["cow", "gw"]
P = ParamSpec("P")


@dataclass(frozen=True)
class Panel:
    """A state-year or dyad-year panel, sorted by year then codes."""

    store: Store
    table: pa.Table
    unit: UnitName
    system: SystemName
    directed: bool | None
    years: tuple[int, int]
    tables: tuple[str, ...] = ()
    _cache: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    # -- identity ------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        """Name of the code column stem: ``ccode`` (COW) or ``gwcode`` (Gleditsch-Ward)."""
        return "ccode" if self.system == "cow" else "gwcode"

    @property
    def keys(self) -> tuple[str, ...]:
        if self.unit == "state_year":
            return (self.code, "year")
        return (f"{self.code}1", f"{self.code}2", "year")

    def describe(self) -> str:
        direction = "" if self.unit == "state_year" else (
            "directed " if self.directed else "non-directed ")
        unit = self.unit.replace("_", "-")
        return f"{self.system.upper()} {direction}{unit}s {self.years[0]}-{self.years[1]}"

    # -- keys for alignment --------------------------------------------------------------------
    @property
    def year(self) -> np.ndarray:
        return self._numpy("year")

    def cow_codes(self) -> tuple[np.ndarray, ...]:
        """COW codes of each row's state(s); for a GW panel, via the year-aware crosswalk."""
        stems = self.keys[:-1]
        if self.system == "cow":
            return tuple(self._numpy(s) for s in stems)
        if "_cow" not in self._cache:
            from detente.panels._align import gather, match

            self.store.require("state_codes")
            xwalk = self.store.arrow(
                "SELECT gwcode, year, ccode FROM state_codes WHERE gwcode IS NOT NULL")
            src = pack(to_numpy(xwalk["year"]), to_numpy(xwalk["gwcode"]))
            # Several COW codes can share a GW code-year only in no case in the data; the
            # first is used if they ever did.
            _, first = np.unique(src, return_index=True)
            xwalk, src = xwalk.take(pa.array(first)), src[first]
            for i, stem in enumerate(stems):
                idx = match(pack(self.year, self._numpy(stem)), src)
                self._cache[f"_cow{i}"] = to_numpy(gather(xwalk, idx, ["ccode"])["ccode"])
            self._cache["_cow"] = np.empty(0)
        return tuple(self._cache[f"_cow{i}"] for i in range(len(stems)))

    def state_keys(self, which: int = 0) -> np.ndarray:
        """Packed (year, COW code) of state ``which`` (0 for state-years; 0 or 1 for dyads)."""
        return pack(self.year, self.cow_codes()[which])

    def dyad_keys(self, *, reverse: bool = False) -> np.ndarray:
        """Packed (year, COW code 1, COW code 2), or (year, code 2, code 1) when ``reverse``."""
        a, b = self.cow_codes()
        return pack(self.year, b, a) if reverse else pack(self.year, a, b)

    def pair_keys(self) -> np.ndarray:
        """Packed (year, lower COW code, higher COW code): the same for (A, B) and (B, A)."""
        a, b = self.cow_codes()
        low, high = np.minimum(a, b), np.maximum(a, b)
        low = np.where((a < 0) | (b < 0), -1, low)
        return pack(self.year, low, high)

    def _numpy(self, name: str) -> np.ndarray:
        if name not in self._cache:
            self._cache[name] = to_numpy(self.table.column(name))
        return self._cache[name]

    # -- composition -----------------------------------------------------------------------------
    def pipe(self, verb: Callable[Concatenate[Panel, P], Panel], *args: P.args,
             **kwargs: P.kwargs) -> Panel:
        """Apply ``verb(self, *args, **kwargs)``: ``create_dyad_years(s).pipe(add_alliances)``."""
        return verb(self, *args, **kwargs)

    def with_columns(self, columns: Mapping[str, pa.Array], *tables: str) -> Panel:
        """A new panel with ``columns`` appended (or replaced) and ``tables`` recorded as read."""
        table = self.table
        for name, values in columns.items():
            if name in self.keys:
                raise ValueError(f"cannot overwrite key column {name!r}")
            if name in table.column_names:
                table = table.set_column(table.column_names.index(name), name, values)
            else:
                table = table.append_column(name, values)
        cache = {k: v for k, v in self._cache.items() if k not in columns}
        return replace(self, table=table, tables=tuple(dict.fromkeys((*self.tables, *tables))),
                       _cache=cache)

    def require_unit(self, verb: str, *units: UnitName) -> None:
        """Raise :class:`UnitError` naming the ``create_*`` call to use instead."""
        if self.unit in units:
            return
        makers = {"state_year": "create_state_years()", "dyad_year": "create_dyad_years()"}
        wanted = " or ".join(makers[u] for u in units)
        raise UnitError(
            f"{verb}() works on {' or '.join(u.replace('_', '-') for u in units)} panels, but "
            f"this is a {self.describe()} panel; start from {wanted}."
        )

    def within(self, table: str) -> np.ndarray:
        """Boolean mask: rows whose year lies in ``table``'s coverage (read from the store)."""
        lo, hi = self.store.coverage(table)
        return (self.year >= lo) & (self.year <= hi)

    # -- materialisation ------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        return list(self.table.column_names)

    def __len__(self) -> int:
        return self.table.num_rows

    def relation(self) -> duckdb.DuckDBPyRelation:
        """The panel as a DuckDB relation over the store's connection (zero-copy)."""
        return self.store.con.from_arrow(self.table)

    def to_arrow(self) -> pa.Table:
        """The panel as an Arrow table, with its unit and data versions in the schema metadata."""
        meta = {**(self.table.schema.metadata or {}), b"detente": self.metadata_json.encode()}
        return self.table.replace_schema_metadata(meta)

    def to_polars(self) -> pl.DataFrame:
        import polars as pl

        frame = pl.from_arrow(self.table)
        assert isinstance(frame, pl.DataFrame)
        return frame

    def to_pandas(self) -> pd.DataFrame:
        frame = self.table.to_pandas()
        frame.attrs["detente"] = self.metadata_json
        return frame

    def write(self, path: str | Path) -> Path:
        """Write to ``.parquet`` or ``.csv`` (chosen by the suffix) and return the path."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".parquet", ".csv"):
            raise ValueError(f"{path}: write panels as .parquet or .csv")
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            pq.write_table(self.to_arrow(), path)
        else:
            import pyarrow.csv as pacsv

            pacsv.write_csv(self.table, path)
        return path

    def data_versions(self) -> dict[str, str]:
        """Source id to version for every source this panel read."""
        return self.store.data_versions(list(self.tables))

    @cached_property
    def metadata_json(self) -> str:
        return json.dumps({
            "unit": self.unit,
            "system": self.system,
            "directed": self.directed,
            "years": list(self.years),
            "data_versions": self.data_versions(),
        })
