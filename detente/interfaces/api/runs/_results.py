"""Results as the API returns them: the ``Result`` tables as rows, with how they were made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from detente.interfaces.api.schemas import SourceRef, source_refs
from detente.models import Result


class Strict(BaseModel):
    """A request body: unknown fields are refused by name (a typo is an error, not ignored)."""

    model_config = ConfigDict(extra="forbid")


class RunMeta(BaseModel):
    """How a result was made: the model, its parameters and seed, the data it read."""

    model: str = Field(description="The model class that ran.")
    summary: dict[str, Any] = Field(description="The run in a few numbers (model-specific).")
    params: dict[str, Any] = Field(description="The model's parameters, as run.")
    seed: int | None = Field(description="The seed (null for deterministic models).")
    data_versions: dict[str, str] = Field(
        description="Source id to version of every dataset the inputs came from; empty for "
                    "inputs given in the request.")
    sources: list[SourceRef] = Field(description="The same sources, with their entries on "
                                                 "the dashboard's sources page.")


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as dicts, with NaN as null (JSON has no NaN)."""
    return frame.with_columns(pl.col(pl.Float64, pl.Float32).fill_nan(None)).to_dicts()


def ordered_sources(versions: Mapping[str, str], first: Sequence[str] = ()) -> list[SourceRef]:
    """References for ``versions``, those named in ``first`` leading (a page links a number to
    the first source, so the source of the sizes or capabilities goes first)."""
    refs = source_refs(dict(versions))
    return sorted(refs, key=lambda r: (r.id not in first, first.index(r.id) if r.id in first
                                       else 0, r.id))


def run_meta(result: Result, *, seed: int | None = None, first: Sequence[str] = ()
             ) -> dict[str, Any]:
    """The :class:`RunMeta` fields of ``result`` (``seed`` overrides the recorded one)."""
    meta = result.to_dict(max_rows=0)
    return {"model": meta["model"], "summary": meta["summary"], "params": meta["params"],
            "seed": meta["seed"] if seed is None else seed,
            "data_versions": meta["data_versions"],
            "sources": ordered_sources(result.data_versions, first)}


def meta_for(model: str, versions: Mapping[str, str], *, summary: Mapping[str, Any],
             params: Mapping[str, Any], seed: int | None = None, first: Sequence[str] = ()
             ) -> dict[str, Any]:
    """:class:`RunMeta` fields for a computation that is not one ``Result``."""
    return {"model": model, "summary": dict(summary), "params": dict(params), "seed": seed,
            "data_versions": dict(versions), "sources": ordered_sources(versions, first)}
