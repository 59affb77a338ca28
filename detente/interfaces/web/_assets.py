"""Where the dashboard's files are: templates, static files, and the plotly.js bundle that the
plotly wheel ships (served by the app itself, never from a CDN)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

HERE = Path(str(files("detente.interfaces.web")))
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def plotly_js_path() -> Path:
    """``plotly.min.js`` from the installed plotly package (plotly.js 4.x)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@cache
def plotly_js_version() -> str:
    """The plotly.py version, used to bust browser caches when plotly is upgraded."""
    import plotly

    return str(plotly.__version__)


@cache
def inline_asset(name: str) -> str:
    """The text of a static file, for self-contained reports."""
    if name == "plotly.min.js":
        return plotly_js_path().read_text(encoding="utf-8")
    return (STATIC / name).read_text(encoding="utf-8")
