"""``detente plan``: evaluate an engagement plan against events and measures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store
from detente.interfaces.cli._monitor import show_table
from detente.monitor._plans import evaluate_plan, read_plan

app = typer.Typer(help="Engagement plans: objectives, engagements, progress.",
                  no_args_is_help=True)


@app.command()
@friendly
def evaluate(
    plan: Annotated[Path, typer.Argument(help="Plan TOML (see examples/plan.toml).")],
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Day to evaluate at (default: the last day with events).")] = None,
    chart: Annotated[Path | None, typer.Option(help="Write an HTML chart (plotly) here.")] = None,
    window_days: Annotated[int, typer.Option(
        help="Days either side of an engagement to look for its events.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Progress per objective (baseline, latest, target, status) and engagements seen."""
    parsed = read_plan(plan)
    with open_store(store, read_only=True) as db:
        result = evaluate_plan(db, parsed, as_of=date.fromisoformat(as_of) if as_of else None,
                               window_days=window_days)
        if chart is not None:
            result.write_chart(chart, store=db)
    if as_json:
        typer.echo(json.dumps({
            "plan": parsed.name, "as_of": result.as_of.isoformat(),
            "objectives": result.objectives.to_pylist(),
            "engagements": result.engagements.to_pylist(),
            "data_versions": dict(result.data_versions)}, default=str, indent=2))
        return
    show_table(result.objectives, f"{parsed.name}: progress as of {result.as_of}")
    if result.engagements.num_rows:
        show_table(result.engagements, "planned engagements in the event record")
    versions = ", ".join(f"{k} {v}" for k, v in result.data_versions.items())
    console.print(f"data: {versions}", highlight=False)
    if chart is not None:
        console.print(f"chart written to {chart}")
