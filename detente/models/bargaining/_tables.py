"""Turn the rounds of a run into tidy polars tables (positions, forecasts, offers, dyads)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from detente.models.bargaining import _round as rd

if TYPE_CHECKING:
    from detente.models.bargaining._model import RoundState

_TYPE_NAMES = np.array([None, *rd.OFFER_TYPES.values()], dtype=object)


def _rounds(states: Sequence[RoundState], per_round: int) -> np.ndarray:
    return np.repeat(np.arange(len(states), dtype=np.int32), per_round)


def position_table(states: Sequence[RoundState], names: np.ndarray) -> pl.DataFrame:
    """One row per round and actor: position, risk exponent, security and the move taken."""
    n = names.size
    chosen = np.concatenate([s.offers.chosen for s in states])
    kinds = np.concatenate([s.offers.kind[np.arange(n), np.maximum(s.offers.chosen, 0)]
                            for s in states])
    taken = chosen >= 0
    return pl.DataFrame({
        "round": _rounds(states, n),
        "actor": np.tile(names, len(states)).astype(str),
        "position": np.concatenate([s.position for s in states]),
        "risk": np.concatenate([s.risk for s in states]),
        "security": np.concatenate([s.security for s in states]),
        "accepted_type": pl.Series(np.where(taken, _TYPE_NAMES[kinds], None).tolist(),
                                   dtype=pl.String),
        "accepted_from": pl.Series(np.where(taken, names[np.maximum(chosen, 0)], None).tolist(),
                                   dtype=pl.String),
        "next_position": np.concatenate([s.offers.new_position for s in states]),
    })


def forecast_table(states: Sequence[RoundState]) -> pl.DataFrame:
    """One row per round: the median and mean forecasts and how many offers of each type."""
    kinds = np.stack([s.offers.kind for s in states])
    return pl.DataFrame({
        "round": np.arange(len(states), dtype=np.int32),
        "median": [s.median for s in states],
        "mean": [s.mean for s in states],
        "moves": [int((s.offers.chosen >= 0).sum()) for s in states],
        **{f"{name}_offers": (kinds == code).sum(axis=(1, 2)).astype(np.int64)
           for code, name in rd.OFFER_TYPES.items()},
    })


def offer_table(states: Sequence[RoundState], names: np.ndarray) -> pl.DataFrame:
    """Every offer: round, sender, receiver, type, both expected utilities, what is proposed."""
    parts = []
    for t, s in enumerate(states):
        o = s.offers
        receiver, sender = np.nonzero(o.kind)
        parts.append({
            "round": np.full(receiver.size, t, dtype=np.int32),
            "sender": sender, "receiver": receiver,
            "type": o.kind[receiver, sender].astype(np.int64) - 1,
            "sender_eu": o.sender_eu[receiver, sender],
            "receiver_eu": o.receiver_eu[receiver, sender],
            "receiver_position": s.position[receiver],
            "proposed_position": o.target[receiver, sender],
            "accepted": o.chosen[receiver] == sender,
        })
    columns = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    labels = pl.Series(names.astype(str).tolist(), dtype=pl.String)
    kinds = pl.Series(list(rd.OFFER_TYPES.values()), dtype=pl.String)
    return pl.DataFrame({
        **columns,
        "sender": labels.gather(columns["sender"]),
        "receiver": labels.gather(columns["receiver"]),
        "type": kinds.gather(columns["type"]),
    })


def dyad_table(states: Sequence[RoundState], names: np.ndarray) -> pl.DataFrame:
    """Every ordered pair in every round: probability of prevailing and expected utility."""
    n = names.size
    off = ~np.eye(n, dtype=bool)
    i, j = np.nonzero(off)
    return pl.DataFrame({
        "round": _rounds(states, i.size),
        "actor": np.tile(names[i], len(states)).astype(str),
        "target": np.tile(names[j], len(states)).astype(str),
        "win_probability": np.concatenate([s.probability[off] for s in states]),
        "eu_challenge": np.concatenate([s.eu[off] for s in states]),
    })
