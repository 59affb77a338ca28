"""``detente coalition``: landscape theory, structural balance and partner ranking."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.progress import track
from rich.table import Table

from detente._errors import ModelInputError
from detente._seed import resolve_seed
from detente.interfaces.cli._common import (
    StoreOption,
    console,
    err_console,
    friendly,
    open_store,
    spinner,
)
from detente.models import Result
from detente.models.coalitions import (
    BALANCE_COMPONENTS,
    COMPONENTS,
    DEFAULTS,
    REGIONS,
    CoalitionQuestion,
    Landscape,
    LandscapeInputs,
    PartnerRanking,
    StructuralBalance,
    balance_result,
    build_inputs,
    coalition_whatif,
    frustration_index,
    furnas_inputs,
    read_inputs,
    signed_network,
    write_inputs,
)
from detente.store import Store

app = typer.Typer(help="Coalitions: landscape theory, structural balance, partner ranking.",
                  no_args_is_help=True)

InputsOption = Annotated[Path | None, typer.Option(
    "--inputs", help="Landscape inputs file (.csv or .json, e.g. exported and edited).")]
FurnasOption = Annotated[str | None, typer.Option(
    "--furnas", help="The Axelrod-Furnas Syria inputs: standard or weak_syria.")]
YearOption = Annotated[int | None, typer.Option("--year", help="Build inputs for this year.")]
StatesOption = Annotated[str | None, typer.Option(
    "--states", help="Comma-separated COW codes, ISO3, COW abbreviations or names "
                     "(default: every state in the system that year).")]
SizeOption = Annotated[str, typer.Option(
    "--size", help="Size measure: cinc, milex, milper, irst, pec, tpop or upop.")]
WeightOption = Annotated[list[str] | None, typer.Option(
    "--weight", help="Component weight as name=value (repeatable); 0 drops a component.")]
SkipOption = Annotated[bool, typer.Option(
    "--skip-uncovered", help="Leave out components whose data do not cover the year.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for the random starts.")]
OutDirOption = Annotated[Path | None, typer.Option(
    "--out", help="Write every result table (Parquet) and result.json to this folder.")]


def _states(text: str | None) -> list[int | str] | None:
    if not text:
        return None
    return [int(t) if t.strip().isdigit() else t.strip() for t in text.split(",") if t.strip()]


def _weights(items: list[str] | None, defaults: tuple[str, ...]) -> dict[str, float] | None:
    if not items:
        return None
    out = {name: COMPONENTS[name].weight for name in defaults}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise typer.BadParameter(f"{item!r} is not name=number", param_hint="--weight")\
                from None
        if not sep:
            raise typer.BadParameter(f"{item!r} is not name=number", param_hint="--weight")
    return out


@contextmanager
def _maybe_store(path: Path | None, needed: bool) -> Iterator[Store | None]:
    with open_store(path, read_only=True) if needed else nullcontext() as db:
        yield db


def _load(db: Store | None, inputs: Path | None, furnas: str | None, year: int | None,
          states: str | None, size: str, weight: list[str] | None, skip: bool
          ) -> LandscapeInputs:
    chosen = sum(x is not None for x in (inputs, furnas, year))
    if chosen != 1:
        raise typer.BadParameter("give exactly one of --inputs FILE, --furnas VARIANT or --year")
    if inputs is not None:
        return read_inputs(inputs)
    assert db is not None
    if furnas is not None:
        return furnas_inputs(db, furnas)  # type: ignore[arg-type]
    assert year is not None
    return build_inputs(db, year, _states(states), size=size,
                        components=_weights(weight, DEFAULTS),
                        outside_coverage="skip" if skip else "error")


def _show(frame: pl.DataFrame, title: str, limit: int = 20) -> None:
    table = Table(title=title)
    for name in frame.columns:
        table.add_column(name)
    for row in frame.head(limit).rows():
        table.add_row(*[_cell(v) for v in row])
    console.print(table)
    if frame.height > limit:
        console.print(f"... {frame.height - limit} more rows (write them with --out)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _finish(result: Result, out: Path | None) -> None:
    """Write the result tables when asked, then say which data versions they came from."""
    if out is not None:
        result.write(out)
        console.print(f"wrote result tables to {out}")
    _versions(dict(result.data_versions))


def _versions(versions: dict[str, str]) -> None:
    if versions:
        console.print("data: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())),
                      highlight=False)


@app.command("components")
@friendly
def components() -> None:
    """List the propensity components, their default weights and what they read."""
    table = Table(title="propensity components: p_ij = sum_k w_k C_k(i, j)")
    for col in ("name", "weight", "default", "reads", "value"):
        table.add_column(col)
    for comp in COMPONENTS.values():
        table.add_row(comp.name, f"{comp.weight:g}", "yes" if comp.name in DEFAULTS else "no",
                      ", ".join(comp.tables), comp.description)
    console.print(table)


@app.command("inputs")
@friendly
def inputs_command(
    out: Annotated[Path, typer.Option("--out", help="Write to .csv or .json.")],
    year: YearOption = None, states: StatesOption = None, furnas: FurnasOption = None,
    size: SizeOption = "cinc", weight: WeightOption = None, skip_uncovered: SkipOption = False,
    store: StoreOption = None,
) -> None:
    """Build landscape inputs (sizes, propensities) and write them to edit and feed back."""
    with _maybe_store(store, True) as db:
        built = _load(db, None, furnas, year, states, size, weight, skip_uncovered)
    write_inputs(built, out)
    console.print(f"wrote {built.n} actors to {out}")
    _versions(dict(built.data_versions))


@app.command("landscape")
@friendly
def landscape(
    inputs: InputsOption = None, furnas: FurnasOption = None, year: YearOption = None,
    states: StatesOption = None, size: SizeOption = "cinc", weight: WeightOption = None,
    skip_uncovered: SkipOption = False,
    method: Annotated[str, typer.Option(help="auto, exhaustive (<= 24 actors) or heuristic.")]
    = "auto",
    convention: Annotated[str, typer.Option(
        help="ordered (sum over i != j, Axelrod-Bennett) or unordered (i < j).")] = "ordered",
    starts: Annotated[int, typer.Option(help="Random starts of the heuristic.")] = 1024,
    top: Annotated[int, typer.Option(help="Lowest-energy configurations to list.")] = 10,
    seed: SeedOption = 0,
    export_inputs: Annotated[Path | None, typer.Option(
        "--export-inputs", help="Also write the inputs used (.csv or .json).")] = None,
    out: OutDirOption = None,
    store: StoreOption = None,
) -> None:
    """Landscape theory: the stable bipolar alignments, their energies and basins."""
    with _maybe_store(store, inputs is None) as db:
        data = _load(db, inputs, furnas, year, states, size, weight, skip_uncovered)
    if export_inputs is not None:
        write_inputs(data, export_inputs)
    model = Landscape(method=method, convention=convention, starts=starts,  # type: ignore[arg-type]
                      top=top)
    with spinner("") as spin:
        spin.add_task(f"searching the landscape of {data.n} actors", total=None)
        result = model.run(data, seed=seed)
    s = result.summary
    searched = (f"all {s['configurations']:,} configurations" if "configurations" in s
                else f"{s['starts']:,} random starts")
    console.print(f"{s['actors']} actors, {s['method']} search over {searched}: "
                  f"{s['minima']} local minima; energy convention {s['convention']}")
    _show(result.table.drop("size_a", "size_b"), "local minima (camp A holds the first actor)")
    if s["unaligned"]:
        console.print("no propensity with anyone (left out of the camps): "
                      + ", ".join(s["unaligned"]))
    best = result.table.row(0, named=True)
    frustrated = (result.tables["actors"].filter(pl.col("rank") == 1)
                  .sort("weighted_frustration", descending=True).head(5))
    _show(frustrated.select("actor", "camp", "frustration", "weighted_frustration",
                            "switch_gain"),
          f"most frustrated actors at the lowest minimum (energy {best['energy']:.6g})")
    _finish(result, out)


@app.command("balance")
@friendly
def balance(
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int | None, typer.Option("--to", help="Last year (default: --from).")]
    = None,
    states: StatesOption = None, weight: WeightOption = None,
    skip_uncovered: SkipOption = False,
    method: Annotated[str, typer.Option(help="auto, exact or heuristic.")] = "auto",
    time_limit: Annotated[float, typer.Option(help="Seconds for the exact solver per year.")]
    = 30.0,
    starts: Annotated[int, typer.Option(help="Random starts of the heuristic.")] = 1024,
    seed: SeedOption = 0,
    out: OutDirOption = None,
    store: StoreOption = None,
) -> None:
    """Structural balance by year: frustration index, blocs and the ties that break them."""
    years = range(first, (last if last is not None else first) + 1)
    chosen = _weights(weight, BALANCE_COMPONENTS) or list(BALANCE_COMPONENTS)
    with open_store(store, read_only=True) as db:
        networks = [signed_network(db, y, _states(states), components=chosen,
                                   outside_coverage="skip" if skip_uncovered else "error")
                    for y in track(years, description="building signed networks",
                                   console=err_console, transient=True)]
    model = StructuralBalance(method=method, starts=starts,  # type: ignore[arg-type]
                              time_limit=time_limit)
    rng = resolve_seed(seed)
    found = [frustration_index(net, method=model.method, seed=rng, starts=starts,
                               time_limit=time_limit)
             for net in track(networks, description="splitting into blocs",
                              console=err_console, transient=True)]
    result = balance_result(found, params=model.get_params(), seed=seed)
    _show(result.table, "structural balance (frustration = ties broken by the best two-bloc "
          "split)", limit=60)
    if not result.table["optimal"].all():
        console.print("some years are not proven optimal within the time limit: frustration "
                      "is the best split found, lower_bound what the solver proved")
    _finish(result, out)


@app.command("partners")
@friendly
def partners(
    lead: Annotated[str, typer.Option("--lead", help="The lead state.")],
    members: Annotated[str, typer.Option("--members", help="Current members (comma-separated).")]
    = "",
    rival: Annotated[str | None, typer.Option("--rival", help="The state to balance against.")]
    = None,
    region: Annotated[str | None, typer.Option(
        "--region", help=f"Court only states of a region: {', '.join(REGIONS)}.")] = None,
    candidates: Annotated[str | None, typer.Option(
        "--candidates", help="Court only these states (comma-separated).")] = None,
    add: Annotated[str | None, typer.Option("--add", help="What-if: add these members.")]
    = None,
    remove: Annotated[str | None, typer.Option("--remove", help="What-if: remove members.")]
    = None,
    criteria: Annotated[str | None, typer.Option(
        "--criteria", help="Criterion weights, e.g. capability=2,cohesion=1,friction=1.")]
    = None,
    inputs: InputsOption = None, year: YearOption = None, size: SizeOption = "cinc",
    weight: WeightOption = None, skip_uncovered: SkipOption = False,
    top: Annotated[int, typer.Option(help="Candidates to show.")] = 15,
    out: Annotated[Path | None, typer.Option("--out", help="Write the ranking (.csv/.parquet).")]
    = None,
    store: StoreOption = None,
) -> None:
    """Rank partners for a coalition, and show what adding or removing members would do."""
    with _maybe_store(store, inputs is None) as db:
        data = _load(db, inputs, None, year, None, size, weight, skip_uncovered)
    member_list = _states(members) or []
    question = CoalitionQuestion(data, _one(lead), tuple(member_list),
                                 _one(rival) if rival else None,
                                 tuple(_states(candidates) or ()) or None, region)
    result = PartnerRanking(weights=_criteria(criteria)).run(question, seed=0)
    console.print(f"goal: {result.summary['goal']}; lead {result.summary['lead']}; "
                  f"{result.table.height} candidates")
    _show(result.tables["coalition"], "the coalition now")
    _show(result.table, "candidate partners, best first", limit=top)
    if add or remove:
        whatif = coalition_whatif(data, [_one(lead), *member_list], add=_states(add) or [],
                                  remove=_states(remove) or [],
                                  rival=_one(rival) if rival else None)
        _show(whatif, "what-if")
    if out is not None:
        if out.suffix.lower() == ".parquet":
            result.table.write_parquet(out)
        else:
            result.table.write_csv(out)
        console.print(f"wrote {result.table.height} candidates to {out}")
    _versions(dict(result.data_versions))


def _one(text: str) -> int | str:
    found = _states(text)
    if not found or len(found) != 1:
        raise typer.BadParameter(f"{text!r} must name one state")
    return found[0]


def _criteria(text: str | None) -> dict[str, float] | None:
    if not text:
        return None
    out = {}
    for item in text.split(","):
        name, _, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise ModelInputError(f"--criteria: {item!r} is not name=number") from None
    return out
