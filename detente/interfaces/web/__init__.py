"""The web dashboard: pages rendered with Jinja2, plotly.js and static files served by the
app itself (no CDN), the map drawn from the store's Natural Earth outlines."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from detente.interfaces.web._assets import STATIC, plotly_js_path
from detente.interfaces.web.pages import NAV, PAGES, NavItem, Page

__all__ = ["NAV", "PAGES", "NavItem", "Page", "install"]


def install(app: FastAPI) -> None:
    """Mount the static files, plotly.js and every page of :data:`PAGES` on ``app``."""

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=31536000, immutable"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for page in PAGES:
        app.include_router(page.router)
