"""The action ladder: what a state can do to a partner, from dialogue to a strike.

Each rung has an **escalation score** on the scale of Rivera et al. (2024), whose scoring
framework puts every action in a category worth fixed points: de-escalation -2, status quo
0, posturing 4, non-violent escalation 12, violent escalation 28, nuclear 60 (the gaps
double: 2, 4, 8, 16, 32). detente keeps their categories and points and places the
instruments of military diplomacy on them; where our placement differs from theirs the
rung's ``note`` says so. Rungs are ordered by hostility toward the partner; a misreading
moves what is seen one *category* up or down (:attr:`Ladder.shifted`).

Each rung also carries a payoff pair, ``gain`` (what the actor gets from taking it) and
``effect`` (what the partner receives), so the stage game is the additive ("donation")
game ``u(a, b) = gain[a] + effect[b]`` (Nowak and Sigmund 2005). The default values are
detente's illustrative choices, not estimates. Engagement through dual-use instruments
(joint exercises, arms sales) pays both sides more than dialogue alone (interoperability,
capability, revenue), which is what makes their ambiguity a dilemma. Each step up from
engagement to sanctions pays the actor a little more (a temptation to escalate) and costs
the partner more than that (so mutual escalation is worse for both than mutual
engagement); the use of force costs its user (``gain`` falls after sanctions), so one-shot
self-interest stops at sanctions and only retaliation climbs higher. Pass your own
:class:`Ladder` (and :class:`~detente.models.escalation.Game` for a full payoff matrix) to
change them.

References
----------
.. [1] Rivera, J.-P., Mukobi, G., Reuel, A., Lamparth, M., Smith, C. and Schneider, J.
   (2024). "Escalation Risks from Language Models in Military and Diplomatic
   Decision-Making." *ACM Conference on Fairness, Accountability, and Transparency
   (FAccT '24)*. arXiv:2401.03408. The category points are those of the authors'
   published scoring.
.. [2] Nowak, M. A. and Sigmund, K. (2005). "Evolution of indirect reciprocity."
   *Nature* 437, 1291-1298 (the donation game).
.. [3] Kahn, H. (1965). *On Escalation: Metaphors and Scenarios*. Praeger.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

import numpy as np
import polars as pl

from detente._errors import ModelInputError

Category = Literal["de-escalation", "status quo", "posturing", "non-violent escalation",
                   "violent escalation", "nuclear"]

CATEGORY_SCORES: dict[str, float] = {
    "de-escalation": -2.0,
    "status quo": 0.0,
    "posturing": 4.0,
    "non-violent escalation": 12.0,
    "violent escalation": 28.0,
    "nuclear": 60.0,
}
"""Rivera et al. (2024)'s escalation points per category."""


@dataclass(frozen=True)
class Action:
    """One rung of the ladder.

    Parameters
    ----------
    name
        Short identifier (``"joint_exercise"``).
    label
        What the action is, in words.
    category
        Rivera et al. (2024) category; fixes the escalation ``score``.
    gain, effect
        Stage-game payoff to the actor and to the partner.
    dual_use
        The action uses capabilities that can also prepare for conflict, so a partner
        misreads it more often (the perception model multiplies its error rate).
    note
        Why the rung sits where it does, when that is a judgement.
    """

    name: str
    label: str
    category: Category
    gain: float
    effect: float
    dual_use: bool = False
    note: str = ""

    @property
    def score(self) -> float:
        return CATEGORY_SCORES[self.category]

    @property
    def cooperative(self) -> bool:
        """De-escalation and status-quo rungs count as cooperation; the rest as escalation."""
        return self.score <= 0


@dataclass(frozen=True)
class Ladder:
    """An ordered sequence of actions, least to most hostile toward the partner.

    ``cooperate`` and ``defect`` name the two reference rungs that reduce the ladder to a
    prisoner's dilemma (used for generous tit-for-tat's forgiveness and for the "flip"
    misperception): by default the first rung and the first rung scored non-violent
    escalation (or the last rung, if there is none).
    """

    actions: tuple[Action, ...]
    cooperate: int = 0
    defect: int | None = None

    def __post_init__(self) -> None:
        if len(self.actions) < 2:
            raise ModelInputError("ladder.actions: a ladder needs at least two actions")
        if len(self.actions) > 127:
            raise ModelInputError("ladder.actions: at most 127 actions (stored as int8)")
        names = [a.name for a in self.actions]
        if len(set(names)) != len(names):
            raise ModelInputError(f"ladder.actions: duplicate names in {names}")
        for a in self.actions:
            if a.category not in CATEGORY_SCORES:
                raise ModelInputError(f"ladder.actions[{a.name!r}].category: {a.category!r} is "
                                      f"not one of {list(CATEGORY_SCORES)}")
        if np.any(np.diff(self.scores) < 0):
            raise ModelInputError("ladder.actions: rungs must be ordered by escalation score "
                                  f"(got {self.scores.tolist()})")
        for field_name in ("cooperate", "defect"):
            value = getattr(self, field_name)
            if value is not None and not 0 <= value < len(self.actions):
                raise ModelInputError(f"ladder.{field_name}: {value} is not a rung index")
        if not self.actions[self.cooperate].cooperative:
            raise ModelInputError("ladder.cooperate: the reference rung must be cooperative")
        if self.actions[self.defect_index].cooperative:
            raise ModelInputError("ladder.defect: the reference rung must be escalatory")

    def __len__(self) -> int:
        return len(self.actions)

    @property
    def defect_index(self) -> int:
        if self.defect is not None:
            return self.defect
        for i, a in enumerate(self.actions):
            if a.score >= CATEGORY_SCORES["non-violent escalation"]:
                return i
        return len(self.actions) - 1

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.actions]

    def engaging(self, rung: str | int) -> Ladder:
        """The same ladder with ``rung`` as the cooperate (engagement) rung."""
        return replace(self, cooperate=self.index(rung, field="engagement"))

    def index(self, name: str | int, *, field: str = "action") -> int:
        """The rung index of ``name`` (an index passes through after a range check)."""
        if isinstance(name, int | np.integer):
            if 0 <= int(name) < len(self):
                return int(name)
            raise ModelInputError(f"{field}: rung {name} is outside 0..{len(self) - 1}")
        try:
            return self.names.index(name)
        except ValueError:
            raise ModelInputError(f"{field}: unknown action {name!r}; the ladder has "
                                  f"{', '.join(self.names)}") from None

    # -- arrays used by the engine ------------------------------------------------------------
    @cached_property
    def scores(self) -> np.ndarray:
        return np.array([a.score for a in self.actions], dtype=np.float64)

    @cached_property
    def cooperative(self) -> np.ndarray:
        return np.array([a.cooperative for a in self.actions], dtype=bool)

    @cached_property
    def dual_use(self) -> np.ndarray:
        return np.array([a.dual_use for a in self.actions], dtype=bool)

    @cached_property
    def first_escalatory(self) -> int:
        return int(np.flatnonzero(~self.cooperative)[0])

    @cached_property
    def shifted(self) -> tuple[np.ndarray, np.ndarray]:
        """Where a misreading one escalation category up, or down, lands for every rung.

        Up: the least hostile rung of the next higher category present on the ladder; down:
        the most hostile rung of the next lower one. At the top (bottom) category the shift is
        reflected, so a misreading always changes the category seen.
        """
        scores = self.scores
        levels = np.unique(scores)
        up = np.empty(len(self), dtype=np.int8)
        down = np.empty(len(self), dtype=np.int8)
        for i, score in enumerate(scores):
            pos = int(np.searchsorted(levels, score))
            above = levels[pos + 1] if pos + 1 < len(levels) else levels[pos - 1]
            below = levels[pos - 1] if pos > 0 else levels[pos + 1]
            up[i] = np.flatnonzero(scores == above)[0 if above > score else -1]
            down[i] = np.flatnonzero(scores == below)[-1 if below < score else 0]
        return up, down

    @cached_property
    def hostility(self) -> np.ndarray:
        """Escalation score rescaled to [0, 1] over the ladder (0 = least hostile rung)."""
        s = self.scores
        span = s.max() - s.min()
        return (s - s.min()) / span if span > 0 else np.zeros_like(s)

    def payoff_matrix(self) -> np.ndarray:
        """The actor's payoff ``u[a, b] = gain[a] + effect[b]`` (it plays ``a``, partner ``b``)."""
        gain = np.array([a.gain for a in self.actions])
        effect = np.array([a.effect for a in self.actions])
        return gain[:, None] + effect[None, :]

    def to_polars(self) -> pl.DataFrame:
        """The ladder as a table (rung, name, label, category, score, gain, effect, ...)."""
        return pl.DataFrame({
            "rung": list(range(len(self))),
            "name": self.names,
            "label": [a.label for a in self.actions],
            "category": [a.category for a in self.actions],
            "score": self.scores.tolist(),
            "cooperative": self.cooperative.tolist(),
            "dual_use": self.dual_use.tolist(),
            "gain": [a.gain for a in self.actions],
            "effect": [a.effect for a in self.actions],
            "note": [a.note for a in self.actions],
        })


MILITARY_DIPLOMACY = Ladder((
    Action("dialogue", "High-level dialogue, defence talks and visits", "de-escalation",
           gain=0.0, effect=3.0,
           note="Rivera et al.: 'high-level visit ... to strengthen relationship'."),
    Action("hadr", "Humanitarian assistance and disaster relief", "de-escalation",
           gain=-0.5, effect=3.5,
           note="Not in Rivera et al.; placed with de-escalation as costly goodwill."),
    Action("joint_exercise", "Joint exercise or training with the partner", "status quo",
           gain=1.0, effect=2.5, dual_use=True,
           note="Rivera et al. score exercises near a rival as posturing; with the partner "
                "it is engagement, but the same forces and drills make it dual-use."),
    Action("arms_sale", "Arms sale or defence-industrial deal with the partner", "status quo",
           gain=1.5, effect=2.5, dual_use=True,
           note="Rivera et al. score 'supply weapons to others' as posturing (it may provoke "
                "the recipient's rivals); toward the recipient it is cooperative."),
    Action("posturing", "Posturing: deployments and exercises near the partner", "posturing",
           gain=2.0, effect=-0.5, dual_use=True,
           note="Rivera et al.: 'military posturing or military exercise'."),
    Action("sanctions", "Sanctions, trade restrictions or cut diplomatic ties",
           "non-violent escalation", gain=2.5, effect=-2.5,
           note="Rivera et al.: 'impose trade restrictions', 'cut diplomatic relationships'."),
    Action("blockade", "Blockade", "violent escalation", gain=2.0, effect=-5.0,
           note="Rivera et al.: 'blockade basic supplies' (violent escalation)."),
    Action("strike", "Targeted strike", "violent escalation", gain=1.5, effect=-8.0,
           note="Rivera et al.: 'execute targeted attack'."),
), cooperate=2)
"""detente's default ladder of military-diplomatic actions (8 rungs, no nuclear rung).

Its cooperate rung, the engagement that strategies offer, is the joint exercise: the
characteristic instrument of military diplomacy, and dual-use. ``ladder.engaging(name)``
changes it (dialogue is safer to read, arms sales pay more)."""


def prisoners_dilemma_ladder() -> Ladder:
    """Two rungs, cooperate (de-escalation) and defect (non-violent escalation)."""
    return Ladder((
        Action("cooperate", "Cooperate", "de-escalation", gain=0.0, effect=0.0),
        Action("defect", "Defect", "non-violent escalation", gain=0.0, effect=0.0),
    ))

