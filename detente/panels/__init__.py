"""Panels: state-years and dyad-years, and the verbs that add data to them."""

from detente.panels._create import create_dyad_years, create_state_years
from detente.panels._event_tone import add_event_tone
from detente.panels._panel import Panel
from detente.panels._spine import add_alliances, add_capabilities, add_disputes, add_major_powers

__all__ = [
    "VERBS",
    "Panel",
    "add_alliances",
    "add_capabilities",
    "add_disputes",
    "add_event_tone",
    "add_major_powers",
    "create_dyad_years",
    "create_state_years",
]

VERBS = {
    "alliances": add_alliances,
    "capabilities": add_capabilities,
    "disputes": add_disputes,
    "major_powers": add_major_powers,
    "event_tone": add_event_tone,
}
"""Verbs by the name the CLI and REST API use (``--add alliances,capabilities``)."""
