"""The stage game: a ladder and the payoff of every pair of rungs (Axelrod's ``Game``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from detente._errors import ModelInputError
from detente.models.escalation._ladder import MILITARY_DIPLOMACY, Ladder, prisoners_dilemma_ladder


class Dilemma(NamedTuple):
    """Prisoner's-dilemma payoffs: reward, sucker, temptation, punishment."""

    R: float
    S: float
    T: float
    P: float


@dataclass(frozen=True)
class Game:
    """A ladder and its payoff matrix ``payoff[a, b]`` (actor plays ``a``, partner ``b``).

    Without ``payoff`` the ladder's additive payoffs are used
    (:meth:`Ladder.payoff_matrix`).
    """

    ladder: Ladder = MILITARY_DIPLOMACY
    payoff: np.ndarray | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.payoff is not None:
            matrix = np.asarray(self.payoff, dtype=np.float64)
            k = len(self.ladder)
            if matrix.shape != (k, k):
                raise ModelInputError(f"game.payoff: expected a {k}x{k} matrix for a {k}-rung "
                                      f"ladder, got shape {matrix.shape}")
            if not np.all(np.isfinite(matrix)):
                raise ModelInputError("game.payoff: payoffs must be finite numbers")

    @classmethod
    def prisoners_dilemma(cls, R: float = 3, S: float = 0, T: float = 5, P: float = 1) -> Game:
        """The two-rung prisoner's dilemma; defaults are Axelrod's (R, P, S, T) = (3, 1, 0, 5)."""
        if not (T > R > P > S):
            raise ModelInputError(f"game: a prisoner's dilemma needs T > R > P > S, got "
                                  f"R={R}, S={S}, T={T}, P={P}")
        return cls(prisoners_dilemma_ladder(), np.array([[R, S], [T, P]], dtype=np.float64))

    @property
    def matrix(self) -> np.ndarray:
        if self.payoff is not None:
            return np.asarray(self.payoff, dtype=np.float64)
        return self.ladder.payoff_matrix()

    def dilemma(self) -> Dilemma:
        """R, S, T, P of the 2x2 game between the ladder's cooperate and defect rungs."""
        c, d = self.ladder.cooperate, self.ladder.defect_index
        m = self.matrix
        return Dilemma(R=float(m[c, c]), S=float(m[c, d]), T=float(m[d, c]), P=float(m[d, d]))

    def generous_forgiveness(self) -> float:
        """Generous tit-for-tat's forgiveness probability for this game's dilemma.

        Nowak and Sigmund (1992) show that in the noisy iterated prisoner's dilemma the
        most generous tit-for-tat that still cannot be invaded by defectors forgives a
        defection with probability ``min(1 - (T - R) / (R - S), (R - P) / (T - P))``; for
        (R, S, T, P) = (3, 0, 5, 1) that is ``min(1/3, 1/2) = 1/3``.

        Reference: Nowak, M. A. and Sigmund, K. (1992). "Tit for tat in heterogeneous
        populations." *Nature* 355, 250-253.
        """
        R, S, T, P = self.dilemma()
        if not (T > R > P > S):
            raise ModelInputError(f"game: the cooperate/defect rungs do not form a prisoner's "
                                  f"dilemma (R={R}, S={S}, T={T}, P={P}); give generous "
                                  "tit-for-tat an explicit generosity")
        return float(max(0.0, min(1 - (T - R) / (R - S), (R - P) / (T - P))))
