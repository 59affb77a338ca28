"""Misperception: what a partner sees is the chosen action passed through noise.

The seeds name the problem this module models: military actions "can be perceived as
aggressive, even when intended as cooperative"; "the dual-use nature of military capabilities
can create ambiguity, leading to suspicions among states"; and "engagement through joint
exercises, military partnerships, and the establishment of communication channels" lets
states "convey intentions" and reduce "the likelihood of misunderstandings that could lead to
conflict".

Method. Each round, each side's action ``a`` toward its partner is misread with probability

    p = noise * m(a) * (1 - damping * channel)

where ``m(a)`` is ``dual_use_factor`` for a dual-use rung and 1 otherwise, and ``channel`` in
[0, 1] is the strength of the pair's communication channels (hotline, attachés, regular
dialogue). A misreading is

- ``"shift"``: the partner sees the action one escalation category up or down the ladder
  (a joint exercise, status quo, is seen as posturing or as goodwill; posturing as
  sanctions or as an exercise; see :attr:`Ladder.shifted`). Low trust tilts the error
  toward hostility (Jervis 1976: actors read ambiguous moves as threats; the seeds:
  "geopolitical tensions exacerbate the risks of miscommunication"): the shift goes up
  with probability ``0.5 + 0.5 * hostile_bias * (1 - trust)``. At either end of the ladder
  the shift is reflected, so every error changes the category seen; or
- ``"flip"``: cooperation is seen as the ladder's defect rung and escalation as its
  cooperate rung (the classic noisy prisoner's dilemma, Axelrod 1984; Bendor, Kramer and
  Stout 1991).

On the two-rung prisoner's dilemma both modes are the same flip. Misperception is private:
the actor's own record keeps what it really did, and payoffs are computed from real actions.
Trust is updated from what was seen (:mod:`._trust`).

References
----------
.. [1] Jervis, R. (1976). *Perception and Misperception in International Politics*.
   Princeton University Press.
.. [2] Bendor, J., Kramer, R. M. and Stout, S. (1991). "When in doubt... Cooperation in a
   noisy prisoner's dilemma." *Journal of Conflict Resolution* 35(4), 691-719.
.. [3] Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
.. [4] Lewis, P. A. W. and Shedler, G. S. (1979). "Simulation of nonhomogeneous Poisson
   processes by thinning." *Naval Research Logistics Quarterly* 26(3), 403-413.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from detente._errors import ModelInputError
from detente.models.escalation._ladder import Ladder

Mode = Literal["shift", "flip"]


@dataclass(frozen=True)
class Perception:
    """Parameters of the misperception model (see the module docstring for the method).

    Parameters
    ----------
    noise
        Base probability that an action is misread, in [0, 1].
    mode
        ``"shift"`` (one rung up or down) or ``"flip"`` (cooperation <-> escalation).
    dual_use_factor
        Multiplier (>= 1 makes them harder to read) on the error rate of dual-use rungs.
    channel_damping
        Share of the error a full-strength communication channel removes, in [0, 1].
    hostile_bias
        How strongly low trust tilts shifts upward, in [0, 1] (0: shifts are symmetric).
    """

    noise: float = 0.05
    mode: Mode = "shift"
    dual_use_factor: float = 2.0
    channel_damping: float = 0.5
    hostile_bias: float = 0.5

    def validate(self, prefix: str = "perception") -> None:
        for name in ("noise", "channel_damping", "hostile_bias"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
                raise ModelInputError(f"{prefix}.{name}: must be a number in [0, 1], got {value!r}")
        if not (isinstance(self.dual_use_factor, int | float) and self.dual_use_factor >= 0):
            raise ModelInputError(f"{prefix}.dual_use_factor: must be a number >= 0, "
                                  f"got {self.dual_use_factor!r}")
        if self.mode not in ("shift", "flip"):
            raise ModelInputError(f"{prefix}.mode: must be 'shift' or 'flip', got {self.mode!r}")

    def error_by_action(self, ladder: Ladder) -> np.ndarray:
        """``noise * m(a)`` for every rung (before channel damping), float32."""
        factor = np.where(ladder.dual_use, self.dual_use_factor, 1.0)
        return (self.noise * factor).astype(np.float32)

    def channel_factor(self, channel: np.ndarray) -> np.ndarray:
        """``1 - damping * channel`` per dyad, float32."""
        return (1.0 - self.channel_damping * np.asarray(channel, dtype=np.float64)
                ).astype(np.float32)

    def error_probability(self, ladder: Ladder, channel: float = 0.0) -> np.ndarray:
        """The probability that each rung is misread on a dyad with this channel strength."""
        p = self.error_by_action(ladder).astype(np.float64) * float(self.channel_factor(
            np.array([channel]))[0])
        return np.minimum(p, 1.0)

    def misread(self, true: np.ndarray, trust: np.ndarray, channel_factor: np.ndarray,
                ladder: Ladder, rng: np.random.Generator) -> np.ndarray:
        """What each partner sees of ``true`` (shape ``(sides, replicates)``, int8).

        ``channel_factor`` is ``1 - damping * channel`` per side, shape ``(sides, 1)``.
        Errors are rare, so they are drawn by thinning (Lewis and Shedler 1979): candidate
        entries arrive as a Bernoulli process at the highest error rate ``p_max`` (geometric
        gaps), and each candidate is kept with probability ``p / p_max``, where ``p`` is its
        own rate; the same uniform draw then decides the shift direction. This is exact and
        costs work only in proportion to ``p_max``. Above ``p_max = 0.25`` every entry gets
        one uniform draw instead.
        """
        err_by_action = self.error_by_action(ladder)
        p_max = float(err_by_action.max()) * float(channel_factor.max(initial=0.0))
        seen = true.copy()
        if p_max <= 0:
            return seen
        flat_true, flat_seen = true.reshape(-1), seen.reshape(-1)
        n, replicates = flat_true.size, true.shape[1]
        if p_max > 0.25:
            pos = np.arange(n)
            u = rng.random(n, dtype=np.float32)
            p = err_by_action[flat_true] * np.repeat(channel_factor[:, 0], replicates)
        else:
            pos = _bernoulli_positions(n, p_max, rng)
            u = rng.random(pos.size, dtype=np.float32) * np.float32(p_max)
            p = err_by_action[flat_true[pos]] * channel_factor[pos // replicates, 0]
        keep = u < p
        pos, u, p = pos[keep], u[keep], p[keep]
        hit = flat_true[pos]
        if self.mode == "flip":
            flip_to = np.where(ladder.cooperative, ladder.defect_index, ladder.cooperate)
            flat_seen[pos] = flip_to[hit]
            return seen
        q_up = 0.5 + (0.5 * self.hostile_bias) * (1.0 - trust.reshape(-1)[pos])
        up = u < p * q_up
        to_up, to_down = ladder.shifted
        flat_seen[pos] = np.where(up, to_up[hit], to_down[hit])
        return seen


def _bernoulli_positions(n: int, p: float, rng: np.random.Generator) -> np.ndarray:
    """Sorted indices of the successes of ``n`` Bernoulli(``p``) trials.

    Geometric gaps between successes when successes are expected; when fewer than one is
    (tiny ``p``, whose gaps would overflow int64), the binomial count of successes and a
    uniform sample of that many positions, which is the same distribution.
    """
    expected = n * p
    if expected < 1.0:
        count = int(rng.binomial(n, p))
        return np.sort(rng.choice(n, size=count, replace=False)) if count else np.empty(
            0, dtype=np.int64)
    chunk = int(expected + 6 * np.sqrt(expected + 1) + 16)
    pos = np.cumsum(rng.geometric(p, size=chunk)) - 1
    while pos[-1] < n:
        more = np.cumsum(rng.geometric(p, size=chunk)) + pos[-1]
        pos = np.concatenate((pos, more))
    return pos[: np.searchsorted(pos, n)]
