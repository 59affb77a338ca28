"""``detente data``: list, pull, status, cite and show sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from detente.interfaces.cli._common import (
    StoreOption,
    console,
    friendly,
    open_store,
    spinner,
    transfer_progress,
)
from detente.sources import SOURCES, Source, SourceFile, get_source
from detente.sources._fetch import Progress, describe_location
from detente.store import PullResult, Store
from detente.store import pull as pull_sources

app = typer.Typer(help="Data sources: list, pull into the store, status, citations.",
                  no_args_is_help=True)


@app.command("list")
@friendly
def list_sources() -> None:
    """List every declared source with its version, coverage, unit and terms."""
    table = Table(title="detente data sources")
    for col in ("id", "version", "title", "producer", "coverage", "unit", "codes", "license"):
        table.add_column(col)
    for s in SOURCES.values():
        cov = f"{s.coverage[0]}-{s.coverage[1]}" if s.coverage else "-"
        table.add_row(s.id, s.version, s.title, s.producer, cov, s.unit, s.system, s.license)
    console.print(table)


@app.command()
@friendly
def pull(
    ids: Annotated[list[str] | None, typer.Argument(help="Source ids (default: all).")] = None,
    force: Annotated[bool, typer.Option(help="Reload even if unchanged.")] = False,
    store: StoreOption = None,
) -> None:
    """Fetch, verify and load sources into the store, all or nothing.

    Files come from $DETENTE_MIRROR when it has them, else are downloaded from their
    declared address and checked against their sha256.
    """
    wanted = ids or list(SOURCES)
    with open_store(store) as db:
        show_pull(db, pull_with_progress(db, wanted, force=force))


def pull_with_progress(db: Store, ids: list[str], *, force: bool = False) -> list[PullResult]:
    """Pull ``ids`` with a download bar per file and a spinner per source."""
    for sid in ids:
        get_source(sid)  # fail on a typo before any work
    with transfer_progress() as bars, spinner("") as spin:
        task = spin.add_task("checking", total=None)

        def on_source(source: Source) -> None:
            spin.update(task, description=f"reading and checking {source.id}")

        def on_file(spec: SourceFile) -> Progress:
            bar = bars.add_task(f"download {spec.path}", total=None)

            def advance(done: int, total: int | None) -> None:
                bars.update(bar, completed=done, total=total)

            return advance

        return pull_sources(db, ids, force=force, progress=on_file, on_source=on_source)


def show_pull(db: Store, results: list[PullResult]) -> None:
    table = Table(title=f"store: {db.path}")
    for col in ("source", "version", "status", "rows", "coverage"):
        table.add_column(col)
    for r in results:
        cov = f"{r.coverage[0]}-{r.coverage[1]}" if r.coverage else "-"
        table.add_row(r.source_id, r.version, r.status, f"{r.rows:,}", cov)
    console.print(table)


@app.command()
@friendly
def status(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print provenance as JSON.")] = False,
) -> None:
    """Show what the store holds: tables, versions, rows, coverage, checksums, load times."""
    import json

    with open_store(store, read_only=True) as db:
        prov = db.provenance().to_pylist()
    missing = sorted(set(SOURCES) - {r["source_id"] for r in prov})
    if as_json:
        for r in prov:
            r["loaded_at"] = r["loaded_at"].isoformat() + "Z"
        typer.echo(json.dumps({"store": str(db.path), "tables": prov, "not_loaded": missing},
                              indent=2))
        return
    table = Table(title=f"store: {db.path}")
    for col in ("source", "version", "table", "rows", "coverage", "sha256", "loaded (UTC)"):
        table.add_column(col)
    for r in prov:
        cov = f"{r['coverage_start']}-{r['coverage_end']}" if r["coverage_start"] else "-"
        table.add_row(r["source_id"], r["version"], r["table_name"], f"{r['rows']:,}", cov,
                      r["sha256"][:8], r["loaded_at"].strftime("%Y-%m-%d %H:%M"))
    console.print(table)
    if missing:
        console.print(f"not loaded: {', '.join(missing)}")


@app.command()
@friendly
def cite(source_id: Annotated[str, typer.Argument(help="Source id, or 'all'.")]) -> None:
    """Print BibTeX for a source (or every source with 'all')."""
    ids = list(SOURCES) if source_id == "all" else [source_id]
    typer.echo("\n\n".join(get_source(i).bibtex for i in ids))


@app.command()
@friendly
def show(source_id: str) -> None:
    """Everything declared about a source: terms, files, tables, missing values, quirks."""
    s = get_source(source_id)
    console.print(f"[bold]{s.id}[/] {s.title} v{s.version}  ({s.producer})")
    console.print(f"homepage: {s.homepage}\nlicense: {s.license} - {s.terms}")
    console.print(f"unit: {s.unit}; codes: {s.system}; coverage: {s.coverage}")
    console.print(f"citation: {s.citation}", highlight=False)
    console.print(f"missing values: {s.missing_values}")
    if s.notes:
        console.print(f"notes: {s.notes}")
    files = Table(title="files")
    for col in ("name", "path in mirror", "sha256", "read from"):
        files.add_column(col)
    for f in s.files:
        files.add_row(f.name, f.path, f.sha256[:16], describe_location(s, f))
    console.print(files)
    for t in s.tables:
        cols = Table(title=f"table {t.name} (key: {', '.join(t.key) or '-'})")
        for col in ("column", "type", "null", "checks", "missing codes", "description"):
            cols.add_column(col)
        for c in t.columns:
            checks = []
            if c.min is not None or c.max is not None:
                checks.append(f"[{c.min}, {c.max}]")
            if c.values is not None:
                checks.append("in " + ",".join(map(str, c.values)))
            cols.add_row(c.name, c.dtype, "yes" if c.nullable else "no", " ".join(checks),
                         ",".join(map(str, c.missing)), c.description)
        console.print(cols)
