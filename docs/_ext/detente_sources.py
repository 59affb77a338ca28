"""``.. detente-sources::`` renders every declared source from the registry, so the page
cannot drift from the code: id, dataset, version, coverage, unit, codes, licence, citation,
missing values and known quirks."""

from __future__ import annotations

from _nested import parse_rst
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from detente.sources import SOURCES


def _cell(text: str) -> str:
    """Declaration text as reStructuredText: one line, markup characters escaped."""
    flat = " ".join(str(text).split()).replace("|", "/")
    for char in ("\\", "*", "`", "_"):
        flat = flat.replace(char, "\\" + char)
    return flat


class SourcesDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        lines = [".. list-table::", "   :header-rows: 1", "   :widths: 12 30 10 12 40", "",
                 "   * - id", "     - dataset (producer)", "     - version", "     - coverage",
                 "     - citation"]
        for s in SOURCES.values():
            cov = f"{s.coverage[0]}-{s.coverage[1]}" if s.coverage else "-"
            lines += [f"   * - ``{s.id}``", f"     - {_cell(s.title)} ({_cell(s.producer)})",
                      f"     - {_cell(s.version)}", f"     - {cov}", f"     - {_cell(s.citation)}"]
        for s in SOURCES.values():
            lines += ["", f".. rubric:: {s.id}", "",
                      f"**{_cell(s.title)}**, version {_cell(s.version)}. Homepage: {s.homepage}",
                      "", f"*Unit:* {s.unit}; *codes:* {s.system}; *licence:* {s.license} "
                      f"({_cell(s.terms)})", "", f"*Missing values:* {_cell(s.missing_values)}"]
            if s.notes:
                lines += ["", f"*Known quirks:* {_cell(s.notes)}"]
            tables = ", ".join(f"``{t.name}``" for t in s.tables)
            lines += ["", f"*Store tables:* {tables}. Files:", ""]
            lines += [f"- ``{f.path}`` (sha256 ``{f.sha256[:12]}...``)" for f in s.files]
        return parse_rst(self, lines)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("detente-sources", SourcesDirective)
    return {"parallel_read_safe": True}
