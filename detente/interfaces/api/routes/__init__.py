"""Every API router. A new area adds its module here and one line to ``ROUTERS``."""

from fastapi import APIRouter

from detente.interfaces.api.routes import (
    actors,
    bargaining,
    coalitions,
    countries,
    dyad_instruments,
    dyads,
    engagements,
    escalation,
    geo,
    health,
    instruments,
    measures,
    monitor,
    network,
    panels,
    sources,
)

ROUTERS: list[APIRouter] = [
    health.router,
    sources.router,
    actors.router,
    panels.router,
    measures.router,
    countries.router,
    dyads.router,
    geo.router,
    instruments.router,
    engagements.router,
    network.router,
    dyad_instruments.router,
    coalitions.router,
    bargaining.router,
    escalation.router,
    monitor.router,
]
"""Mounted under ``/api/v1`` in this order."""
