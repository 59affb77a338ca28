"""What a section is given: the store and the profile of the country (or dyad) on show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from detente.interfaces.web.sections._view import SectionView
from detente.profiles import CountryProfile, DyadProfile
from detente.store import Store


@dataclass(frozen=True)
class CountryContext:
    store: Store
    profile: CountryProfile


@dataclass(frozen=True)
class DyadContext:
    store: Store
    profile: DyadProfile


CountrySection = Callable[[CountryContext], SectionView]
DyadSection = Callable[[DyadContext], SectionView]
