"""The hard-power measures: CINC, with its six component shares as components."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from detente.measures._hard_power import cinc
from detente.measures._registry import Measure, register_measure

if TYPE_CHECKING:
    from detente.store._store import Store


def _cinc(store: Store, years: tuple[int, int] | None, states: Sequence[int] | None
          ) -> pa.Table:
    table = cinc(store, years=years, states=states)
    return table.rename_columns(["ccode", "year", "value", *table.column_names[3:]])


register_measure(Measure(
    "cinc", "Composite Index of National Capability", "share of world capabilities (0-1)",
    "Mean of a state's shares of military expenditure, military personnel, iron and steel "
    "production, primary energy consumption, total and urban population (each share over "
    "the states reporting that component; missing components skipped). Over all COW members "
    "it reproduces NMC's published cinc within 1e-6.",
    "Singer, Bremer and Stuckey (1972); Singer (1987); COW National Material Capabilities "
    "v7.0", ("cow_nmc",), _cinc))
