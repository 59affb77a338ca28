"""What the Correlates of War datasets share: their terms and the date-spell columns."""

from detente.sources._declare import Column

COW_TERMS = "Free for research use with citation (Correlates of War Project terms of use)."


def spell_columns(first: int, last: int) -> tuple[Column, ...]:
    """Start and end year, month and day of a spell (membership or major-power status)."""
    def required(name: str, lo: int, hi: int) -> Column:
        return Column(name, "INTEGER", nullable=False, min=lo, max=hi)

    return (
        required("styear", first, last), required("stmonth", 1, 12), required("stday", 1, 31),
        required("endyear", first, last), required("endmonth", 1, 12), required("endday", 1, 31),
    )
