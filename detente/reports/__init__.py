"""Reports: the country brief as self-contained HTML (opens from a file with no network), as
PDF (printed by headless Chromium), and its figures as PNG (kaleido)."""

from detente.reports._brief import CountryBrief, country_brief, render_html
from detente.reports._export import write_figure_pngs, write_pdf, write_pngs

__all__ = ["CountryBrief", "country_brief", "render_html", "write_figure_pngs", "write_pdf",
           "write_pngs"]
