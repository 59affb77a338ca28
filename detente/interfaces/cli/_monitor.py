"""``detente monitor``: ingest event files, show series, run watchlists, list alerts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import typer
from rich.table import Table

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner
from detente.monitor import (
    FORMATS,
    alert_history,
    export_events,
    ingest_events,
    read_watchlist,
    run_watchlist,
    temperature,
)
from detente.monitor._watch import watches_for

app = typer.Typer(help="Monitor relations from event data: ingest, series, alerts.",
                  no_args_is_help=True)


def show_table(table: pa.Table, title: str, *, limit: int = 40) -> None:
    """Print an Arrow table with Rich (first ``limit`` rows)."""
    view = Table(title=f"{title} ({table.num_rows:,} rows)" if table.num_rows > limit else title)
    for name in table.column_names:
        view.add_column(name)
    for row in table.slice(0, limit).to_pylist():
        view.add_row(*["" if v is None else (f"{v:.3g}" if isinstance(v, float) else str(v))
                       for v in row.values()])
    console.print(view)


def parse_side(text: str) -> str | list[str]:
    """``USA`` is a state; ``USA,GBR,FRA`` is a group."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else parts


@app.command()
@friendly
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Event files (.gz is fine).")],
    format: Annotated[str, typer.Option(
        "--format", help=f"auto, or one of: {', '.join(FORMATS)}.")] = "auto",
    day: Annotated[str | None, typer.Option(
        "--date", help="Day of a 9-column GDELT subset file (else YYYYMMDD in its name).")] = None,
    quarantine: Annotated[Path | None, typer.Option(
        help="Folder for bad lines; without it a bad line rejects the whole call.")] = None,
    store: StoreOption = None,
) -> None:
    """Ingest event files: only new ones (by sha256), de-duplicated, all or nothing."""
    with open_store(store) as db, spinner("") as spin:
        spin.add_task(f"ingesting {len(files)} file(s)", total=None)
        report = ingest_events(db, files, format=format, date=day, quarantine=quarantine)
    for f in report.files:
        name = Path(f.path).name
        if f.status == "unchanged":
            console.print(f"{name}: unchanged (already ingested as file {f.file_id})")
            continue
        dates = f", {f.first_date} to {f.last_date}" if f.first_date else ""
        extra = "".join(f", {n:,} {what}" for n, what in ((f.quarantined, "bad lines quarantined"),
                                                          (f.skipped, "non-event records skipped"))
                        if n)
        console.print(f"{name}: ingested as {f.format}, {f.records:,} records, "
                      f"{f.events_added:,} events added, {f.duplicates:,} duplicates{extra}"
                      f"{dates}", highlight=False)
    for f in report.files:
        if f.quarantine_path:
            console.print(f"bad lines of {Path(f.path).name} written to {f.quarantine_path}")
    unmapped = report.unmapped()
    if unmapped.num_rows:
        show_table(unmapped.select(["role", "code", "reason", "events"]),
                   "codes mapped to no state (events kept, state columns null)", limit=15)


@app.command()
@friendly
def status(store: StoreOption = None) -> None:
    """What the store holds: ingested files, events per dataset, unmapped codes."""
    with open_store(store, read_only=True) as db:
        if not db.has_table("event_files"):
            console.print("no events ingested yet: run `detente monitor ingest FILE ...`")
            return
        show_table(db.arrow("SELECT file_id, path, format, records, events_added, duplicates, "
                            "quarantined, first_date, last_date, ingested_at FROM event_files "
                            "ORDER BY file_id"), "event files")
        show_table(db.arrow("SELECT dataset, count(*) AS events, min(date) AS first, "
                            "max(date) AS last, count(source_ccode) AS source_mapped, "
                            "count(target_ccode) AS target_mapped FROM events GROUP BY 1 "
                            "ORDER BY 1"), "events")
        show_table(db.arrow("SELECT role, code, any_value(reason) AS reason, sum(events) AS "
                            "events FROM event_unmapped GROUP BY 1, 2 ORDER BY 4 DESC"),
                   "codes mapped to no state", limit=20)


@app.command()
@friendly
def series(
    side1: Annotated[str, typer.Argument(help="A state (USA, 2, Russia) or a group: USA,GBR,FRA")],
    side2: Annotated[str, typer.Argument(help="The other side, likewise.")],
    freq: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    directed: Annotated[bool, typer.Option("--directed/--both",
                                           help="Side 1 to side 2 only, or both ways.")] = True,
    first: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    last: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    military: Annotated[str, typer.Option(
        help="any; either (a military actor on either side); both (mil-to-mil).")] = "any",
    out: Annotated[Path | None, typer.Option(help="Write .parquet or .csv.")] = None,
    store: StoreOption = None,
) -> None:
    """The temperature series of a relationship: counts per quad class, Goldstein, net cooperation."""
    with open_store(store, read_only=True) as db:
        table = temperature(db, parse_side(side1), parse_side(side2), freq=freq,  # type: ignore[arg-type]
                            directed=directed, military=military,  # type: ignore[arg-type]
                            start=date.fromisoformat(first) if first else None,
                            end=date.fromisoformat(last) if last else None)
    if out is not None:
        _write(table, out)
        console.print(f"wrote {table.num_rows:,} periods to {out}")
        return
    show_table(table.drop_columns(["side1", "side2"]),
               f"{table['side1'][0] if table.num_rows else side1} "
               f"{'->' if directed else '<->'} "
               f"{table['side2'][0] if table.num_rows else side2}, by {freq}")


def _write(table: pa.Table, out: Path) -> None:
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, out)
    elif out.suffix == ".csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, out)
    else:
        raise typer.BadParameter("write .parquet or .csv", param_hint="--out")


@app.command()
@friendly
def run(
    watchlist: Annotated[Path, typer.Argument(help="Watchlist TOML (see examples/watchlist.toml).")],
    only: Annotated[list[str] | None, typer.Option("--only", help="Run only these entries.")] = None,
    dry_run: Annotated[bool, typer.Option(help="Show new alerts without recording them.")] = False,
    store: StoreOption = None,
) -> None:
    """Run a watchlist's detectors and print the alerts raised for the first time."""
    chosen = watches_for(only or [], read_watchlist(watchlist))
    with open_store(store, read_only=dry_run) as db:
        result = run_watchlist(db, chosen, record=not dry_run)
    if not result.new.num_rows:
        console.print(f"no new alerts ({result.alerts.num_rows} already in the history)")
        return
    for message in result.new["message"].to_pylist():
        console.print(f"[bold red]ALERT[/] {message}", highlight=False)
    console.print(f"{result.new.num_rows} new alert(s)"
                  + (" (not recorded: --dry-run)" if dry_run else " recorded in the store"))


@app.command()
@friendly
def alerts(
    watch: Annotated[str | None, typer.Option(help="Only this watchlist entry.")] = None,
    since: Annotated[str | None, typer.Option(help="Periods from this day (YYYY-MM-DD).")] = None,
    store: StoreOption = None,
) -> None:
    """The alert history kept in the store."""
    with open_store(store, read_only=True) as db:
        table = alert_history(db, watch=watch,
                              since=date.fromisoformat(since) if since else None)
    if not table.num_rows:
        console.print("no alerts recorded")
        return
    show_table(table.select(["period", "watch", "detector", "message", "raised_at"]), "alerts")


@app.command()
@friendly
def export(
    path: Annotated[Path, typer.Argument(help="Parquet file to write.")],
    store: StoreOption = None,
) -> None:
    """Write the events table to Parquet (for Spark: detente.monitor.SparkEngine)."""
    with open_store(store, read_only=True) as db:
        export_events(db, str(path))
    console.print(f"wrote events to {path}")
