"""Trust per dyad side: how much a state trusts its partner, updated from what it perceives.

Method. Trust ``x`` in [0, 1] of a side in its partner is updated from the partner's
perceived action ``b``:

    x <- x + gain_rate * (1 - x)              after a perceived cooperative rung
    x <- x * (1 - loss_rate * s(b) / s_max)   after a perceived escalatory rung

where ``s`` is the escalation score and ``s_max`` the ladder's highest, so perceived
cooperation builds trust toward 1 with diminishing steps and perceived escalation erodes it
in proportion to its severity (a strike at ``loss_rate``, posturing at a seventh of it on
the default ladder); escalation never raises trust. It answers the seeds' warning that
after misreadings "trust among nations may deteriorate, hampering future collaborations".
With ``loss_rate > gain_rate`` trust is easier to destroy than to build (Slovic 1993's
asymmetry principle), the asymmetry confidence-building measures have to overcome. Both
rules are ``x <- add[b] + keep[b] * x``, two table lookups per side-round. Trust starts
from the calibrated tie strength (:mod:`._calibration`), feeds the hostile tilt of
misperception (:mod:`._perception`) and the engage-and-hedge strategy, and, with
``reputation``, is shared across a partner's dyads (:mod:`._engine`).

References
----------
.. [1] Slovic, P. (1993). "Perceived risk, trust, and democracy." *Risk Analysis* 13(6),
   675-682.
.. [2] Kydd, A. H. (2005). *Trust and Mistrust in International Relations*. Princeton
   University Press.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from detente._errors import ModelInputError
from detente.models.escalation._ladder import Ladder


@dataclass(frozen=True)
class TrustDynamics:
    """Rates of the trust update (see the module docstring)."""

    gain_rate: float = 0.1
    loss_rate: float = 0.3

    def validate(self, prefix: str = "trust") -> None:
        for name in ("gain_rate", "loss_rate"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
                raise ModelInputError(f"{prefix}.{name}: must be a number in [0, 1], got {value!r}")

    def tables(self, ladder: Ladder) -> tuple[np.ndarray, np.ndarray]:
        """Per perceived rung, ``add`` and ``keep`` of ``x <- add + keep * x`` (float32)."""
        coop = ladder.cooperative
        top = ladder.scores.max()
        severity = np.where(coop, 0.0, ladder.scores / top if top > 0 else 0.0)
        add = np.where(coop, self.gain_rate, 0.0)
        keep = np.where(coop, 1.0 - self.gain_rate, 1.0 - self.loss_rate * severity)
        return add.astype(np.float32), keep.astype(np.float32)

    def update(self, trust: np.ndarray, seen: np.ndarray,
               tables: tuple[np.ndarray, np.ndarray]) -> None:
        """Apply one round's update to ``trust`` (float32, in place) given the ``seen`` rungs."""
        add, keep = tables
        trust *= keep[seen]
        trust += add[seen]
