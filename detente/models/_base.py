"""One shape for every model: parameters, ``run``, ``Result``, tags and a registry.

Follows scikit-learn's conventions (STYLE.md section 5): ``__init__`` takes keyword-only
hyperparameters with defaults and stores them unchanged; ``get_params``/``set_params``/
``clone`` come from the signature; randomness enters only through ``run(..., seed=...)``,
resolved once to a :class:`numpy.random.Generator` and handed down; results are frozen,
tidy tables that record their parameters, seed and data versions.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

import polars as pl

Question = Literal["coalitions", "bargaining", "escalation", "monitor", "measure"]


@dataclass(frozen=True)
class ModelTags:
    """What a model is, for listings and filters (Axelrod's classifier, sklearn's tags)."""

    question: Question
    stochastic: bool
    citation: str
    requires_fit: bool = False
    unit: str = "actor"


@dataclass(frozen=True)
class Result:
    """A model run: the main tidy table, named extra tables, a summary and how it was made.

    ``table`` is the result most users want (e.g. positions per round); ``tables`` holds the
    others (offers, minima, ...). ``params``, ``seed`` and ``data_versions`` say exactly how to
    reproduce it. Serialises to JSON (``to_dict``) and to a folder of Parquet files.
    """

    model: str
    table: pl.DataFrame
    summary: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    seed: int | None = None
    data_versions: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, pl.DataFrame] = field(default_factory=dict)

    def to_dict(self, *, max_rows: int | None = None) -> dict[str, Any]:
        def rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
            return (frame if max_rows is None else frame.head(max_rows)).to_dicts()

        return {
            "model": self.model,
            "summary": _jsonable(self.summary),
            "params": _jsonable(self.params),
            "seed": self.seed,
            "data_versions": dict(self.data_versions),
            "table": rows(self.table),
            "tables": {name: rows(frame) for name, frame in self.tables.items()},
        }

    def write(self, folder: str | Path) -> Path:
        """Write ``table.parquet``, one Parquet file per extra table, and ``result.json``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.table.write_parquet(folder / "table.parquet")
        for name, frame in self.tables.items():
            frame.write_parquet(folder / f"{name}.parquet")
        meta = {k: v for k, v in self.to_dict(max_rows=0).items() if k not in ("table", "tables")}
        (folder / "result.json").write_text(json.dumps(meta, indent=2))
        return folder


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # NumPy scalars
        return value.item()
    return value


M = TypeVar("M", bound="Model")


class Model:
    """Base class: subclasses define keyword-only ``__init__`` parameters, ``tags`` and ``run``."""

    tags: ClassVar[ModelTags]

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p.name for p in sig.parameters.values()
                if p.name != "self" and p.kind == p.KEYWORD_ONLY]

    def get_params(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self: M, **params: Any) -> M:
        valid = set(self._param_names())
        for name, value in params.items():
            if name not in valid:
                raise ValueError(f"{type(self).__name__} has no parameter {name!r}; "
                                 f"parameters: {sorted(valid)}")
            setattr(self, name, value)
        return self

    def clone(self: M, **changes: Any) -> M:
        """A new, unrun model with the same parameters (overridden by ``changes``)."""
        return type(self)(**{**self.get_params(), **changes})

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


REGISTRY: dict[str, type[Model]] = {}


def register(cls: type[M]) -> type[M]:
    """Class decorator: add a model to the registry under its class name."""
    REGISTRY[cls.__name__] = cls
    return cls


def filtered(**tags: Any) -> dict[str, type[Model]]:
    """Registered models whose tags match, e.g. ``filtered(question="bargaining")``."""
    return {name: cls for name, cls in REGISTRY.items()
            if all(getattr(cls.tags, k) == v for k, v in tags.items())}

