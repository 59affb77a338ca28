"""The bargaining page: an editable table of actors (or the EC example), the forecast by
round, a what-if comparison, the sensitivity distribution and the pivotal actors.

The page is a form over the REST API (``/api/v1/bargaining/...``); its script renders the
answers.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from detente.interfaces.web._render import page as render
from detente.interfaces.web.pages._page import NavItem, Page
from detente.interfaces.web.sections._figures import layout

router = APIRouter(include_in_schema=False)


@router.get("/bargaining", response_class=HTMLResponse)
def bargaining_page(request: Request) -> HTMLResponse:
    """The forms; the script loads the EC example through the API when the page opens."""
    return render(request, "bargaining.html", title="Bargaining",
                  house_layout=layout("", x_title="Round", y_title=""))


PAGE = Page(router, NavItem("Bargaining", "/bargaining"))
