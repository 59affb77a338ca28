"""Every panel verb by the name the CLI and REST API use, gathered from each layer."""

from __future__ import annotations

from collections.abc import Callable

from detente.measures import VERBS as MEASURE_VERBS
from detente.panels import VERBS as PANEL_VERBS
from detente.panels._panel import Panel

VERBS: dict[str, Callable[[Panel], Panel]] = {**PANEL_VERBS, **MEASURE_VERBS}
"""``--add capabilities,alliances,similarity``: name to verb."""
