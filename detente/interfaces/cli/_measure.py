"""``detente measure``: rank states on any registered measure for a year."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import click
import typer
from rich.table import Table
from typer.core import TyperGroup

from detente.actors import resolve_actor, states_in_region
from detente.interfaces.cli._common import StoreOption, console, friendly, open_store
from detente.measures import MEASURES, get_measure, measure_table



class _MeasureGroup(TyperGroup):
    """``detente measure NAME ...`` is ``detente measure rank NAME ...`` for a registered
    measure (``detente measure cinc --year 2010 --top 20``)."""

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in MEASURES:
            args = ["rank", *args]
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=_MeasureGroup, no_args_is_help=True, invoke_without_command=False,
                  help="Measures: rank states on any index for a year "
                       "(`detente measure NAME --year 2010`, short for `measure rank NAME`).")


@app.command("list")
@friendly
def list_measures() -> None:
    """List every measure with its unit, method and citation."""
    table = Table(title="detente measures")
    for col in ("name", "title", "unit", "method", "citation"):
        table.add_column(col)
    for m in MEASURES.values():
        table.add_row(m.name, m.title, m.unit, m.method, m.citation)
    console.print(table)


@app.command("rank")
@friendly
def rank(
    name: Annotated[str, typer.Argument(help="Measure name (see `detente measure list`).")],
    year: Annotated[int, typer.Option(help="Year.")],
    top: Annotated[int, typer.Option(help="Show the first N states.")] = 20,
    region: Annotated[str | None, typer.Option(
        help="Compare only states of this region (World Bank region, continent or UN "
             "region), renormalising shares within it.")] = None,
    states: Annotated[str | None, typer.Option(
        help="Compare only these states (comma-separated codes, ISO3 or names).")] = None,
    weights: Annotated[Path | None, typer.Option(
        help="Weights file (TOML or JSON) for composite measures such as soft_power; "
             "start from detente/measures/soft_power_weights.toml.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Rank states on a measure for one year, optionally within a region or a set of states."""
    import json

    measure = get_measure(name)
    with open_store(store, read_only=True) as db:
        chosen: list[int] | None = None
        if region:
            chosen = states_in_region(db, region, year=year)
        if states:
            picked = [resolve_actor(db, s.strip(), year=year).ccode for s in states.split(",")]
            chosen = sorted(set(picked) & set(chosen)) if chosen is not None else picked
        options = {"weights": weights} if weights is not None else {}
        ranked = measure_table(db, measure, (year, year), within=chosen, top=top, **options)
        versions = db.data_versions(list(measure.tables))
    scope = f"within {region}" if region else ("within the chosen states" if states else "all states")
    if as_json:
        typer.echo(json.dumps({"measure": measure.describe(), "year": year, "scope": scope,
                               "data_versions": versions, "rows": ranked.to_pylist()}, indent=2))
        return
    table = Table(title=f"{measure.title}, {year} ({scope}); unit: {measure.unit}")
    extra = [c for c in ("coverage", "rank_p05", "rank_p95", "power_gap")
             if c in ranked.column_names]
    for col in ("rank", "ccode", "state", "iso3", "value", *extra):
        table.add_column(col)
    for r in ranked.to_pylist():
        table.add_row(str(r["rank"]), str(r["ccode"]), r["name"] or "", r["iso3"] or "",
                      f"{r['value']:.4f}",
                      *["" if r[c] is None else f"{r[c]:.2f}" for c in extra])
    console.print(table)
    console.print(f"method: {measure.method}", highlight=False)
    console.print("data: " + ", ".join(f"{k} {v}" for k, v in versions.items()), highlight=False)
