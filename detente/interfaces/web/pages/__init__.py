"""Every dashboard page. A new page is a module with a ``PAGE`` and one line in ``PAGES``;
its ``NavItem`` (if any) joins the navigation bar in this order."""

from detente.interfaces.web.pages import (
    bargaining,
    coalitions,
    country,
    dyad,
    escalation,
    guides,
    monitor,
    network,
    sources,
    world_map,
)
from detente.interfaces.web.pages._page import NavItem, Page

PAGES: list[Page] = [
    world_map.PAGE,
    country.PAGE,
    dyad.PAGE,
    network.PAGE,
    coalitions.PAGE,
    bargaining.PAGE,
    escalation.PAGE,
    monitor.PAGE,
    sources.PAGE,
    guides.PAGE,
]

NAV: list[NavItem] = [p.nav for p in PAGES if p.nav is not None]

__all__ = ["NAV", "PAGES", "NavItem", "Page"]
