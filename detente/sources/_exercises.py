"""Columns shared by the two exercise datasets (MME and JME): dates, flags, participants."""

from string import ascii_uppercase

from detente.sources._declare import Column


def letters(n: int) -> list[str]:
    """Spreadsheet column letters: A ... Z, AA, AB, ... (the suffixes of the State columns)."""
    out = list(ascii_uppercase)
    out += [a + b for a in ascii_uppercase for b in ascii_uppercase]
    return out[:n]


def participants(raw_prefix: str, n: int) -> tuple[Column, ...]:
    """``state_a`` ... participant-name columns; ``-9`` (unknown participant) becomes null."""
    return tuple(
        Column(f"state_{s.lower()}", "VARCHAR", raw=f"{raw_prefix}{s}", missing=("-9",),
               description="Participant name (mapped by detente/actors/name_map.csv).")
        for s in letters(n)
    )


def dates(last_year: int, *, day_max: int | None = 31) -> tuple[Column, ...]:
    """Start and end year, month, day; 'xx' (unknown day) and -9 become null.

    ``day_max=None`` leaves days unchecked for a file with known typing slips (JME); dates
    are then built with ``try(make_date(...))`` and an impossible day gives no date.
    """
    unknown = ("xx", "xxxx", "-9", -9)
    return (
        Column("s_year", "INTEGER", raw="s.year", min=1974, max=last_year, missing=unknown),
        Column("s_month", "INTEGER", raw="s.month", min=1, max=12, missing=unknown),
        Column("s_day", "INTEGER", raw="s.day", min=1, max=day_max, missing=unknown),
        Column("e_year", "INTEGER", raw="e.year", min=1974, max=last_year + 1, missing=unknown),
        Column("e_month", "INTEGER", raw="e.month", min=1, max=12, missing=unknown),
        Column("e_day", "INTEGER", raw="e.day", min=1, max=day_max, missing=unknown),
    )
