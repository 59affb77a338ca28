"""Parse reStructuredText from a directive, whatever the page is written in.

In a MyST Markdown page a directive's ``nested_parse`` reads Markdown, so generated
reStructuredText (list tables, rubrics, literalinclude) would show as text. There the lines
are wrapped in MyST's ``eval-rst`` directive, which hands them to the reStructuredText
parser with Sphinx's directives and roles.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


def parse_rst(directive: SphinxDirective, lines: list[str]) -> list[nodes.Node]:
    """The nodes of ``lines`` (reStructuredText) parsed in ``directive``'s context."""
    from myst_parser.mocking import MockState

    if isinstance(directive.state, MockState):
        lines = ["````{eval-rst}", *lines, "````"]
    container = nodes.container()
    directive.state.nested_parse(StringList(lines), directive.content_offset, container)
    return list(container.children)
