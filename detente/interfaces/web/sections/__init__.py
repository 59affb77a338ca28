"""Dashboard sections. A section is a function from a context to a :class:`SectionView`;
the country and dyad pages (and the country brief) show the sections listed here, in order.
Another area adds a section by writing its function and adding one line to a list."""

from detente.interfaces.web.sections import (
    country,
    country_instruments,
    dyad,
    dyad_instruments,
    monitor,
)
from detente.interfaces.web.sections._context import (
    CountryContext,
    CountrySection,
    DyadContext,
    DyadSection,
)
from detente.interfaces.web.sections._view import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
    number,
)

COUNTRY_SECTIONS: list[CountrySection] = [
    country.hard_power,
    country.instruments,
    country_instruments.engagements,
    country_instruments.soft_power,
    country_instruments.centrality,
    country.partners,
    country.disputes,
]

DYAD_SECTIONS: list[DyadSection] = [
    dyad.alliances,
    dyad.disputes,
    dyad.capabilities,
    dyad_instruments.ties,
    dyad_instruments.similarity,
    dyad_instruments.engagements,
    monitor.temperature_section,
]

__all__ = ["COUNTRY_SECTIONS", "DYAD_SECTIONS", "Cell", "CountryContext", "CountrySection",
           "DyadContext", "DyadSection", "FigureView", "SectionView", "SourceLink",
           "TableView", "number"]
