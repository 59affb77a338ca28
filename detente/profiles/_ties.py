"""A pair of states through the instruments of military diplomacy: relationship (tie)
strength and its components, alliance-portfolio similarity, and their engagements."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from detente.actors import Actor
from detente.engagements import dyad_engagements
from detente.measures import add_tie_strength, pair_similarity
from detente.measures._tie_strength import TIE_COMPONENTS
from detente.profiles._span import YearBounds, dyad_panel, pair_years
from detente.sources.registry import table_owner
from detente.store import Store


def pair_ties(store: Store, a: int, b: int, years: np.ndarray) -> pa.Table:
    """Tie strength of states ``a`` and ``b`` (COW codes) in ``years`` (years both were
    members): ``year``, ``tie_strength`` (0-1), ``tie_components`` and each component as
    ``tie_<name>``; see :func:`detente.measures.add_tie_strength`."""
    table = add_tie_strength(dyad_panel(store, a, b, years)).table
    return table.drop_columns(["ccode1", "ccode2"])


@dataclass(frozen=True)
class DyadInstruments:
    """``ties`` (:func:`pair_ties`), ``similarity`` (:func:`detente.measures.pair_similarity`,
    ATOP) and ``engagements`` (:func:`detente.engagements.dyad_engagements`, ``a_to_b`` from
    ``a``) over ``span``, with the versions of every source read."""

    a: Actor
    b: Actor
    span: tuple[int, int]
    ties: pa.Table
    similarity: pa.Table
    engagements: pa.Table
    data_versions: dict[str, str]


def dyad_instruments(store: Store, first: str | int, second: str | int, *,
                     years: YearBounds | None = None) -> DyadInstruments:
    """Everything the dyad page shows on the instruments for the pair ``first``, ``second``
    (COW codes, ISO3 or names) over the years both were COW members (carried past 2016, as
    profiles are). Raises ``ProfileError`` for one state twice or a pair that never
    coexisted in ``years``."""
    a, b, span_years = pair_years(store, first, second, years)
    span = (int(span_years[0]), int(span_years[-1]))
    ties = pair_ties(store, a.ccode, b.ccode, span_years)
    similarity = pair_similarity(store, a.ccode, b.ccode, years=span)
    together = dyad_engagements(store, str(a.ccode), str(b.ccode), years=span)
    ids = {table_owner(c.coverage_table).id for c in TIE_COMPONENTS.values()
           if store.has_table(c.coverage_table)}
    ids |= {"atop", "cow_nmc"} | set(together["source_id"].to_pylist())
    loaded = store.loaded()
    versions = {i: loaded[i] for i in sorted(ids) if i in loaded}
    return DyadInstruments(a, b, span, ties, similarity, together, versions)
