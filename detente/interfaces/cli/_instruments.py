"""``detente instruments``, ``engagements``, ``network``, ``profile`` and ``actors``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner

instruments_app = typer.Typer(help="The instruments of military diplomacy and their coverage.")
engagements_app = typer.Typer(help="Engagements: list, import user rows, print the template.",
                              no_args_is_help=True)
network_app = typer.Typer(help="The yearly multiplex defence network.")
actors_app = typer.Typer(help="Actors beyond states: list and register.", no_args_is_help=True)


@instruments_app.callback(invoke_without_command=True)
@friendly
def instruments(store: StoreOption = None,
                as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every instrument: definition, direction, unit, feeding sources and years in the store."""
    from detente.engagements import INSTRUMENTS, instrument_coverage

    with open_store(store, read_only=True) as db:
        cov = instrument_coverage(db).to_pylist()
    if as_json:
        out = [{"id": i.id, "name": i.name, "definition": i.definition,
                "direction": i.direction, "direction_note": i.direction_note,
                "seed": {"file": i.seed_file, "passage": i.seed_passage},
                "feeds": [c for c in cov if c["instrument"] == i.id]} for i in INSTRUMENTS]
        typer.echo(json.dumps(out, indent=2))
        return
    table = Table(title="instruments of military diplomacy")
    for col in ("instrument", "direction", "source", "unit", "years", "engagements"):
        table.add_column(col)
    for c in cov:
        years = f"{c['first_year']}-{c['last_year']}" if c["first_year"] is not None else "-"
        table.add_row(c["instrument"], c["direction"], c["source"], c["unit"], years,
                      f"{c['engagements']:,}")
    console.print(table)


@engagements_app.command("template")
def template() -> None:
    """Print the CSV template for `detente engagements import`."""
    from importlib.resources import files

    typer.echo(files("detente.engagements").joinpath("engagements_template.csv").read_text(),
               nl=False)


@engagements_app.command("import")
@friendly
def import_(file: Path, store: StoreOption = None) -> None:
    """Import user engagements from FILE (all or nothing; re-importing adds nothing)."""
    from detente.engagements import import_engagements

    with open_store(store) as db:
        n = import_engagements(db, file)
    console.print(f"imported {n} new engagement(s) from {file}")


@engagements_app.command("list")
@friendly
def list_(instrument: Annotated[str | None, typer.Option()] = None,
          actor: Annotated[str | None, typer.Option(help="COW code, ISO3, name or id.")] = None,
          first: Annotated[int | None, typer.Option("--from")] = None,
          last: Annotated[int | None, typer.Option("--to")] = None,
          out: Annotated[Path | None, typer.Option("--out", help="Write .csv or .parquet.")] = None,
          store: StoreOption = None) -> None:
    """List engagements, filtered; every row names its source and row."""
    from detente.engagements import engagements, resolve_actor_id

    with open_store(store, read_only=True) as db:
        who = resolve_actor_id(db, actor, last) if actor else None
        years = (first or -10_000, last or 10_000) if first or last else None
        table = engagements(db, instrument=instrument, actor=who, years=years)
    if out is not None:
        import polars as pl

        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        frame.write_parquet(out) if out.suffix == ".parquet" else frame.write_csv(out)
        console.print(f"wrote {table.num_rows:,} engagements to {out}")
        return
    preview = Table(title=f"{table.num_rows:,} engagements")
    cols = ["instrument", "actor1", "actor2", "year", "magnitude", "unit", "source_id",
            "source_row"]
    for c in cols:
        preview.add_column(c)
    for r in table.slice(0, 20).select(cols).to_pylist():
        preview.add_row(*["" if v is None else str(v) for v in r.values()])
    console.print(preview)


@network_app.callback(invoke_without_command=True)
@friendly
def network(year: Annotated[int, typer.Option(help="The year.")],
            instruments: Annotated[str, typer.Option(
                help="Comma-separated instruments (aliases: arms, pko, igo).")] =
            "alliance,arms,exercise,peacekeeping",
            weights: Annotated[str, typer.Option(
                help="Layer weights as JSON, e.g. '{\"arms_transfer\": 2}' (default all 1).")] = "",
            out: Annotated[Path, typer.Option("--out", help=".graphml or .json")] = Path("net.graphml"),
            store: StoreOption = None) -> None:
    """Write the year's multiplex defence network (one edge per instrument, combined weight)."""
    from detente.engagements import defence_network, write_network

    with open_store(store, read_only=True) as db, spinner("") as spin:
        spin.add_task(f"building the {year} network", total=None)
        graph = defence_network(db, year, instruments=instruments.split(","),
                                weights=json.loads(weights) if weights else None)
        write_network(graph, out)
    console.print(f"wrote {graph.number_of_nodes()} states and {graph.number_of_edges()} "
                  f"edges ({graph.graph['instruments']}) for {year} to {out}")


@friendly
def profile(actor: Annotated[str, typer.Argument(help="COW code, ISO3, name or actor id.")],
            first: Annotated[int | None, typer.Option("--from")] = None,
            last: Annotated[int | None, typer.Option("--to")] = None,
            top: Annotated[int, typer.Option(help="Partners per instrument.")] = 5,
            as_json: Annotated[bool, typer.Option("--json")] = False,
            store: StoreOption = None) -> None:
    """Per instrument, the actor's top partners and magnitudes over time, with sources."""
    from detente.engagements import profile as build

    years = (first or -10_000, last or 10_000) if first or last else None
    with open_store(store, read_only=True) as db:
        prof = build(db, actor, years=years, top=top)
    if as_json:
        typer.echo(json.dumps(prof, indent=2))
        return
    console.print(f"[bold]{prof['name']}[/] ({prof['actor']})", highlight=False)
    for ins, data in prof["instruments"].items():
        table = Table(title=f"{data['name']} [{', '.join(data['units'])}]")
        for col in ("", "partner", "source", "total", "years", "by year"):
            table.add_column(col)
        for way, partners in data["partners"].items():
            for p in partners:
                series = ", ".join(f"{y}: {v:g}" for y, v in list(p["by_year"].items())[-6:])
                table.add_row(way, f"{p['name']} ({p['partner']})", p["source"],
                              f"{p['total']:,.1f}",
                              f"{p['first_year']}-{p['last_year']}", series)
        console.print(table)
        cites = "; ".join(f"{s['id']} {s['version'] or ''}".strip() for s in data["sources"])
        console.print(f"  sources: {cites}", highlight=False)


@actors_app.command("list")
@friendly
def actors_list(kind: Annotated[str | None, typer.Option()] = None,
                store: StoreOption = None) -> None:
    """List registered actors (states, organisations, groups, missions, users')."""
    with open_store(store, read_only=True) as db:
        rows = db.rows("SELECT actor_id, name, kind, origin FROM actors "
                       "WHERE ? IS NULL OR kind = ? ORDER BY kind, actor_id", [kind, kind])
    table = Table(title=f"{len(rows)} actors")
    for col in ("id", "name", "kind", "origin"):
        table.add_column(col)
    for r in rows:
        table.add_row(*map(str, r))
    console.print(table)


@actors_app.command("register")
@friendly
def actors_register(file: Path, store: StoreOption = None) -> None:
    """Register actors from a CSV (actor_id,name,kind,parent,description); all or nothing."""
    import csv

    from detente.actors import register_actors

    with open_store(store) as db, file.open(newline="", encoding="utf-8-sig") as fh:
        n = register_actors(db, list(csv.DictReader(fh)), file=str(file))
    console.print(f"registered {n} new actor(s) from {file}")
