"""``detente panel``: build state-year and dyad-year panels and write them out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner
from detente.panels import Panel, create_dyad_years, create_state_years
from detente.verbs import VERBS

app = typer.Typer(help="Build state-year and dyad-year panels.", no_args_is_help=True)

AddOption = Annotated[
    str, typer.Option("--add", help=f"Comma-separated verbs: {', '.join(VERBS)}.")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write to .parquet or .csv (else print a preview).")
]
FromOption = Annotated[int | None, typer.Option("--from", help="First year.")]
ToOption = Annotated[int | None, typer.Option("--to", help="Last year.")]
SystemOption = Annotated[str, typer.Option(help="State system: cow or gw.")]
ExtendOption = Annotated[
    int | None,
    typer.Option("--extend-to", help="Carry states alive in the data's last year to this year."),
]


def _apply(panel: Panel, add: str) -> Panel:
    for name in [a.strip() for a in add.split(",") if a.strip()]:
        if name not in VERBS:
            raise typer.BadParameter(f"unknown verb {name!r}; choose from {', '.join(VERBS)}",
                                     param_hint="--add")
        panel = VERBS[name](panel)
    return panel


def _years(first: int | None, last: int | None) -> tuple[int, int] | None:
    if first is None and last is None:
        return None
    return (first if first is not None else -10_000, last if last is not None else 10_000)


def _emit(panel: Panel, out: Path | None) -> None:
    with spinner("") as spin:
        spin.add_task(f"building {panel.describe()}", total=None)
        if out is not None:
            panel.write(out)
            rows = len(panel)
        else:
            frame = panel.to_arrow()
            rows = frame.num_rows
    versions = ", ".join(f"{k} {v}" for k, v in panel.data_versions().items())
    if out is not None:
        console.print(f"wrote {rows:,} rows x {len(panel.columns)} columns to {out}")
    else:
        preview = Table(title=f"{panel.describe()}: {rows:,} rows")
        for name in frame.column_names:
            preview.add_column(name)
        for row in frame.slice(0, 10).to_pylist():
            preview.add_row(*["" if v is None else str(v) for v in row.values()])
        console.print(preview)
    console.print(f"data: {versions}", highlight=False)


@app.command("state-years")
@friendly
def state_years(
    first: FromOption = None, last: ToOption = None, system: SystemOption = "cow",
    extend_to: ExtendOption = None, add: AddOption = "", out: OutOption = None,
    store: StoreOption = None,
) -> None:
    """State-years of system membership, with the verbs in --add applied in order."""
    with open_store(store, read_only=True) as db:
        panel = create_state_years(db, system=system, years=_years(first, last),  # type: ignore[arg-type]
                                   extend_to=extend_to)
        _emit(_apply(panel, add), out)


@app.command("dyad-years")
@friendly
def dyad_years(
    first: FromOption = None, last: ToOption = None, system: SystemOption = "cow",
    directed: Annotated[bool, typer.Option("--directed/--nondirected",
                                           help="Both (A,B) and (B,A), or A<B only.")] = True,
    extend_to: ExtendOption = None, add: AddOption = "", out: OutOption = None,
    store: StoreOption = None,
) -> None:
    """Dyad-years in which both states are members, with the verbs in --add applied in order."""
    with open_store(store, read_only=True) as db:
        panel = create_dyad_years(db, system=system, years=_years(first, last),  # type: ignore[arg-type]
                                  directed=directed, extend_to=extend_to)
        _emit(_apply(panel, add), out)
