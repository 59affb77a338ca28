"""Guided case studies: each seed case computed from the store, its sentences with every
number linked to its source, its figures and numbers, what the data do not show, and links
to the map, country and dyad pages of the states involved."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from detente.guides import CASES, CaseResult, run_case
from detente.interfaces.api.deps import StoreDep
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections import (
    Cell,
    FigureView,
    SectionView,
    SourceLink,
    TableView,
)
from detente.sources import SOURCES

router = APIRouter(include_in_schema=False)
CaseId = Annotated[str, Path(max_length=60, pattern=r"^[a-z0-9_]+$")]


def _links(result: CaseResult, ids: tuple[str, ...]) -> tuple[SourceLink, ...]:
    """Source links for ``ids`` (user-entered data have no source entry)."""
    return tuple(SourceLink.of(s, result.data_versions.get(s)) for s in ids if s in SOURCES)


def _number_table(result: CaseResult) -> TableView:
    rows = []
    for key, number in result.numbers.items():
        links = _links(result, number.sources)
        href = links[0].href if links else None
        rows.append((Cell(number.label), Cell(number.text(), href, numeric=True),
                     Cell(number.unit), Cell(", ".join(s.label for s in links) or "user-entered"),
                     Cell(key)))
    all_sources = tuple(dict.fromkeys(s for n in result.numbers.values() for s in n.sources))
    return TableView(f"{result.case.id}-numbers", "Every number the case computed",
                     ("number", "value", "unit", "source", "name in the JSON"), tuple(rows),
                     _links(result, all_sources),
                     "each value links to its source; the sentences quote them by name")


@router.get("/guides", response_class=HTMLResponse)
def guides_page(request: Request) -> HTMLResponse:
    return render(request, "guides.html", title="Guided case studies", cases=list(CASES.values()))


@router.get("/guides/{case_id}", response_class=HTMLResponse)
def guide_page(request: Request, case_id: CaseId, store: StoreDep) -> HTMLResponse:
    case = CASES.get(case_id)
    if case is None:
        raise HTTPException(404, f"no case study {case_id!r}; see /guides for the list")
    result = run_case(store, case)
    figures = SectionView(f"{case.id}-figures", "Figures", figures=tuple(
        FigureView(f.id, f.figure, f.caption, _links(result, f.sources))
        for f in result.figures))
    numbers = SectionView(f"{case.id}-table", "Numbers", tables=(_number_table(result),))
    hrefs = {k: (links[0].href if (links := _links(result, n.sources)) else None)
             for k, n in result.numbers.items()}
    made_up = None
    if case.user_entry is not None:
        made_up = files("detente.guides").joinpath("user_entered", case.user_entry.file
                                                   ).read_text(encoding="utf-8")
    names = dict(store.rows("SELECT actor_id, name FROM actors WHERE kind = 'state'"))
    sources = [SourceLink.of(s, v) for s, v in sorted(result.data_versions.items())]
    return render(request, "guide.html", title=case.title, case=case, r=result, hrefs=hrefs,
                  sections=[figures, numbers], sources=sources, made_up=made_up,
                  names={int(k): v for k, v in names.items()})


PAGE = Page(router, NavItem("Guides", "/guides"))
