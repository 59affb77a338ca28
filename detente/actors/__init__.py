"""Actors: states with their codes in every system, year by year, and name resolution."""

from detente.actors._crosswalk import STATE_CODES_SQL, load_overrides
from detente.actors._registry import KINDS, load_missions, load_registry, register_actors
from detente.actors._resolve import (
    Actor,
    convert_codes,
    regions,
    resolve_actor,
    search_actors,
    states_in_region,
)
from detente.actors._shapes import world_geojson

__all__ = ["KINDS", "STATE_CODES_SQL", "Actor", "convert_codes", "load_missions",
           "load_overrides", "load_registry", "regions", "register_actors", "resolve_actor",
           "search_actors", "states_in_region", "world_geojson"]
