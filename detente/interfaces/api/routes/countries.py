"""Country profiles: hard power over time, alliance partners, disputes, major-power status."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.api.routes._params import ActorPath, FromYear, ToYear, span
from detente.interfaces.api.routes.actors import ActorPublic, actor_public
from detente.interfaces.api.schemas import SourceRef, YearSpan, source_refs
from detente.profiles import country_profile

router = APIRouter(prefix="/countries", tags=["countries"])


class CountryYear(BaseModel):
    """One year of a state: NMC components and CINC with its rank, ATOP partners per
    obligation, GML disputes, COW major-power status. Null = outside the source's years."""

    year: int
    milex: float | None = Field(description="Military expenditure, thousands (GBP to 1913, "
                                "current USD from 1914). NMC 7.0.")
    milper: float | None = Field(description="Military personnel, thousands.")
    irst: float | None = Field(description="Iron and steel production, thousand tons.")
    pec: float | None = Field(description="Primary energy consumption, thousand coal-ton eq.")
    tpop: float | None = Field(description="Total population, thousands.")
    upop: float | None = Field(description="Urban population, thousands.")
    cinc: float | None = Field(description="CINC as published in NMC 7.0 (0-1).")
    cinc_rank: int | None = Field(description="Rank by CINC that year (1 = highest).")
    cinc_ranked: int | None = Field(description="States with a CINC that year.")
    atop_defense_n: int | None = Field(description="ATOP partners with a defence pledge.")
    atop_offense_n: int | None
    atop_neutral_n: int | None
    atop_nonagg_n: int | None
    atop_consul_n: int | None
    atop_anypledge_n: int | None = Field(description="ATOP partners with any obligation.")
    gml_midonset: int | None = Field(description="1 if a GML MID began (state-level).")
    gml_midongoing: int | None
    gml_hostlev: int | None = Field(description="Highest own hostility level, 0-5.")
    gml_mid_partners: int | None = Field(description="States it was in a MID with.")
    cowmaj: int | None = Field(description="1 if a COW major power.")


class Partner(BaseModel):
    ccode: int
    name: str | None
    iso3: str | None
    first_year: int
    last_year: int
    years: int = Field(description="Years with any ATOP obligation between the two.")
    years_defending: int = Field(description="Years this state pledged to defend the partner.")
    years_defended: int = Field(description="Years the partner pledged to defend this state.")
    years_offense: int
    years_neutrality: int
    years_nonaggression: int
    years_consultation: int


class Dispute(BaseModel):
    dispnum: int = Field(description="GML MID dispute number.")
    first_year: int
    last_year: int
    own_hostlev: int | None = Field(description="This state's highest hostility level (1-5).")
    hostlev: int | None = Field(description="The dispute's highest hostility level (1-5).")
    originator: bool | None
    opponents: str
    opponent_codes: list[int]


class Spell(BaseModel):
    first_year: int
    last_year: int


class CountryProfilePublic(BaseModel):
    actor: ActorPublic
    years: YearSpan
    series: list[CountryYear]
    partners: list[Partner] = Field(description="ATOP alliance partners, most years first.")
    disputes: list[Dispute] = Field(description="GML MIDs, latest first.")
    major_power: list[Spell] = Field(description="COW major-power spells in the span.")
    data_versions: dict[str, str]
    sources: list[SourceRef]


@router.get("/{query}", response_model=CountryProfilePublic)
def get_country_profile(query: ActorPath, store: StoreDep, first: FromYear = None,
                        last: ToYear = None) -> CountryProfilePublic:
    """Everything the loaded data say about one state, year by year."""
    p = country_profile(store, query, years=span(first, last))
    return CountryProfilePublic(
        actor=actor_public(p.actor), years=YearSpan(first=p.span[0], last=p.span[1]),
        series=[CountryYear(**r) for r in p.years.drop_columns(["ccode"]).to_pylist()],
        partners=[Partner(**r) for r in p.partners.to_pylist()],
        disputes=[Dispute(**r) for r in p.disputes.to_pylist()],
        major_power=[Spell(**r) for r in p.major_power.to_pylist()],
        data_versions=p.data_versions, sources=source_refs(p.data_versions))
