"""The hard-power measures: CINC and the military expenditure and personnel shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from detente.measures._hard_power import cinc
from detente.measures._registry import Measure, register_measure

if TYPE_CHECKING:
    from detente.store._store import Store

_NMC_CITATION = ("Singer, Bremer and Stuckey (1972); Singer (1987); COW National Material "
                 "Capabilities v7.0")


def _share(column: str) -> object:
    def compute(store: Store, years: tuple[int, int] | None, states: Sequence[int] | None
                ) -> pa.Table:
        table = cinc(store, years=years, states=states)
        return pa.table({"ccode": table["ccode"], "year": table["year"],
                         "value": table[column]})

    return compute


register_measure(Measure(
    "cinc", "Composite Index of National Capability", "share of the compared states (0-1)",
    "Mean of a state's shares of military expenditure, military personnel, iron and steel "
    "production, primary energy consumption, total and urban population (each share over "
    "the states reporting that component; missing components skipped). Over all COW members "
    "it reproduces NMC's published cinc within 1e-6.",
    _NMC_CITATION, ("cow_nmc",), _share("cinc")))
register_measure(Measure(
    "milex_share", "Share of military expenditure", "share of the compared states (0-1)",
    "milex / sum of milex over the compared states reporting it, per year. NMC milex is in "
    "GBP thousands to 1913 and current USD thousands from 1914; shares are comparable across "
    "the change, levels are not.",
    _NMC_CITATION, ("cow_nmc",), _share("milex_share")))
register_measure(Measure(
    "milper_share", "Share of military personnel", "share of the compared states (0-1)",
    "milper / sum of milper over the compared states reporting it, per year.",
    _NMC_CITATION, ("cow_nmc",), _share("milper_share")))
