"""Landscape inputs built from the store: a year, a set of states, sizes and components.

:func:`build_inputs` reads sizes (CINC or any NMC component) and the weighted propensity
components of :mod:`~detente.models.coalitions._components` for the states of one year;
:func:`furnas_inputs` reads the Axelrod-Furnas Syria inputs as the study used them. Both
return :class:`~detente.models.coalitions._inputs.LandscapeInputs` carrying their provenance
and data versions, ready to run, export (:func:`~detente.models.coalitions._io.write_inputs`),
edit and feed back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from detente._errors import ActorError, ModelInputError
from detente.actors import resolve_actor
from detente.models.coalitions._components import (
    ComponentSpec,
    OutsideCoverage,
    combine_components,
)
from detente.models.coalitions._inputs import LandscapeInputs
from detente.panels._align import to_numpy

if TYPE_CHECKING:
    from detente.store._store import Store

SizeFunction = Callable[["Store", int, np.ndarray], np.ndarray]
SizeSpec = str | SizeFunction
NMC_SIZES = ("cinc", "milex", "milper", "irst", "pec", "tpop", "upop")


def states_in_year(store: Store, year: int,
                   states: Sequence[int | str] | None = None) -> tuple[np.ndarray, list[str]]:
    """COW codes and abbreviations of ``states`` (codes, ISO3, abbreviations or names) in
    ``year``; all system members when ``states`` is None.

    Raises
    ------
    ModelInputError
        Naming every state that is unknown, not a member in ``year``, or repeated.
    """
    store.require("state_codes")
    members = dict(store.rows("SELECT ccode, stateabb FROM state_codes WHERE year = ? "
                              "ORDER BY ccode", [int(year)]))
    if not members:
        raise ModelInputError(f"no COW system members in {year}")
    if states is None:
        codes = np.array(sorted(members), dtype=np.int64)
        return codes, [members[int(c)] for c in codes]
    found: list[int] = []
    problems = []
    for query in states:
        try:
            code = resolve_actor(store, query, year=year).ccode
        except ActorError as exc:
            problems.append(f"{query!r}: {exc}")
            continue
        if code in found:
            problems.append(f"{query!r}: {members.get(code, code)} is listed twice")
        found.append(code)
    if problems:
        raise ModelInputError(f"states for {year} rejected:\n  " + "\n  ".join(problems))
    return np.array(found, dtype=np.int64), [members[c] for c in found]


def size_names() -> tuple[str, ...]:
    """Every name :func:`state_sizes` takes: the NMC columns, then the registered measures."""
    from detente.measures import MEASURES

    return (*NMC_SIZES, *(name for name in MEASURES if name not in NMC_SIZES))


def state_sizes(store: Store, year: int, codes: np.ndarray, size: SizeSpec = "cinc"
                ) -> tuple[np.ndarray, tuple[str, ...]]:
    """Sizes of the states in ``year`` and the store tables read.

    ``"cinc"`` recomputes CINC over all system members (so shares are comparable across
    subsets; :func:`detente.measures.cinc`); another NMC column name reads it as published;
    the name of any other registered measure (``detente measure list``) reads its values
    computed over all system members that year; a function ``(store, year, codes) -> sizes``
    supplies anything else.
    """
    from detente.measures import MEASURES

    if callable(size):
        values = np.asarray(size(store, year, codes), dtype=np.float64)
        tables: tuple[str, ...] = ()
    elif size in MEASURES and size not in NMC_SIZES:
        measure = MEASURES[size]
        table = measure.values(store, (year, year))
        have = dict(zip(table["ccode"].to_pylist(), table["value"].to_pylist(), strict=True))
        values = np.array([np.nan if have.get(int(c)) is None else have[int(c)]
                           for c in codes], dtype=np.float64)
        tables = measure.tables
    elif size in NMC_SIZES:
        store.require("cow_nmc")
        if size == "cinc":
            from detente.measures import cinc

            table = cinc(store, years=(year, year))
        else:
            table = store.arrow(f"SELECT ccode, {size} AS cinc FROM cow_nmc WHERE year = ?",
                                [int(year)])
        have = dict(zip(to_numpy(table["ccode"]).tolist(),
                        table["cinc"].to_numpy(zero_copy_only=False), strict=True))
        values = np.array([have.get(int(c), np.nan) for c in codes], dtype=np.float64)
        tables = ("cow_nmc",)
    else:
        raise ModelInputError(f"size must be one of {', '.join(size_names())} or a "
                              f"function, not {size!r}")
    bad = [int(c) for c, v in zip(codes, values, strict=True) if not (np.isfinite(v) and v > 0)]
    if bad:
        raise ModelInputError(
            f"no positive {size if isinstance(size, str) else 'size'} in {year} for COW "
            f"code(s) {bad}; choose other states, another year or another size measure")
    return values, tables


def build_inputs(store: Store, year: int, states: Sequence[int | str] | None = None, *,
                 size: SizeSpec = "cinc", components: ComponentSpec = None,
                 outside_coverage: OutsideCoverage = "error") -> LandscapeInputs:
    """Landscape inputs for ``states`` in ``year``, from the store.

    Parameters
    ----------
    store
        A store with the component sources pulled (``detente data pull``).
    year
        The year described.
    states
        COW codes, ISO3 codes, COW abbreviations or names; ``None`` for every system member.
    size
        ``"cinc"`` (default), another NMC column (``"milex"``, ``"milper"``, ...) or a function
        ``(store, year, codes) -> sizes``.
    components
        Component names, :class:`~detente.models.coalitions._components.Component` objects, or
        ``{name: weight}``; default: alliances, disputes, rivalries and contiguity with their
        documented weights.
    outside_coverage
        What to do with a component whose data do not cover ``year``: ``"error"`` (default)
        or ``"skip"`` (leave it out and record it in the provenance as skipped).

    Returns
    -------
    LandscapeInputs
        Actors named by COW abbreviation, with COW codes, the year, data versions and a
        provenance stating the size measure, each component's weight and the formula.

    Notes
    -----
    ``p_ij = sum_k w_k C_k(i, j)``, each ``C_k`` in ``[-1, 1]``. Outside a component's
    coverage its values are unknown, not 0, which is why the default is to refuse.

    Examples
    --------
    >>> inputs = build_inputs(store, 2000, ["USA", "RUS", "CHN", "UKG"])  # doctest: +SKIP
    """
    codes, names = states_in_year(store, year, states)
    sizes, size_tables = state_sizes(store, year, codes, size)
    prop, used, skipped = combine_components(store, year, codes, components, outside_coverage)
    tables = [*size_tables, *(t for c in used for t in c.tables), "cow_system"]
    provenance = {
        "built_from": "store",
        "year": int(year),
        "size": size if isinstance(size, str) else getattr(size, "__name__", "function"),
        "formula": "p_ij = sum_k w_k C_k(i, j)",
        "components": [{"name": c.name, "weight": c.weight, "tables": list(c.tables),
                        "description": c.description} for c in used],
        "skipped": skipped,
    }
    return LandscapeInputs(tuple(names), sizes, prop, codes=tuple(int(c) for c in codes),
                           year=int(year), data_versions=store.data_versions(tables),
                           provenance=provenance)


FurnasVariant = Literal["standard", "weak_syria"]


def furnas_inputs(store: Store, variant: FurnasVariant = "standard") -> LandscapeInputs:
    """The Axelrod-Furnas Syria inputs (February 2016) exactly as the study used them.

    Eleven actors with the study's sizes (``variant="weak_syria"``: Syria's strength 10
    instead of 50) and propensities ``p = raw - 3`` from the 1-5 affinity matrix.

    References
    ----------
    1. Axelrod, R. and Furnas, A. (2016). Landscape theory applied to the Syrian conflict.
       GitHub repository alexanderfurnas/Landscape_Theory, commit 80515b4.
    """
    if variant not in ("standard", "weak_syria"):
        raise ModelInputError(f"variant must be 'standard' or 'weak_syria', not {variant!r}")
    table = "furnas_actors" if variant == "standard" else "furnas_actors_weaksyria"
    store.require(table)
    actors = store.rows(f"SELECT actor, strength FROM {table} ORDER BY id")
    names = [a for a, _ in actors]
    where = {a: i for i, a in enumerate(names)}
    prop = np.zeros((len(names), len(names)))
    for a, b, raw in store.rows("SELECT actor1, actor2, raw FROM furnas_propensities"):
        prop[where[a], where[b]] = raw - 3
    return LandscapeInputs(
        tuple(names), np.array([s for _, s in actors], dtype=np.float64), prop,
        data_versions=store.data_versions([table, "furnas_propensities"]),
        provenance={"built_from": "landscape_furnas", "variant": variant,
                    "propensity": "p = raw - 3 (raw on the study's 1-5 scale)"})
