"""Panels: state-years and dyad-years, and the verbs that add data to them."""

from detente.panels._context import add_democracy
from detente.panels._create import create_dyad_years, create_state_years
from detente.panels._event_tone import add_event_tone
from detente.panels._instruments import (
    add_arms_transfers,
    add_basing,
    add_engagements,
    add_exercises,
    add_igo_ties,
    add_peacekeeping,
    add_trade,
    add_un_voting,
)
from detente.panels._panel import Panel
from detente.panels._spine import add_alliances, add_capabilities, add_disputes, add_major_powers
from detente.panels._user import add_user_data, read_user_state_years

__all__ = [
    "VERBS",
    "Panel",
    "add_alliances",
    "add_arms_transfers",
    "add_basing",
    "add_capabilities",
    "add_democracy",
    "add_disputes",
    "add_engagements",
    "add_event_tone",
    "add_exercises",
    "add_igo_ties",
    "add_major_powers",
    "add_peacekeeping",
    "add_trade",
    "add_user_data",
    "add_un_voting",
    "create_dyad_years",
    "create_state_years",
    "read_user_state_years",
]

VERBS = {
    "alliances": add_alliances,
    "capabilities": add_capabilities,
    "democracy": add_democracy,
    "disputes": add_disputes,
    "major_powers": add_major_powers,
    "arms_transfers": add_arms_transfers,
    "peacekeeping": add_peacekeeping,
    "exercises": add_exercises,
    "basing": add_basing,
    "un_voting": add_un_voting,
    "igo_ties": add_igo_ties,
    "trade": add_trade,
    "event_tone": add_event_tone,
}
"""Verbs by the name the CLI and REST API use (``--add alliances,capabilities``)."""
