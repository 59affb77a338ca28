"""The Jinja2 environment shared by the dashboard pages and the reports."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from detente.interfaces.web._assets import TEMPLATES, plotly_js_version

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["plotly_version"] = plotly_js_version
templates.env.globals["href"] = lambda target: target  # pages link as they are


def page(request: Request, template: str, status_code: int = 200, **context: Any
         ) -> HTMLResponse:
    """Render a dashboard page with the navigation."""
    from detente.interfaces.web.pages import NAV

    return templates.TemplateResponse(request, template, {"nav": NAV, **context},
                                       status_code=status_code)
