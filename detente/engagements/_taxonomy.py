"""The instruments of military diplomacy, as data: definition, direction, unit, seed, sources.

Each :class:`Instrument` answers a passage of the seed documents (``shared/seeds``), quoted
verbatim and checked by a test. ``feeds`` names the open sources that supply engagements of
that kind, each with the unit its magnitude is in; an instrument with no feed is entered by
users (``detente engagements import``). ``detente instruments`` lists them with the years
each feed covers in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from detente._errors import DetenteError

Direction = Literal["directed", "mutual"]
SEED_A = "000_4591fedaeb4dd219.txt"
SEED_B = "003_b3d1faa20f3eefbc.txt"


@dataclass(frozen=True)
class Feed:
    """An open source feeding an instrument: its id, the store table read, the unit."""

    source_id: str
    table: str
    unit: str
    note: str = ""


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    definition: str
    direction: Direction
    direction_note: str
    seed_file: str
    seed_passage: str
    feeds: tuple[Feed, ...] = ()
    user_unit: str = "count"

    @property
    def user_entered(self) -> bool:
        return not self.feeds


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        "alliance", "Alliance (defence, offence, neutrality, non-aggression, consultation)",
        "A formal treaty obligation between states to defend, assist, stay neutral toward, "
        "not attack, or consult one another.",
        "directed", "actor1 is obliged toward actor2 (ATOP is directed: the US defends Japan).",
        SEED_B, "Military Alliances: Collaborative agreements between nations providing mutual "
        "defense and strategic cooperation.",
        (Feed("atop", "atop_dyad_years", "obligation types held (0-5)"),)),
    Instrument(
        "defence_cooperation_agreement", "Defence cooperation agreement",
        "A bilateral framework treaty for routine defence cooperation (training, research, "
        "procurement, status of forces) short of an alliance.",
        "mutual", "Both parties sign; magnitude 1 per agreement.",
        SEED_A, "Moreover, military technology serves as a diplomatic tool, exemplified by arms "
        "sales and military cooperation agreements.", user_unit="agreements"),
    Instrument(
        "exercise", "Joint exercise and training",
        "Armed forces of two or more actors train or exercise together.",
        "mutual", "Every pair of participants in one exercise gets one mutual engagement.",
        SEED_B, "Joint Exercises and Training: Collaborative military activities that enhance "
        "interoperability and build relationships among forces.",
        (Feed("mme", "mme_exercises", "exercises", "MME v7, 1980-2010"),
         Feed("jme", "jme_exercises", "exercises", "JME v3, 1974-2010"))),
    Instrument(
        "attache", "Military attaché, liaison officer and diplomatic representation",
        "An actor posts defence attachés or liaison officers to another.",
        "directed", "actor1 posts officers to actor2; magnitude = officers posted.",
        SEED_B, "Military Attachés and Liaison Officers: Personnel who facilitate communication "
        "and cultural exchange between armed forces of different nations.",
        user_unit="officers"),
    Instrument(
        "arms_transfer", "Arms transfer and defence sale",
        "Deliveries of major conventional weapons from a supplier to a recipient.",
        "directed", "actor1 supplies actor2.",
        SEED_B, "Defense Sales and Programs: Exporting military equipment and training, which "
        "can strengthen diplomatic ties and stability in regions.",
        (Feed("sipri_tiv", "sipri_tiv", "TIV millions", "SIPRI trend-indicator values"),),
        user_unit="TIV millions"),
    Instrument(
        "peacekeeping", "Peacekeeping contribution",
        "Uniformed personnel a state contributes to a UN peace operation.",
        "directed", "actor1 (contributor) sends personnel to actor2 (the mission, a registered "
        "actor whose host states are in detente/actors/missions.csv).",
        SEED_A, "Peacekeeping forces embody a significant element in military diplomacy, "
        "serving to maintain stability and foster peace in conflict-prone regions.",
        (Feed("un_pko", "un_pko_contributions", "personnel (mean of monthly reports)"),),
        user_unit="personnel"),
    Instrument(
        "hadr", "Humanitarian assistance and disaster relief",
        "Military assets deployed to relieve a disaster or humanitarian crisis in another "
        "actor's territory.",
        "directed", "actor1 assists actor2; magnitude = personnel deployed.",
        SEED_A, "Mobilizing military assets for disaster relief also exemplifies the "
        "integration of military strategies for diplomatic success.", user_unit="personnel"),
    Instrument(
        "intelligence_sharing", "Intelligence-sharing arrangement",
        "A standing arrangement to exchange intelligence between services.",
        "mutual", "Both parties share; magnitude 1 per arrangement.",
        SEED_A, "Lastly, incorporating intelligence-sharing between nations further bolsters "
        "military diplomacy.", user_unit="arrangements"),
    Instrument(
        "education_exchange", "Military education and cultural exchange",
        "Officers or cadets of one actor trained in another's military schools, or exchange "
        "programmes between armed forces.",
        "directed", "actor1 hosts students from actor2; magnitude = students.",
        SEED_B, "Initiatives like joint training exercises, international exchange programs, "
        "and personnel deployments enable armed forces to learn diverse operational practices "
        "and cultural nuances.", user_unit="students"),
    Instrument(
        "defence_visit", "High-level defence visit and dialogue",
        "A visit abroad by a defence minister, service chief or commander, or a standing "
        "defence dialogue.",
        "directed", "actor1's official visits actor2.",
        SEED_A, "Regular dialogue between military leaders and diplomatic officials fosters "
        "mutual understanding, reduces friction, and facilitates conflict resolution.",
        (Feed("us_presence", "us_visits", "visits",
              "US service secretaries and combatant commanders, 1992-2012"),),
        user_unit="visits"),
    Instrument(
        "deployment", "Deployment (forces stationed abroad)",
        "Military personnel one actor keeps on another's territory.",
        "directed", "actor1 deploys personnel in actor2.",
        SEED_A, "Strategic posturing, which includes the deployment of military forces in key "
        "regions, serves to deter aggression and reassure allies.",
        (Feed("us_presence", "us_troops", "active-duty personnel", "US only, 1950-2024"),),
        user_unit="personnel"),
    Instrument(
        "basing", "Basing and military construction",
        "Bases one actor operates on another's territory, and what it spends building them.",
        "directed", "actor1 operates bases in actor2.",
        SEED_A, "Moreover, the careful orchestration of military presence can influence "
        "regional dynamics, facilitating dialogues and promoting stability.",
        (Feed("us_presence", "us_bases", "base sites", "US only; a snapshot with no year"),
         Feed("us_presence", "us_construction", "construction, thousand US$",
              "US only, fiscal years 2008-2019")),
        user_unit="base sites"),
    Instrument(
        "port_visit", "Port visit and show of presence",
        "A warship or squadron of one actor calls at another's port.",
        "directed", "actor1's ships visit actor2.",
        SEED_A, "Public displays of military hardware to signify preparedness.",
        user_unit="visits"),
    Instrument(
        "cyber_cooperation", "Cyber cooperation",
        "Joint cyber-defence work: shared centres, agreements, exercises on networks.",
        "mutual", "Both parties cooperate; magnitude 1 per agreement or activity.",
        SEED_A, "Collaborative cybersecurity initiatives, for instance, can strengthen ties "
        "while countering transnational threats.", user_unit="agreements"),
    Instrument(
        "arms_control", "Arms-control agreement",
        "A treaty or confidence-building agreement limiting or verifying armaments.",
        "mutual", "Both parties are bound; magnitude 1 per agreement.",
        SEED_B, "This approach encompasses various activities, such as military exchanges, "
        "joint exercises, and arms control negotiations.", user_unit="agreements"),
    Instrument(
        "igo_comembership", "Shared membership of intergovernmental organisations",
        "Two states are full members of the same intergovernmental organisations.",
        "mutual", "Symmetric; magnitude = number of IGOs shared.",
        SEED_B, "The effects of military diplomacy on international relations are evident in "
        "partnerships formed through multilateral security initiatives.",
        (Feed("cow_igo", "cow_igo_dyad_years", "shared full IGO memberships"),),
        user_unit="IGOs"),
)

BY_ID: dict[str, Instrument] = {i.id: i for i in INSTRUMENTS}


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument ``instrument_id``; the error lists the ids that exist."""
    try:
        return BY_ID[instrument_id]
    except KeyError:
        raise DetenteError(f"unknown instrument {instrument_id!r}; instruments are: "
                           f"{', '.join(BY_ID)}") from None
