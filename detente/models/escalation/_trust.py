"""Trust per dyad side: how much a state trusts its partner, updated from what it perceives.

Method. Trust ``x`` in [0, 1] moves toward a target set by the perceived action ``b``:
1 after a cooperative rung, ``1 - h(b)`` after an escalatory one, where ``h`` is the rung's
escalation score rescaled to [0, 1] over the ladder (so a strike pulls trust toward 0 and
posturing only a little). It moves at ``gain_rate`` when rising and ``loss_rate`` when
falling:

    x <- x + r * (target(b) - x),   r = gain_rate if target(b) > x else loss_rate

With ``loss_rate > gain_rate`` trust is "easier to destroy than to create" (Slovic 1993),
the asymmetry confidence-building measures have to overcome. Trust starts from the
calibrated tie strength (:mod:`._calibration`), feeds the hostile tilt of misperception
(:mod:`._perception`) and the engage-and-hedge strategy.

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

    def targets(self, ladder: Ladder) -> np.ndarray:
        """The trust each perceived rung pulls toward, float32."""
        return np.where(ladder.cooperative, 1.0, 1.0 - ladder.hostility).astype(np.float32)

    def update(self, trust: np.ndarray, seen: np.ndarray, targets: np.ndarray) -> None:
        """Move ``trust`` (float32, in place) toward the target of each ``seen`` rung."""
        delta = targets[seen]
        delta -= trust
        rate = np.where(delta > 0, np.float32(self.gain_rate), np.float32(self.loss_rate))
        delta *= rate
        trust += delta
