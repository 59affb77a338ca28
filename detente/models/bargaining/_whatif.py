"""What-ifs for strategic posturing: change inputs, run again, compare the forecasts.

A :class:`Scenario` is a named, declarative set of changes (the shape a REST body or a CLI
line maps onto). :func:`compare_scenarios` runs the model on the baseline and on each
scenario and lines the forecasts up side by side; :func:`pivotal_actors` asks, actor by
actor, how far the forecast moves when that actor leaves the table or doubles its
capability.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from detente._errors import ModelInputError
from detente.models._base import Result
from detente.models.bargaining._issue import Issue
from detente.models.bargaining._model import ExpectedUtilityBargaining


@dataclass(frozen=True)
class Scenario:
    """Named changes to an issue, applied in a fixed order by :meth:`apply`.

    Parameters
    ----------
    name
        Label in comparison tables.
    remove
        Actors that leave the table.
    capability, salience, position
        New values by actor: capability models posture (forces deployed, assets committed),
        salience resolve, position a changed stance.
    capability_factor
        Multipliers of capability by actor (``{"UK": 1.5}`` is +50%), applied after
        ``capability``.
    coalitions
        Groups of actors that bargain as one with pooled capability (:meth:`Issue.pool`),
        formed last, from the changed values; each is named by its members joined with "+".
    """

    name: str
    remove: tuple[str, ...] = ()
    capability: Mapping[str, float] = field(default_factory=dict)
    capability_factor: Mapping[str, float] = field(default_factory=dict)
    salience: Mapping[str, float] = field(default_factory=dict)
    position: Mapping[str, float] = field(default_factory=dict)
    coalitions: tuple[tuple[str, ...], ...] = ()

    def apply(self, issue: Issue) -> Issue:
        """The changed issue: removals, then new values, then multipliers, then coalitions."""
        changed = issue.without(list(self.remove)) if self.remove else issue
        changed = changed.with_values(capability=self.capability, salience=self.salience,
                                      position=self.position)
        if self.capability_factor:
            changed = changed.scale_capability(self.capability_factor)
        for members in self.coalitions:
            changed = changed.pool(list(members))
        return changed

    def describe(self) -> str:
        """One line saying what the scenario changes."""
        parts = [f"without {', '.join(self.remove)}"] if self.remove else []
        for label, values, fmt in (("capability", self.capability, "{}={:g}"),
                                   ("capability", self.capability_factor, "{}x{:g}"),
                                   ("salience", self.salience, "{}={:g}"),
                                   ("position", self.position, "{}={:g}")):
            if values:
                parts.append(f"{label} " + ", ".join(fmt.format(k, v) for k, v in values.items()))
        parts += [f"coalition {'+'.join(m)}" for m in self.coalitions]
        return "; ".join(parts) or "no change"


@dataclass(frozen=True)
class Comparison:
    """Forecasts of a baseline and its scenarios side by side, with each full result."""

    table: pl.DataFrame
    results: Mapping[str, Result]


def _forecast_row(name: str, described: str, result: Result) -> dict[str, object]:
    s = result.summary
    return {"scenario": name, "changes": described, "actors": s["actors"],
            "median_initial": s["median_initial"], "mean_initial": s["mean_initial"],
            "median_final": s["median_final"], "mean_final": s["mean_final"],
            "rounds": s["rounds"], "stopped": s["stopped"]}


def compare_scenarios(issue: Issue, scenarios: Sequence[Scenario], *,
                      model: ExpectedUtilityBargaining | None = None) -> Comparison:
    """Run the baseline and every scenario; compare first-round and final forecasts.

    Returns
    -------
    Comparison
        ``table`` has one row per scenario (the baseline first): the changes, the number of
        actors, the median and mean forecasts of the first and last round, the rounds run,
        why the run stopped, and ``median_shift``/``mean_shift``, the final forecasts minus
        the baseline's. ``results`` maps each scenario name to its full :class:`Result`.
    """
    model = model or ExpectedUtilityBargaining()
    names = [s.name for s in scenarios]
    if "baseline" in names or len(set(names)) != len(names):
        raise ModelInputError(f"scenario names must be unique and not 'baseline': {names}")
    results = {"baseline": model.run(issue)}
    rows = [_forecast_row("baseline", "no change", results["baseline"])]
    for scenario in scenarios:
        results[scenario.name] = model.run(scenario.apply(issue))
        rows.append(_forecast_row(scenario.name, scenario.describe(), results[scenario.name]))
    table = pl.DataFrame(rows).with_columns(
        (pl.col("median_final") - pl.col("median_final").first()).alias("median_shift"),
        (pl.col("mean_final") - pl.col("mean_final").first()).alias("mean_shift"),
    )
    return Comparison(table, results)


def pivotal_actors(issue: Issue, *, model: ExpectedUtilityBargaining | None = None,
                   factor: float = 2.0) -> pl.DataFrame:
    """Which actors move the forecast most: removal and capability leverage, actor by actor.

    Definitions (deterministic; one model run per actor and test):

    - ``shift_without``: the final median forecast without the actor minus the baseline's
      (``mean_shift_without`` the same for the weighted mean). An actor is **pivotal** to the
      degree that its leaving moves the settlement: the table is sorted by
      ``|shift_without|``, then ``|mean_shift_without|``.
    - ``shift_posture``: the final median when the actor's capability is multiplied by
      ``factor`` (a posture surge) minus the baseline's; its leverage over the outcome.

    With two actors, removing one leaves no negotiation; ``shift_without`` is then null.
    """
    model = model or ExpectedUtilityBargaining()
    base = model.run(issue).summary
    rows = []
    for actor in issue.actors:
        without = model.run(issue.without([actor])).summary if len(issue) > 2 else None
        surged = model.run(issue.scale_capability({actor: factor})).summary
        rows.append({
            "actor": actor,
            "position": float(issue.position[issue.index(actor)]),
            "median_without": without["median_final"] if without else None,
            "shift_without": without["median_final"] - base["median_final"] if without else None,
            "mean_shift_without": without["mean_final"] - base["mean_final"] if without else None,
            "median_posture": surged["median_final"],
            "shift_posture": surged["median_final"] - base["median_final"],
        })
    frame = pl.DataFrame(rows, schema_overrides={"median_without": pl.Float64,
                                                 "shift_without": pl.Float64,
                                                 "mean_shift_without": pl.Float64})
    return (frame.with_columns(pl.col("shift_without").abs().alias("_a"),
                               pl.col("mean_shift_without").abs().alias("_b"))
            .sort(["_a", "_b"], descending=True, nulls_last=True).drop("_a", "_b")
            .with_row_index("rank", offset=1))
