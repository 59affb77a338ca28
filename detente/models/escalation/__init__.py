"""Engagement and escalation under misperception: a multi-state simulation.

States interact over repeated rounds on the dyads of a network (all pairs, or a year's
defence network calibrated from the store). Each round each state chooses, toward each
partner, a rung of an action ladder that runs from dialogue to a strike, scored on Rivera et
al. (2024)'s escalation scale (:mod:`._ladder`). The partner perceives that action through
noise, larger for dual-use actions and smaller where the pair has communication channels
(:mod:`._perception`); trust per dyad side follows perceptions (:mod:`._trust`); strategies
decide for all their dyad sides at once (:mod:`._strategies`); the engine advances every
dyad and Monte Carlo replicate together (:mod:`._engine`). Experiments sweep strategies and
noise in parallel with identical results for the same seed (:mod:`._experiments`), and a
report plots outcomes against noise (:mod:`._report`).

    >>> from detente.models.escalation import EscalationGame, Network
    >>> result = EscalationGame(strategies=["tft", "gtft", "grit"], noise=0.05,
    ...                         rounds=50, replicates=20).run(Network.complete(6), seed=1)
    >>> sorted(result.table["strategy"])
    ['grit', 'gtft', 'tft']

It answers the seeds' warnings that military actions "can be perceived as aggressive, even
when intended as cooperative", that "the dual-use nature of military capabilities can create
ambiguity, leading to suspicions among states", and that "the establishment of
communication channels" helps states "convey intentions" and reduce "the likelihood of
misunderstandings that could lead to conflict".
"""

from detente.models.escalation._calibration import CHANNEL_PROXY, TRUST_PROXY, calibrate
from detente.models.escalation._experiments import (
    DEFAULT_NOISE,
    NETWORK_AXES,
    Task,
    compare_strategies,
    run_task,
    sweep,
    tasks,
)
from detente.models.escalation._game import Dilemma, Game
from detente.models.escalation._ladder import (
    CATEGORY_SCORES,
    MILITARY_DIPLOMACY,
    Action,
    Ladder,
    prisoners_dilemma_ladder,
)
from detente.models.escalation._model import EscalationGame, assign_strategies
from detente.models.escalation._network import Network
from detente.models.escalation._perception import Perception
from detente.models.escalation._report import OUTCOMES, noise_figure, write_report
from detente.models.escalation._strategies import (
    ENGAGEMENT_STRATEGIES,
    GRIT,
    STRATEGIES,
    Alternator,
    Appeaser,
    Classifier,
    DeterrentPosture,
    EngageAndHedge,
    GenerousTitForTat,
    Hardliner,
    RandomPlayer,
    Strategy,
    TitForTat,
    View,
    WinStayLoseShift,
    filtered_strategies,
    make_strategy,
    strategy_table,
)
from detente.models.escalation._trust import TrustDynamics

__all__ = [
    "CATEGORY_SCORES",
    "CHANNEL_PROXY",
    "DEFAULT_NOISE",
    "ENGAGEMENT_STRATEGIES",
    "GRIT",
    "MILITARY_DIPLOMACY",
    "NETWORK_AXES",
    "OUTCOMES",
    "STRATEGIES",
    "TRUST_PROXY",
    "Action",
    "Alternator",
    "Appeaser",
    "Classifier",
    "DeterrentPosture",
    "Dilemma",
    "EngageAndHedge",
    "EscalationGame",
    "Game",
    "GenerousTitForTat",
    "Hardliner",
    "Ladder",
    "Network",
    "Perception",
    "RandomPlayer",
    "Strategy",
    "Task",
    "TitForTat",
    "TrustDynamics",
    "View",
    "WinStayLoseShift",
    "assign_strategies",
    "calibrate",
    "compare_strategies",
    "filtered_strategies",
    "make_strategy",
    "noise_figure",
    "prisoners_dilemma_ladder",
    "run_task",
    "strategy_table",
    "sweep",
    "tasks",
    "write_report",
]
