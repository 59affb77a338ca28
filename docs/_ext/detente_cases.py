"""``.. detente-cases::`` renders every case study (``detente.guides.CASES``) computed from the
store named by ``DETENTE_STORE`` while the guide is built: the seed passage, the sentences
with their numbers filled in, the figures (plotly.js copied from the plotly package, no CDN),
what the data do not show, the made-up user-entry file, every number with its sources, and
the code that computes it.

A claim that does not hold on the store's data is a build warning, so ``-W`` fails the build.
Without a loaded store the sentences show the names of their numbers and a note says so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from _nested import parse_rst
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from detente.guides import CASES, CaseResult, Sentence, run_case

logger = logging.getLogger(__name__)
SCRIPTS = ("plotly.min.js", "figures.js")


def _escape(text: str) -> str:
    """Text for reStructuredText, inline markup characters escaped."""
    for char in ("\\", "*", "`", "_", "|"):
        text = text.replace(char, "\\" + char)
    return text


_RESULTS: dict[str, dict[str, CaseResult] | None] = {}


def _computed() -> dict[str, CaseResult] | None:
    """Every case computed from the configured store (once per build process), or None
    without a loaded store."""
    from detente._errors import DetenteError
    from detente._settings import get_settings
    from detente.store import Store

    path = str(get_settings().store)
    if path in _RESULTS:
        return _RESULTS[path]
    try:
        store = Store(read_only=True)
    except DetenteError:
        _RESULTS[path] = None
        return None
    with store:
        loaded = store.has_table("provenance") and store.has_table("all_engagements")
        _RESULTS[path] = ({case_id: run_case(store, case) for case_id, case in CASES.items()}
                          if loaded else None)
    return _RESULTS[path]


class CasesDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        env = self.env
        results = _computed()
        out: list[nodes.Node] = []
        if results is None:
            note = nodes.note()
            note += nodes.paragraph(text="This guide was built without a loaded store "
                                    "(DETENTE_STORE), so the sentences below show the names "
                                    "of their numbers in braces instead of the values. Run "
                                    "`detente data pull` and build again to see them.")
            out.append(note)
        for case_id, case in CASES.items():
            result = None if results is None else results[case_id]
            section = nodes.section(ids=[f"case-{case_id}"], names=[f"case-{case_id}"])
            section += nodes.title(text=case.title)
            self._rst(section, [".. epigraph::", "", f"   “{_escape(case.seed_passage)}”", "",
                                f"   -- seed document {case.seed_file}", "",
                                f"{_escape(case.summary)} *Question:* {case.question}. "
                                f"*Script:* ``{case.script}``; dashboard: "
                                f"``/guides/{case_id}``."])
            section += nodes.rubric(text="What the data show")
            section += self._sentences(result, case.shows if result is None else result.shows)
            if result is not None:
                for figure in result.figures:
                    section += self._figure(figure.id, figure.figure, figure.caption,
                                            result, figure.sources)
            section += nodes.rubric(text="What the data do not show")
            section += self._sentences(result, case.limits if result is None else result.limits)
            if case.user_entry is not None:
                entry = case.user_entry
                self._rst(section, [
                    ".. rubric:: Adding what is missing", "",
                    f"{_escape(entry.why)} Print the template with ``detente engagements "
                    f"template > mine.csv``, fill in one row per engagement with instrument "
                    f"``{entry.instrument}``, and import it with ``detente engagements import "
                    "mine.csv`` (all or nothing; every bad cell is reported with its row and "
                    "column). The case then counts your rows, and the sentence above that "
                    "says the store holds none stops holding, as it should.", "",
                    f"**A made-up example file (not real data)**, ``{entry.file}``:", "",
                    f".. literalinclude:: /../detente/guides/user_entered/{entry.file}",
                    "   :language: text", ""])
            if result is not None:
                self._rst(section, self._numbers(result))
            self._rst(section, [".. rubric:: How it is computed", "",
                                f".. literalinclude:: /../detente/guides/cases/{case_id}.py",
                                "   :pyobject: compute", ""])
            out.append(section)
            if result is not None:
                for sentence in result.failed:
                    logger.warning("case %s: this claim does not hold on the store's data: %s",
                                   case_id, sentence.plain(result.numbers),
                                   location=(env.docname, self.lineno))
        return out

    def _rst(self, parent: nodes.Element, lines: list[str]) -> None:
        parent += parse_rst(self, lines)

    def _sentences(self, result: CaseResult | None, items: Any) -> nodes.paragraph:
        para = nodes.paragraph()
        for item in items:
            if isinstance(item, Sentence) and result is not None:
                for text, key in item.parts:
                    if key is None:
                        para += nodes.Text(text)
                    else:
                        para += nodes.strong(text=result.numbers[key].text())
            else:
                para += nodes.Text(item.text)
            para += nodes.Text(" ")
        return para

    def _figure(self, figure_id: str, figure: dict[str, Any], caption: str,
                result: CaseResult, sources: tuple[str, ...]) -> nodes.Node:
        data = json.dumps(figure, ensure_ascii=False).replace("</", "<\\/")
        html = (f'<div class="plot" id="{figure_id}"></div>'
                f'<script type="application/json" class="figure-data" '
                f'data-target="{figure_id}">{data}</script>')
        versions = ", ".join(f"{s} {result.data_versions.get(s, '')}".strip() for s in sources)
        box = nodes.container(classes=["case-figure"])
        box += nodes.raw("", html, format="html")
        box += nodes.paragraph(text=f"{caption} Sources: {versions}.")
        return box

    @staticmethod
    def _numbers(result: CaseResult) -> list[str]:
        lines = [".. rubric:: Numbers", "", ".. list-table::", "   :header-rows: 1",
                 "   :widths: 40 16 14 30", "", "   * - number", "     - value", "     - unit",
                 "     - sources"]
        for number in result.numbers.values():
            lines += [f"   * - {_escape(number.label)}", f"     - {_escape(number.text())}",
                      f"     - {_escape(number.unit)}",
                      "     - " + ", ".join(f"``{s}`` {result.data_versions.get(s, '')}".strip()
                                            for s in number.sources)]
        versions = ", ".join(f"``{s}`` {v}" for s, v in sorted(result.data_versions.items()))
        return lines + ["", f"Data versions: {versions} (see :doc:`/reference/sources`).", ""]


def _add_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> None:
    if doctree is not None and any("case-figure" in n["classes"]
                                   for n in doctree.findall(nodes.container)):
        for script in SCRIPTS:
            app.add_js_file(script)


def _copy_scripts(app: Sphinx, exception: Exception | None) -> None:
    """plotly.js from the plotly package and the dashboard's figure renderer, into _static."""
    if exception is not None or app.builder.format != "html":
        return
    from detente.interfaces.web._assets import STATIC, plotly_js_path

    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js_path(), static / "plotly.min.js")
    shutil.copyfile(STATIC / "figures.js", static / "figures.js")


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("detente-cases", CasesDirective)
    app.connect("html-page-context", _add_scripts)
    app.connect("build-finished", _copy_scripts)
    return {"parallel_read_safe": False}
