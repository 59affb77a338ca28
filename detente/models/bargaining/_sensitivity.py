"""Monte Carlo sensitivity: how much do small errors in the inputs move the forecast?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import polars as pl

from detente._errors import ModelInputError
from detente._seed import SeedLike, resolve_seed
from detente.models._base import Model, ModelTags, Result, register
from detente.models.bargaining._issue import Issue
from detente.models.bargaining._model import CITATION, ExpectedUtilityBargaining

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@register
class BargainingSensitivity(Model):
    """Seeded Monte Carlo over small shocks to an issue's inputs; the forecast distribution.

    Each draw perturbs every actor independently and runs
    :class:`ExpectedUtilityBargaining` on the result:

    - capability ``c * exp(capability_noise * z)`` (a log-normal error: 0.1 is about +-10%);
    - salience ``s + salience_noise * z``, clipped to ``[0, 100]`` (points on the 0-100 scale);
    - position ``x + position_noise * span * z``, clipped to the issue scale,

    with independent standard normal ``z``. Input judgements of capability, resolve and stance
    are uncertain; a forecast that swings widely under such shocks should not be trusted
    without better inputs.

    Parameters
    ----------
    draws : int, default 200
        Number of perturbed runs.
    capability_noise, salience_noise, position_noise : float
        Shock sizes (defaults 0.1, 5.0 and 0.02; 0 switches a shock off).
    model_params : mapping or None
        Parameters of the :class:`ExpectedUtilityBargaining` run in each draw.

    Notes
    -----
    ``Result.table`` has one row per draw: the first-round and final median and mean
    forecasts, the rounds run and why the run stopped. ``tables["quantiles"]`` gives the 5th,
    25th, 50th, 75th and 95th percentiles of each forecast with the unperturbed baseline;
    ``summary`` repeats the final-median and final-mean percentiles.
    """

    tags: ClassVar[ModelTags] = ModelTags(question="bargaining", stochastic=True,
                                          citation=CITATION)

    def __init__(self, *, draws: int = 200, capability_noise: float = 0.1,
                 salience_noise: float = 5.0, position_noise: float = 0.02,
                 model_params: Mapping[str, Any] | None = None) -> None:
        self.draws = draws
        self.capability_noise = capability_noise
        self.salience_noise = salience_noise
        self.position_noise = position_noise
        self.model_params = model_params

    def perturbed(self, issue: Issue, rng: np.random.Generator) -> list[Issue]:
        """The ``draws`` perturbed issues (all shocks drawn at once from ``rng``)."""
        if self.draws < 1 or min(self.capability_noise, self.salience_noise,
                                 self.position_noise) < 0:
            raise ModelInputError("draws must be >= 1 and the noise sizes >= 0")
        shape = (int(self.draws), len(issue))
        z_c, z_s, z_x = (rng.standard_normal(shape) for _ in range(3))
        lo, hi = issue.scale or (0.0, 1.0)
        capability = issue.capability * np.exp(self.capability_noise * z_c)
        salience = np.clip(issue.salience + self.salience_noise * z_s, 0.0, 100.0)
        position = np.clip(issue.position + self.position_noise * issue.span * z_x, lo, hi)
        return [Issue(issue.actors, capability[d], position[d], salience[d], scale=issue.scale,
                      name=issue.name, data_versions=issue.data_versions)
                for d in range(shape[0])]

    def run(self, inputs: Issue, *, seed: SeedLike = None) -> Result:
        """Run the baseline and every draw; return the draws and the forecast percentiles."""
        if not isinstance(inputs, Issue):
            raise ModelInputError(f"{type(self).__name__}.run takes an Issue, got "
                                  f"{type(inputs).__name__}")
        model = ExpectedUtilityBargaining(**dict(self.model_params or {}))
        base = model.run(inputs).summary
        rows = []
        for d, issue in enumerate(self.perturbed(inputs, resolve_seed(seed))):
            s = model.run(issue).summary
            rows.append({"draw": d, "median_initial": s["median_initial"],
                         "mean_initial": s["mean_initial"], "median_final": s["median_final"],
                         "mean_final": s["mean_final"], "rounds": s["rounds"],
                         "stopped": s["stopped"]})
        table = pl.DataFrame(rows)
        forecasts = ("median_initial", "mean_initial", "median_final", "mean_final")
        quantiles = pl.DataFrame({
            "forecast": list(forecasts),
            "baseline": [float(base[f]) for f in forecasts],
            **{f"q{int(q * 100):02d}": [float(table[f].quantile(q, "linear")) for f in forecasts]
               for q in QUANTILES},
            "std": [float(table[f].std() or 0.0) for f in forecasts],
        })
        summary = {
            "issue": inputs.name, "draws": int(self.draws),
            "median_final_baseline": base["median_final"],
            "mean_final_baseline": base["mean_final"],
            **{f"median_final_q{int(q * 100):02d}": float(table["median_final"].quantile(q, "linear"))
               for q in QUANTILES},
            **{f"mean_final_q{int(q * 100):02d}": float(table["mean_final"].quantile(q, "linear"))
               for q in QUANTILES},
        }
        return Result(type(self).__name__, table, summary=summary, params=self.get_params(),
                      seed=seed if isinstance(seed, int) else None,
                      data_versions=dict(inputs.data_versions), tables={"quantiles": quantiles})
