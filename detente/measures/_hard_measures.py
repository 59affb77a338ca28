"""The hard-power measures: CINC and the military expenditure and personnel shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from detente.measures._hard_power import NMC_COMPONENTS, cinc
from detente.measures._registry import Measure, register_measure

if TYPE_CHECKING:
    from detente.store._store import Store

_NMC_CITATION = ("Singer, Bremer and Stuckey (1972); Singer (1987); COW National Material "
                 "Capabilities v7.0")


def _share(column: str, *extra: str) -> object:
    def compute(store: Store, years: tuple[int, int] | None, states: Sequence[int] | None
                ) -> pa.Table:
        table = cinc(store, years=years, states=states)
        return pa.table({"ccode": table["ccode"], "year": table["year"],
                         "value": table[column], **{c: table[c] for c in extra}})

    return compute


register_measure(Measure(
    "cinc", "Composite Index of National Capability", "share of the compared states (0-1)",
    "Mean of a state's shares of military expenditure, military personnel, iron and steel "
    "production, primary energy consumption, total and urban population (each share over "
    "the states reporting that component; missing components skipped). Over all COW members "
    "it reproduces NMC's published cinc within 1e-6.",
    _NMC_CITATION, ("cow_nmc",), _share("cinc", *(f"{c}_share" for c in NMC_COMPONENTS))))
_COMPONENTS = {
    "milex": ("military expenditure", "NMC milex is in GBP thousands to 1913 and current USD "
              "thousands from 1914; shares are comparable across the change, levels are not."),
    "milper": ("military personnel", ""),
    "irst": ("iron and steel production", ""),
    "pec": ("primary energy consumption", ""),
    "tpop": ("total population", ""),
    "upop": ("urban population", ""),
}
for _component, (_what, _caveat) in _COMPONENTS.items():
    register_measure(Measure(
        f"{_component}_share", f"Share of {_what}", "share of the compared states (0-1)",
        f"{_component} / sum of {_component} over the compared states reporting it, per year. "
        + _caveat, _NMC_CITATION, ("cow_nmc",), _share(f"{_component}_share")))
