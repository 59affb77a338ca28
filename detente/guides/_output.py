"""Write a computed case to files (its numbers and claims as JSON, each figure as
self-contained HTML and as PNG), and the command line of the example scripts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from detente.guides._registry import get_case
from detente.guides._run import CaseResult, run_case

DEFAULT_OUT = Path("artifacts") / "cases"


def write_case(result: CaseResult, folder: Path, *, png: bool = True) -> list[Path]:
    """``<case>.json``, and ``<figure>.html`` (plotly.js inlined: it opens offline) and
    ``<figure>.png`` (kaleido, the system Chromium) for each figure, in ``folder``."""
    import plotly.io as pio

    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{result.case.id}.json"
    data.write_text(json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    written = [data]
    for figure in result.figures:
        page = folder / f"{figure.id}.html"
        pio.write_html(figure.figure, page, include_plotlyjs=True, include_mathjax=False,
                       full_html=True, validate=False)
        written.append(page)
    if png:
        from detente.reports import write_figure_pngs

        written += write_figure_pngs(result.figures, folder)
    return written


def script_main(case_id: str, argv: list[str] | None = None) -> int:
    """Run one case on the store and write its files; exit status 1 if a claim fails."""
    from detente.store import Store

    case = get_case(case_id)
    parser = argparse.ArgumentParser(description=f"{case.title}: {case.summary}")
    parser.add_argument("--store", type=Path, default=None,
                        help="The DuckDB store (default: DETENTE_STORE, else the user's store).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"Folder for the JSON, HTML and PNG files (default: {DEFAULT_OUT}).")
    parser.add_argument("--no-png", action="store_true", help="Skip the PNG figures.")
    args = parser.parse_args(argv)
    with Store(args.store, read_only=True) as store:
        result = run_case(store, case)
    paths = write_case(result, args.out, png=not args.no_png)
    print(result.text())
    for path in paths:
        print(f"wrote {path}")
    if result.failed:
        for sentence in result.failed:
            print(f"CLAIM DOES NOT HOLD: {sentence.plain(result.numbers)}", file=sys.stderr)
        return 1
    return 0
