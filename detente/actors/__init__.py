"""Actors: states with their codes in every system, year by year, and name resolution."""

from detente.actors._crosswalk import STATE_CODES_SQL, load_overrides
from detente.actors._resolve import Actor, convert_codes, resolve_actor, search_actors
from detente.actors._shapes import world_geojson

__all__ = ["STATE_CODES_SQL", "Actor", "convert_codes", "load_overrides", "resolve_actor",
           "search_actors", "world_geojson"]
