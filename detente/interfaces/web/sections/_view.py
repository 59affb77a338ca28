"""What a dashboard section shows: figures (plotly JSON), tables whose cells can link, and
the sources behind them. Pages and reports render these the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from detente.interfaces.links import source_href
from detente.sources import get_source


@dataclass(frozen=True)
class SourceLink:
    """A source as cited under a figure or table: ``NMC 7.0`` linking to /sources#..."""

    id: str
    version: str
    label: str
    href: str

    @classmethod
    def of(cls, source_id: str, version: str | None = None) -> SourceLink:
        s = get_source(source_id)
        version = version or s.version
        return cls(source_id, version, f"{s.title} {version}", source_href(source_id, version))


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, and where it links (a page, or the source of a number)."""

    text: str
    href: str | None = None
    numeric: bool = False


@dataclass(frozen=True)
class FigureView:
    """A plotly figure as JSON (``data`` and ``layout``), with a caption and its sources."""

    id: str
    figure: dict[str, Any]
    caption: str
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True)
class TableView:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sources: tuple[SourceLink, ...]
    caption: str = ""


@dataclass(frozen=True)
class SectionView:
    """One panel of a page. ``empty`` explains why there is nothing to show, when so."""

    id: str
    title: str
    intro: str = ""
    figures: tuple[FigureView, ...] = ()
    tables: tuple[TableView, ...] = ()
    empty: str | None = None
    sources: tuple[SourceLink, ...] = field(default=())


def number(value: float | int | None, fmt: str = ",.0f", *, href: str | None = None) -> Cell:
    """A numeric cell linking to its source; a missing value shows as an en dash."""
    if value is None:
        return Cell("–", None, True)
    return Cell(format(value, fmt), href, True)
