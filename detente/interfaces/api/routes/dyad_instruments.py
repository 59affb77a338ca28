"""A pair through the instruments: relationship (tie) strength and its components,
alliance-portfolio similarity and the engagements between the two, year by year."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear, span
from detente.interfaces.api.routes.actors import ActorPublic, actor_public
from detente.interfaces.api.schemas import SourceRef, YearSpan, source_refs
from detente.profiles import dyad_instruments

router = APIRouter(prefix="/dyads", tags=["dyads"])


class TieYear(BaseModel):
    year: int
    tie_strength: float | None = Field(description="Weighted mean of the components covering "
                                       "the year, 0-1 (null: none covers it).")
    tie_components: int = Field(description="Components that entered.")
    components: dict[str, float | None] = Field(description="Each component scaled to 0-1 "
                                                "among all pairs that year (null: outside "
                                                "its coverage).")


class SimilarityYear(BaseModel):
    """ATOP portfolio similarity (null when a portfolio is constant)."""

    year: int
    s_abs: float | None = Field(description="Signorino-Ritter S, absolute distance.")
    s_sq: float | None
    s_abs_w: float | None = Field(description="S weighted by CINC.")
    s_sq_w: float | None
    kappa: float | None = Field(description="Cohen's kappa, nominal.")
    kappa_abs: float | None = Field(description="Weighted kappa (Haege 2011).")
    kappa_sq: float | None
    taub: float | None = Field(description="Kendall's tau-b.")


class PairEngagementYear(BaseModel):
    instrument: str
    source_id: str
    unit: str
    way: str = Field(description="a_to_b, b_to_a (directed instruments) or with (mutual).")
    year: int
    engagements: int = Field(description="Distinct engagements (an exercise counts once).")
    magnitude: float = Field(description="Summed magnitude, in unit (peacekeeping: UN "
                                         "missions both contributed to).")


class DyadInstrumentsPublic(BaseModel):
    a: ActorPublic
    b: ActorPublic
    years: YearSpan
    ties: list[TieYear]
    similarity: list[SimilarityYear]
    engagements: list[PairEngagementYear]
    data_versions: dict[str, str]
    sources: list[SourceRef]


@router.get("/{first_state}/{second_state}/instruments", response_model=DyadInstrumentsPublic)
def get_dyad_instruments(first_state: ActorPath, second_state: ActorPath, store: StoreDep,
                         first: FromYear = None, last: ToYear = None) -> DyadInstrumentsPublic:
    """Tie strength with its components, ATOP portfolio similarity and every engagement
    between the two states, per year, over the years both existed."""
    d = dyad_instruments(store, first_state, second_state, years=span(first, last))
    ties = [TieYear(year=r.pop("year"), tie_strength=r.pop("tie_strength"),
                    tie_components=r.pop("tie_components"),
                    components={k.removeprefix("tie_"): v for k, v in r.items()})
            for r in d.ties.to_pylist()]
    return DyadInstrumentsPublic(
        a=actor_public(d.a), b=actor_public(d.b), years=YearSpan(first=d.span[0], last=d.span[1]),
        ties=ties, similarity=[SimilarityYear(**r) for r in d.similarity.to_pylist()],
        engagements=[PairEngagementYear(**r) for r in d.engagements.to_pylist()],
        data_versions=d.data_versions, sources=source_refs(d.data_versions))
