"""The sources page: every dataset with an anchor per id and version, so any number on the
dashboard can link to the declaration and citation of the data it came from."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from detente.interfaces.api.deps import StoreDep
from detente.interfaces.links import source_anchor
from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.sources import SOURCES

router = APIRouter(include_in_schema=False)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    loaded: dict[str, list[dict[str, object]]] = {}
    for row in store.provenance().to_pylist():
        loaded.setdefault(row["source_id"], []).append(row)
    entries = [{"s": s, "anchor": source_anchor(s.id, s.version), "loaded": loaded.get(s.id, [])}
               for s in SOURCES.values()]
    return render(request, "sources.html", title="Sources", entries=entries)


PAGE = Page(router, NavItem("Sources", "/sources"))
