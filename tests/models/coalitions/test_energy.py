"""Energy, frustration and switch gains on hand-checkable cases and as properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente._errors import ModelInputError
from detente.models.coalitions import (
    LandscapeInputs,
    canonical,
    energy,
    frustration,
    is_local_minimum,
    switch_gains,
)
from tests.models.coalitions.strategies import configurations, landscape_inputs

# Made-up, hand-checkable: A and B are friends (p = 2), C dislikes both (p = -1);
# sizes 1, 2, 3.
TRIO = LandscapeInputs(("A", "B", "C"), np.array([1.0, 2.0, 3.0]),
                       np.array([[0, 2, -1], [2, 0, -1], [-1, -1, 0]]))


def test_trio_energies_by_hand() -> None:
    # C apart: pairs (A,C) and (B,C) are split: 1*3*(-1) + 2*3*(-1) = -9 per direction.
    assert energy(TRIO, [0, 0, 1]) == -18.0
    assert energy(TRIO, [0, 0, 1], convention="unordered") == -9.0
    # A apart: (A,B) split 1*2*2 = 4, (A,C) split 1*3*(-1) = -3; twice over ordered pairs.
    assert energy(TRIO, [1, 0, 0]) == 2.0
    assert energy(TRIO, [0, 0, 0]) == 0.0
    many = energy(TRIO, np.array([[0, 0, 1], [1, 0, 0], [0, 0, 0]]))
    assert many.tolist() == [-18.0, 2.0, 0.0]


def test_trio_frustration_by_hand() -> None:
    # F_i = sum_j s_j p_ij d_ij; with C apart: F_A = 3*(-1), F_B = 3*(-1), F_C = 1*(-1) + 2*(-1)
    assert frustration(TRIO, [0, 0, 1]).tolist() == [-3.0, -3.0, -3.0]
    # sum_i s_i F_i is the ordered energy
    assert float(TRIO.sizes @ frustration(TRIO, [1, 0, 0])) == energy(TRIO, [1, 0, 0])


def test_trio_switch_gains_and_local_minimum() -> None:
    gains = switch_gains(TRIO, [0, 0, 1])
    assert gains.tolist() == [energy(TRIO, [1, 0, 1]) - (-18.0),
                              energy(TRIO, [0, 1, 1]) - (-18.0),
                              energy(TRIO, [0, 0, 0]) - (-18.0)]
    assert is_local_minimum(TRIO, [0, 0, 1])
    assert not is_local_minimum(TRIO, [1, 0, 0])


def test_bad_configurations_are_refused() -> None:
    with pytest.raises(ModelInputError, match="one camp label per actor"):
        energy(TRIO, [0, 1])
    with pytest.raises(ModelInputError, match="0 or 1"):
        energy(TRIO, [0, 2, 1])
    with pytest.raises(ModelInputError, match="convention"):
        energy(TRIO, [0, 0, 1], convention="both")  # type: ignore[arg-type]


@given(st.data())
def test_a_configuration_and_its_mirror_have_equal_energy(data: st.DataObject) -> None:
    inputs = data.draw(landscape_inputs())
    x = data.draw(configurations(inputs))
    assert energy(inputs, x) == energy(inputs, 1 - x)
    assert np.array_equal(frustration(inputs, x), frustration(inputs, 1 - x))
    assert np.array_equal(canonical(x), canonical(1 - x))


@given(st.data())
def test_conventions_differ_by_two_and_gains_match_energy_differences(
        data: st.DataObject) -> None:
    inputs = data.draw(landscape_inputs())
    x = data.draw(configurations(inputs))
    e = energy(inputs, x)
    assert e == 2 * energy(inputs, x, convention="unordered")
    flipped = np.tile(x, (inputs.n, 1))
    flipped[np.arange(inputs.n), np.arange(inputs.n)] ^= 1
    assert np.allclose(switch_gains(inputs, x), energy(inputs, flipped) - e)
    # a switch lowers the actor's own frustration exactly when it lowers the energy
    own = frustration(inputs, flipped)[np.arange(inputs.n), np.arange(inputs.n)]
    own_change = own - frustration(inputs, x)
    assert np.allclose(switch_gains(inputs, x), 2 * inputs.sizes * own_change)
