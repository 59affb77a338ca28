"""The defence network of a year: nodes and links (node-link JSON) with the combined weight
and every layer's magnitude, for the instruments and layer weights asked."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from detente._errors import DetenteError
from detente.engagements import (
    DEFAULT_INSTRUMENTS,
    INSTRUMENTS,
    NetworkView,
    network_view,
    network_weights,
    network_years,
)
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.refusals import invalid
from detente.interfaces.api.routes.instruments import InstrumentId
from detente.interfaces.api.schemas import SourceRef, YearSpan, source_refs
from detente.store import Store

router = APIRouter(prefix="/network", tags=["network"])

InstrumentsQuery = Annotated[list[InstrumentId] | None, Query(  # type: ignore[valid-type]
    max_length=len(INSTRUMENTS), description="Layers (default: alliance, arms_transfer, "
    "exercise, peacekeeping).")]
WeightsQuery = Annotated[str | None, Query(
    max_length=1000, examples=['{"arms_transfer": 2}'],
    description="Layer weights in the combined network as a JSON object, 0-100 each "
    "(default 1; 0 drops a layer).")]


class LayerEdge(BaseModel):
    instrument: str
    directed: bool = Field(description="True: from source to target (arms transfers).")
    magnitude: float = Field(description="In the instrument's unit (GET /instruments).")
    normalised: float | None = Field(description="Magnitude over the layer's largest that year.")
    weight: float | None = Field(description="normalised x the layer's weight.")


class NetworkLink(BaseModel):
    source: int = Field(description="COW code.")
    target: int
    combined_weight: float = Field(description="Sum of the layers' weights.")
    layers: list[LayerEdge]


class LayerStrength(BaseModel):
    instrument: str
    strength: float


class NetworkNode(BaseModel):
    id: int = Field(description="COW code.")
    name: str
    iso3: str | None
    member: bool = Field(description="A COW system member that year (2016's after 2016).")
    strength: float = Field(description="Sum of the combined weights of its links.")
    degree: int = Field(description="States it is linked to.")
    layer_strength: list[LayerStrength]
    x: float | None = Field(description="Layout position (deterministic); null if isolated.")
    y: float | None
    page: str = Field(description="Dashboard address of the country page.")


class NetworkPublic(BaseModel):
    year: int
    instruments: list[str]
    weights: dict[str, float]
    directed: bool = True
    multigraph: bool = False
    coverage: YearSpan = Field(description="Years the chosen layers cover.")
    nodes: list[NetworkNode]
    links: list[NetworkLink]
    data_versions: dict[str, str]
    sources: list[SourceRef]


def parse_weights(text: str | None) -> dict[str, object] | None:
    """The ``weights`` query parameter as a mapping, or a 422 naming it."""
    if text is None or not text.strip():
        return None
    try:
        data = json.loads(text)
    except ValueError as exc:
        invalid("weights", f"is not JSON ({exc})")
    if not isinstance(data, dict):
        invalid("weights", 'must be a JSON object such as {"arms_transfer": 2}')
    return data


def checked_network(store: Store, year: int, instruments: list[str] | None,
                    weights: str | None, *, with_layout: bool
                    ) -> tuple[NetworkView, tuple[int, int]]:
    """The network for the request, with every parameter checked (422 naming it)."""
    ids = instruments or list(DEFAULT_INSTRUMENTS)
    given = parse_weights(weights)
    try:
        network_weights(ids, given)
    except DetenteError as exc:
        invalid("weights", str(exc))
    span = network_years(store, ids)
    if span is None or not span[0] <= year <= span[1]:
        covered = f"they cover {span[0]}-{span[1]}" if span else "none has data in the store"
        invalid("year", f"no chosen instrument has data for {year}; {covered}", where="path")
    return network_view(store, year, instruments=ids, weights=given,
                        with_layout=with_layout), span


@router.get("/{year}", response_model=NetworkPublic)
def get_network(
    year: Annotated[int, Path(ge=1000, le=3000, examples=[2005])], store: StoreDep,
    instruments: InstrumentsQuery = None, weights: WeightsQuery = None,
    layout: Annotated[bool, Query(description="Compute node positions.")] = True,
) -> NetworkPublic:
    """The year's multiplex defence network: each layer divided by its strongest tie that
    year, weighted, and summed per pair into the combined weight."""
    view, span = checked_network(store, year, [i.value for i in instruments or []],
                                 weights, with_layout=layout)
    nodes = [NetworkNode(id=r["ccode"], page=f"/country/{r['ccode']}",
                         **{k: v for k, v in r.items() if k != "ccode"})
             for r in view.nodes.to_pylist()]
    links = [NetworkLink(source=r["ccode1"], target=r["ccode2"],
                         combined_weight=r["combined_weight"], layers=r["layers"])
             for r in view.links.to_pylist()]
    return NetworkPublic(year=view.year, instruments=list(view.instruments),
                         weights=view.weights, coverage=YearSpan(first=span[0], last=span[1]),
                         nodes=nodes, links=links, data_versions=view.data_versions,
                         sources=source_refs(view.data_versions))
