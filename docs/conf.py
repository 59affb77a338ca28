"""Sphinx configuration for detente's user guide (builds offline; CI runs it with -W)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "detente"
author = "the detente developers"
copyright = "2026, the detente developers"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "detente_cli",
    "detente_sources",
    "detente_cases",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "reference/cli_generated.md"]
html_theme = "furo"
html_title = "detente"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
napoleon_numpy_docstring = True
napoleon_google_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
nitpicky = False
suppress_warnings = ["myst.xref_missing", "ref.footnote"]  # numpydoc reference lists
