"""Profiles: everything the data say about one country or one dyad, over a span of years.

A profile is built from the panel verbs and the measure registry over a one-state (or
one-dyad) panel, so it follows exactly the coverage rules of the panels: inside a source's
years an absent alliance or dispute is 0, outside them it is null.
"""

from detente.profiles._country import CountryProfile, country_profile
from detente.profiles._dyad import DyadProfile, dyad_profile
from detente.profiles._span import ProfileError, YearBounds, member_years
from detente.profiles._ties import DyadInstruments, dyad_instruments, pair_ties

__all__ = ["CountryProfile", "DyadInstruments", "DyadProfile", "ProfileError", "YearBounds",
           "country_profile", "dyad_instruments", "dyad_profile", "member_years", "pair_ties"]
