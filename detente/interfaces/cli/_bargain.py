"""``detente bargain``: forecast a negotiation, compare what-ifs, test sensitivity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.table import Table

from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner
from detente.models import Result
from detente.models.bargaining import (
    BargainingSensitivity,
    ExpectedUtilityBargaining,
    Issue,
    Scenario,
    compare_scenarios,
    example_issue,
    forecasts_figure,
    pivotal_actors,
    positions_figure,
    read_issue,
    write_html,
)

app = typer.Typer(help="Forecast where a negotiation settles (Bueno de Mesquita's "
                  "expected-utility model) and what moves it.", no_args_is_help=True)

FileArg = Annotated[Path | None, typer.Argument(
    help="CSV or JSON of actors: actor (or name), capability, position, salience.",
    show_default=False)]
ExampleOption = Annotated[bool, typer.Option(
    "--example", help="Use the EC car-emission example (source bdm_eu_emissions) from the store.")]
YearOption = Annotated[int | None, typer.Option(
    "--year", help="Without a capability column: read each state's capability for this year.")]
MeasureOption = Annotated[str, typer.Option(
    "--measure", help="Capability measure from `detente measure list` (cinc, milex_share, ...).")]
RoundsOption = Annotated[int, typer.Option("--rounds", help="Most bargaining rounds.")]
QOption = Annotated[float, typer.Option("--q", help="Q: chance nothing changes without a challenge.")]
PerspectiveOption = Annotated[str, typer.Option(
    "--perspective", help="receiver or own: whose risk attitude prices the sender's offer.")]
ConflictOption = Annotated[str, typer.Option(
    "--conflict", help="loser_moves or no_move: what a conflict does.")]
ChoiceOption = Annotated[str, typer.Option(
    "--choice", help="enforceable, least_move or type_order: which offer an actor accepts.")]
RiskOption = Annotated[bool, typer.Option("--risk/--no-risk", help="Estimate risk attitudes.")]
PatienceOption = Annotated[int | None, typer.Option(
    "--patience", help="Also stop when the forecasts hold for this many rounds.")]
OutOption = Annotated[Path | None, typer.Option(
    "--out", help="Write the result tables (Parquet) and result.json to this folder.")]
PlotOption = Annotated[Path | None, typer.Option(
    "--plot", help="Write an interactive figure to this .html file (works offline).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
Assignments = Annotated[list[str] | None, typer.Option(show_default=False)]


def _issue(file: Path | None, example: bool, year: int | None, measure: str,
           store: Path | None) -> Issue:
    if (file is None) == (not example):
        raise typer.BadParameter("give a FILE of actors or --example, not both",
                                 param_hint="FILE")
    if example:
        with open_store(store, read_only=True) as db:
            return example_issue(db)
    assert file is not None
    if year is None:
        return read_issue(file)
    with open_store(store, read_only=True) as db:
        return read_issue(file, store=db, year=year, measure=measure)


def _model(rounds: int, q: float, perspective: str, conflict: str, choice: str, risk: bool,
           patience: int | None) -> ExpectedUtilityBargaining:
    return ExpectedUtilityBargaining(max_rounds=rounds, q=q, perspective=perspective,  # type: ignore[arg-type]
                                     conflict=conflict, choice=choice, risk=risk,  # type: ignore[arg-type]
                                     patience=patience)


def _show(frame: pl.DataFrame, title: str, *, digits: int = 3) -> None:
    table = Table(title=title)
    for name in frame.columns:
        table.add_column(name, justify="right" if frame[name].dtype.is_numeric() else "left")
    for row in frame.iter_rows():
        table.add_row(*["" if v is None else f"{v:.{digits}f}" if isinstance(v, float)
                        else str(v) for v in row])
    console.print(table)


def _emit(result: Result, out: Path | None, as_json: bool, extra: dict[str, Any]) -> None:
    if out is not None:
        result.write(out)
        if not as_json:
            console.print(f"wrote {out}/ (table.parquet, {', '.join(result.tables)}, "
                          "result.json)")
    if as_json:
        console.print_json(json.dumps({**result.to_dict(max_rows=0), **extra}, default=str))


def _versions(result: Result) -> None:
    versions = ", ".join(f"{k} {v}" for k, v in result.data_versions.items())
    if versions:
        console.print(f"data: {versions}", highlight=False)


@app.command()
@friendly
def run(file: FileArg = None, example: ExampleOption = False, year: YearOption = None,
        measure: MeasureOption = "cinc", rounds: RoundsOption = 100, q: QOption = 1.0,
        perspective: PerspectiveOption = "receiver", conflict: ConflictOption = "loser_moves",
        choice: ChoiceOption = "enforceable", risk: RiskOption = True,
        patience: PatienceOption = None, out: OutOption = None, plot: PlotOption = None,
        as_json: JsonOption = False, store: StoreOption = None) -> None:
    """Run the model: forecasts by round, final positions, offers."""
    issue = _issue(file, example, year, measure, store)
    model = _model(rounds, q, perspective, conflict, choice, risk, patience)
    with spinner("") as spin:
        spin.add_task(f"bargaining over {issue.name or 'the issue'}", total=None)
        result = model.run(issue)
    forecasts = result.tables["forecasts"]
    if plot is not None:
        write_html(positions_figure(result), plot)
    if as_json:
        _emit(result, out, True, {"forecasts": forecasts.to_dicts()})
        return
    shown = forecasts if forecasts.height <= 12 else pl.concat([forecasts.head(6),
                                                                forecasts.tail(6)])
    _show(shown.select("round", "median", "mean", "moves", "conflict_offers",
                       "compromise_offers", "capitulation_offers"),
          f"{issue.name}: forecasts by round" + (" (first and last 6)" if forecasts.height > 12
                                                 else ""))
    last = result.table.filter(pl.col("round") == result.summary["rounds"])
    _show(last.join(result.table.filter(pl.col("round") == 0).select(
        "actor", pl.col("position").alias("start")), on="actor")
          .select("actor", "start", "position", "risk"), "positions: start and end")
    s = result.summary
    console.print(f"forecast after {s['rounds']} rounds ({s['stopped']}): median "
                  f"{s['median_final']:.3f}, mean {s['mean_final']:.3f} "
                  f"(round 0: median {s['median_initial']:.3f}, mean {s['mean_initial']:.3f})")
    _versions(result)
    _emit(result, out, False, {})
    if plot is not None:
        console.print(f"wrote {plot}")


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in values or []:
        actor, sep, value = item.partition("=")
        if not sep or not actor.strip() or not value.strip():
            raise typer.BadParameter(f"{item!r}: write ACTOR=VALUE", param_hint=option)
        found[actor.strip()] = value.strip()
    return found


def _numbers(values: dict[str, str], option: str) -> dict[str, float]:
    try:
        return {a: float(v) for a, v in values.items()}
    except ValueError:
        raise typer.BadParameter(f"{values}: values must be numbers", param_hint=option) from None


def _scenario(name: str, capability: list[str] | None, salience: list[str] | None,
              position: list[str] | None, coalition: list[str] | None,
              remove: list[str] | None) -> Scenario:
    cap = _pairs(capability, "--capability")
    factors = {a: v[1:] for a, v in cap.items() if v.startswith(("*", "x"))}
    absolute = {a: v for a, v in cap.items() if a not in factors}
    groups = tuple(tuple(m.strip() for m in c.split("+")) for c in coalition or [])
    return Scenario(name, remove=tuple(remove or ()),
                    capability=_numbers(absolute, "--capability"),
                    capability_factor=_numbers(factors, "--capability"),
                    salience=_numbers(_pairs(salience, "--salience"), "--salience"),
                    position=_numbers(_pairs(position, "--position"), "--position"),
                    coalitions=groups)


@app.command()
@friendly
def whatif(file: FileArg = None, example: ExampleOption = False, year: YearOption = None,
           measure: MeasureOption = "cinc",
           capability: Assignments = None, salience: Assignments = None,
           position: Assignments = None, coalition: Assignments = None,
           remove: Assignments = None,
           name: Annotated[str, typer.Option("--name", help="Label of the scenario.")] = "what-if",
           rounds: RoundsOption = 100, q: QOption = 1.0,
           perspective: PerspectiveOption = "receiver", conflict: ConflictOption = "loser_moves",
           choice: ChoiceOption = "enforceable", risk: RiskOption = True,
           patience: PatienceOption = None, plot: PlotOption = None,
           as_json: JsonOption = False, store: StoreOption = None) -> None:
    """Compare the baseline forecast with a changed one, side by side.

    Changes (each repeatable): --capability UK=*1.5 (multiply) or UK=0.3 (set), --salience
    Germany=100, --position France=7, --coalition France+Italy, --remove Denmark.
    """
    issue = _issue(file, example, year, measure, store)
    scenario = _scenario(name, capability, salience, position, coalition, remove)
    if scenario.describe() == "no change":
        raise typer.BadParameter("give at least one change (see --help)", param_hint="--capability")
    model = _model(rounds, q, perspective, conflict, choice, risk, patience)
    with spinner("") as spin:
        spin.add_task(f"running baseline and {name!r}", total=None)
        comparison = compare_scenarios(issue, [scenario], model=model)
    if plot is not None:
        write_html(forecasts_figure(comparison.results), plot)
    if as_json:
        console.print_json(json.dumps({"comparison": comparison.table.to_dicts()}, default=str))
        return
    _show(comparison.table.select("scenario", "changes", "actors", "median_initial",
                                  "median_final", "mean_final", "median_shift", "mean_shift",
                                  "rounds"), f"{issue.name}: what-if")
    _versions(comparison.results["baseline"])
    if plot is not None:
        console.print(f"wrote {plot}")


@app.command()
@friendly
def sensitivity(file: FileArg = None, example: ExampleOption = False,
                year: YearOption = None, measure: MeasureOption = "cinc",
                draws: Annotated[int, typer.Option("--draws", help="Perturbed runs.")] = 200,
                seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
                capability_noise: Annotated[float, typer.Option(
                    "--capability-noise", help="Log-normal sd of capability shocks.")] = 0.1,
                salience_noise: Annotated[float, typer.Option(
                    "--salience-noise", help="Sd of salience shocks, 0-100 points.")] = 5.0,
                position_noise: Annotated[float, typer.Option(
                    "--position-noise", help="Sd of position shocks, share of the scale.")] = 0.02,
                pivotal: Annotated[bool, typer.Option(
                    "--pivotal/--no-pivotal", help="Also rank the pivotal actors.")] = True,
                rounds: RoundsOption = 100, q: QOption = 1.0,
                perspective: PerspectiveOption = "receiver",
                conflict: ConflictOption = "loser_moves", choice: ChoiceOption = "enforceable",
                risk: RiskOption = True, patience: PatienceOption = None,
                out: OutOption = None, as_json: JsonOption = False,
                store: StoreOption = None) -> None:
    """Monte Carlo over small input shocks: the forecast's distribution; pivotal actors."""
    issue = _issue(file, example, year, measure, store)
    model = _model(rounds, q, perspective, conflict, choice, risk, patience)
    mc = BargainingSensitivity(draws=draws, capability_noise=capability_noise,
                               salience_noise=salience_noise, position_noise=position_noise,
                               model_params=model.get_params())
    with spinner("") as spin:
        spin.add_task(f"{draws} perturbed runs", total=None)
        result = mc.run(issue, seed=seed)
        ranked = pivotal_actors(issue, model=model) if pivotal else None
    if as_json:
        extra = {"quantiles": result.tables["quantiles"].to_dicts()}
        if ranked is not None:
            extra["pivotal"] = ranked.to_dicts()
        _emit(result, out, True, extra)
        return
    _show(result.tables["quantiles"], f"{issue.name}: forecast over {draws} draws (seed {seed})")
    if ranked is not None:
        _show(ranked, "pivotal actors (final median without the actor; with capability x2)")
    _versions(result)
    _emit(result, out, False, {})
