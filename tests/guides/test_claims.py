"""How claims are tied to numbers, on a small made-up case (an edge-case fixture: no store,
no real data)."""

from __future__ import annotations

from typing import Any

import pytest

from detente.guides import Case, Claim, ClaimError, Computed, Figure, Number, fill, run_case


class NoStore:
    """Stands in for the store: the made-up case reads nothing."""

    def loaded(self) -> dict[str, str]:
        return {"mme": "7"}


def made_up_case(value: float, *claims: Claim) -> Case:
    figure = {"data": [{"type": "bar", "x": [2000], "y": [value]}],
              "layout": {"title": {"text": "Made up, 2000"}}}

    def compute(store: Any) -> Computed:
        return Computed({"n": Number(value, "made-up count", "exercises", ("mme",))},
                        (Figure("made-up", figure, "made up", ("mme",)),), (2,))

    return Case("made_up", "Made up", "observe", "seed.txt", "passage", "summary", compute,
                claims or (Claim("{n} exercises, more than one.", lambda v: v["n"] > 1),),
                (Claim("Nothing else."),))


def test_a_claim_is_filled_from_the_numbers_and_checked() -> None:
    result = run_case(NoStore(), made_up_case(3))  # type: ignore[arg-type]
    assert result.shows[0].plain(result.numbers) == "3 exercises, more than one."
    assert result.shows[0].holds is True and result.limits[0].holds is None
    assert result.check() is result and result.data_versions == {"mme": "7"}


def test_a_broken_claim_is_reported_not_printed_as_true() -> None:
    result = run_case(NoStore(), made_up_case(1))  # type: ignore[arg-type]
    assert result.shows[0].holds is False and result.failed == [result.shows[0]]
    with pytest.raises(ClaimError, match="1 exercises, more than one"):
        result.check()
    assert result.to_json()["shows"][0]["holds"] is False


def test_a_claim_may_only_quote_computed_numbers() -> None:
    with pytest.raises(ClaimError, match="did not compute: m"):
        fill(Claim("{m} states"), {"n": Number(1, "n", "states", ("mme",))})


def test_every_computed_number_is_quoted() -> None:
    with pytest.raises(ClaimError, match="no sentence quotes: n"):
        run_case(NoStore(), made_up_case(3, Claim("No number here.")))  # type: ignore[arg-type]


def test_numbers_format_and_names_stay_text() -> None:
    assert Number(107205.4, "x", "TIV", ("sipri_tiv",)).text() == "107,205"
    assert Number(0.3149, "x", "%", ("sipri_tiv",), ".1f").text() == "0.3"
    assert Number("Singapore", "x", "state", ("mme",)).text() == "Singapore"
