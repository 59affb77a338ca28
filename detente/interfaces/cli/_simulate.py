"""``detente simulate``: engagement and escalation under misperception."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import numpy as np
import polars as pl
import typer
from rich.table import Table

from detente._errors import ModelInputError
from detente.interfaces.cli._common import StoreOption, console, friendly, open_store, spinner
from detente.models.escalation import (
    DEFAULT_NOISE,
    ENGAGEMENT_STRATEGIES,
    MILITARY_DIPLOMACY,
    EscalationGame,
    Network,
    calibrate,
    strategy_table,
    sweep,
    write_report,
)

app = typer.Typer(help="Simulate engagement strategies under misperception and noise.",
                  no_args_is_help=True)

YearOption = Annotated[int | None, typer.Option(
    "--year", help="Calibrate the network from the store for this year (else a made-up "
                   "all-pairs network of --n-states).")]
StatesOption = Annotated[str | None, typer.Option(
    "--states", help="Comma-separated names, ISO3 or COW codes (with --year; default: all "
                     "members).")]
DyadsOption = Annotated[str, typer.Option(
    "--dyads", help="With --year: 'all' pairs or 'ties' (the year's defence network).")]
NStatesOption = Annotated[int, typer.Option("--n-states", help="States of the made-up network.")]
TrustOption = Annotated[float, typer.Option("--trust", help="Initial trust (made-up network).")]
ChannelOption = Annotated[float, typer.Option(
    "--channel", help="Channel strength on every dyad (made-up network).")]
RoundsOption = Annotated[int, typer.Option("--rounds", help="Rounds per run.")]
ReplicatesOption = Annotated[int, typer.Option("--replicates", help="Monte Carlo replicates.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed (same seed, same tables).")]
ModeOption = Annotated[str, typer.Option("--misperception", help="'shift' or 'flip'.")]
DualOption = Annotated[float, typer.Option("--dual-use-factor",
                                           help="Error multiplier for dual-use actions.")]
DampingOption = Annotated[float, typer.Option(
    "--channel-damping", help="Share of the error a full-strength channel removes.")]
EngageOption = Annotated[str | None, typer.Option(
    "--engagement", help="Rung strategies cooperate with (default joint_exercise).")]
ReputationOption = Annotated[float, typer.Option(
    "--reputation", help="Pull of a partner's reputation on each side's trust, 0 to 1.")]


def split_specs(text: str) -> list[str]:
    """Split ``"tft,gtft(generosity=0.2),grit"`` at commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def _floats(text: str, option: str) -> list[float]:
    try:
        return [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise typer.BadParameter(f"expected comma-separated numbers, got {text!r}",
                                 param_hint=option) from None


def _network(store: Path | None, year: int | None, states: str | None, dyads: str,
             n_states: int, trust: float, channel: float) -> Network:
    if year is None:
        return Network.complete(n_states, trust=trust, channel=channel)
    with open_store(store, read_only=True) as db:
        chosen = [s.strip() for s in states.split(",")] if states else None
        return calibrate(db, year, chosen, dyads=dyads)  # type: ignore[arg-type]


def _strategies(spec: str) -> Any:
    """``tft`` | ``tft,gtft`` (mixed) | ``USA=grit,*=tft`` (per state)."""
    parts = split_specs(spec)
    if any("=" in p.split("(")[0] for p in parts):
        mapping = {}
        for part in parts:
            state, _, strategy = part.partition("=")
            if not strategy:
                raise ModelInputError(f"strategies: cannot read {part!r}; write STATE=STRATEGY")
            mapping[state.strip()] = strategy.strip()
        return mapping
    return parts[0] if len(parts) == 1 else parts


def _show(frame: pl.DataFrame, title: str, columns: list[str]) -> None:
    table = Table(title=title)
    shown = [c for c in columns if c in frame.columns]
    for name in shown:
        table.add_column(name)
    for row in frame.select(shown).iter_rows():
        table.add_row(*[f"{v:.3f}" if isinstance(v, float) else ("" if v is None else str(v))
                        for v in row])
    console.print(table)


SUMMARY_COLUMNS = ["strategy", "noise", "channel", "cooperation_rate", "mutual_cooperation",
                   "mean_escalation", "spirals_per_100_rounds", "spiral_length",
                   "time_to_deescalation", "payoff_per_round", "final_trust"]


@app.command("strategies")
def strategies() -> None:
    """List the strategies with their classifiers and references."""
    _show(pl.DataFrame(strategy_table()), "strategies",
          ["key", "name", "memory_depth", "stochastic", "uses_trust", "reference"])


@app.command("ladder")
def ladder() -> None:
    """Show the action ladder: escalation score, category, payoffs and dual-use flags."""
    _show(MILITARY_DIPLOMACY.to_polars(), "action ladder (scores: Rivera et al. 2024)",
          ["rung", "name", "category", "score", "cooperative", "dual_use", "gain", "effect"])


@app.command("run")
@friendly
def run(
    strategy: Annotated[str, typer.Option(
        "--strategies", help="One strategy (tft), a mixed population (tft,gtft,grit) or per "
                             "state (USA=grit,*=tft).")] = "tft",
    noise: Annotated[float, typer.Option("--noise", help="Base misperception rate.")] = 0.05,
    year: YearOption = None, states: StatesOption = None, dyads: DyadsOption = "all",
    n_states: NStatesOption = 10, trust: TrustOption = 0.5, channel: ChannelOption = 0.0,
    rounds: RoundsOption = 100, replicates: ReplicatesOption = 100, seed: SeedOption = 0,
    misperception: ModeOption = "shift", dual_use_factor: DualOption = 2.0,
    channel_damping: DampingOption = 0.5, engagement: EngageOption = None,
    reputation: ReputationOption = 0.0,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write the result (Parquet tables + result.json) to this folder.")] = None,
    store: StoreOption = None,
) -> None:
    """Run one Monte Carlo experiment and print outcomes per strategy."""
    network = _network(store, year, states, dyads, n_states, trust, channel)
    model = EscalationGame(
        strategies=_strategies(strategy), noise=noise, rounds=rounds, replicates=replicates,
        misperception=misperception, dual_use_factor=dual_use_factor,
        channel_damping=channel_damping, engagement=engagement, reputation=reputation)
    with spinner("") as spin:
        spin.add_task(f"simulating {network.n_dyads:,} dyads x {rounds} rounds x "
                      f"{replicates} replicates", total=None)
        result = model.run(network, seed=seed)
    _show(result.table, f"{network.n_states} states, {network.n_dyads} dyads, noise {noise}",
          SUMMARY_COLUMNS)
    for key, note in network.provenance.items():
        console.print(f"{key}: {note}", highlight=False)
    if out is not None:
        console.print(f"wrote {result.write(out)}")


@app.command("compare")
@friendly
def compare(
    strategies_: Annotated[str, typer.Option(
        "--strategies", help="Strategies to compare, each played by every state.")] = ",".join(
        ENGAGEMENT_STRATEGIES),
    noise: Annotated[str, typer.Option("--noise", help="Comma-separated noise levels.")] = ",".join(
        str(n) for n in DEFAULT_NOISE),
    year: YearOption = None, states: StatesOption = None, dyads: DyadsOption = "all",
    n_states: NStatesOption = 10, trust: TrustOption = 0.5, channel: ChannelOption = 0.0,
    rounds: RoundsOption = 100, replicates: ReplicatesOption = 50, seed: SeedOption = 0,
    misperception: ModeOption = "shift", dual_use_factor: DualOption = 2.0,
    channel_damping: DampingOption = 0.5, engagement: EngageOption = None,
    reputation: ReputationOption = 0.0,
    channels: Annotated[str | None, typer.Option(
        "--channels", help="Comma-separated channel strengths to sweep on every dyad (what "
                           "hotlines and regular dialogue buy).")] = None,
    executor: Annotated[str, typer.Option(
        "--executor", help="serial, process or dask.")] = "serial",
    workers: Annotated[int | None, typer.Option("--workers", help="Processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (with --executor dask).")] = None,
    report: Annotated[Path | None, typer.Option(
        "--report", help="Write an HTML report of outcomes against noise.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the table (.parquet or .csv).")
                   ] = None,
    store: StoreOption = None,
) -> None:
    """Sweep strategies x noise levels (x channel strengths) and tabulate the outcomes."""
    network = _network(store, year, states, dyads, n_states, trust, channel)
    base = EscalationGame(rounds=rounds, replicates=replicates, misperception=misperception,
                          dual_use_factor=dual_use_factor, channel_damping=channel_damping,
                          engagement=engagement, reputation=reputation)
    grid: dict[str, list[Any]] = {"strategies": split_specs(strategies_),
                                  "noise": _floats(noise, "--noise")}
    x = "noise"
    if channels is not None:
        grid["channel"] = _floats(channels, "--channels")
        if len(grid["noise"]) == 1:
            x = "channel"
        elif report is not None:
            raise typer.BadParameter("a report plots one axis: give one --noise level to "
                                     "plot against --channels", param_hint="--report")
    client = None
    if executor == "dask":
        if scheduler is None:
            raise typer.BadParameter("give the scheduler address", param_hint="--scheduler")
        from distributed import Client

        client = Client(scheduler)
    try:
        with spinner("") as spin:
            points = int(np.prod([len(v) for v in grid.values()]))
            spin.add_task(f"{points} runs of {network.n_dyads:,} dyads ({executor})", total=None)
            table = sweep(network, grid, base=base, seed=seed, executor=executor,  # type: ignore[arg-type]
                          workers=workers, client=client)
    finally:
        if client is not None:
            client.close()
    _show(table, f"{network.n_states} states, {network.n_dyads} dyads", SUMMARY_COLUMNS)
    if out is not None:
        if out.suffix.lower() == ".csv":
            table.write_csv(out)
        else:
            table.write_parquet(out)
        console.print(f"wrote {out}")
    if report is not None:
        write_report(table, report, x=x, notes=dict(network.provenance) | {
            "network": f"{network.n_states} states, {network.n_dyads} dyads"
                       + (f", {network.year}" if network.year else ""),
            "runs": f"{rounds} rounds x {replicates} replicates, seed {seed}"})
        console.print(f"wrote {report}")
