"""Column lists shared by the two dyadic MID datasets (MID 5.0 and GML 2.2.1)."""

from detente.sources._declare import Column

_CC = dict(dtype="INTEGER", nullable=False, min=1, max=999)


def dyad_year_columns(prefix: str, last_year: int, month_missing: tuple[int, ...] = (-9,)
                      ) -> tuple[Column, ...]:
    """The directed dyad-year columns; ``prefix`` is ``cow`` or ``gml`` (``cowmidonset``)."""
    flag = dict(dtype="INTEGER", nullable=False, values=(0, 1))
    per_side = []
    for side in ("1", "2"):
        per_side += [
            Column(f"sidea{side}", "INTEGER", values=(0, 1)),
            Column(f"fatality{side}", "INTEGER", min=0, max=6, missing=(-9,)),
            Column(f"fatalpre{side}", "INTEGER", min=0, missing=(-9,)),
            Column(f"hiact{side}", "INTEGER", min=0, max=23, missing=(-9,)),
            Column(f"hostlev{side}", "INTEGER", min=1, max=5, missing=(-9,)),
            Column(f"orig{side}", "INTEGER", values=(0, 1), missing=(-9,)),
        ]
    return (
        Column("dispnum", "INTEGER", nullable=False),
        Column("ccode1", **_CC),
        Column("ccode2", **_CC),
        Column("year", "INTEGER", nullable=False, min=1816, max=last_year),
        Column(f"{prefix}midonset", **flag),
        Column(f"{prefix}midongoing", **flag),
        *per_side,
        Column("fatality", "INTEGER", min=0, max=6, missing=(-9,)),
        Column("hostlev", "INTEGER", min=1, max=5, missing=(-9,)),
        Column("recip", "INTEGER", values=(0, 1), missing=(-9,)),
        Column("mindur", "INTEGER", min=0, missing=(-9,)),
        Column("maxdur", "INTEGER", min=0, missing=(-9,)),
        Column("stmon", "INTEGER", min=1, max=12, missing=month_missing),
    )


def dispute_columns(last_year: int, month_missing: tuple[int, ...] = (-9,)) -> tuple[Column, ...]:
    return (
        Column("dispnum", "INTEGER", nullable=False),
        Column("styear", "INTEGER", nullable=False, min=1816, max=last_year),
        Column("stmon", "INTEGER", min=1, max=12, missing=month_missing),
        Column("outcome", "INTEGER", min=0, max=9, missing=(-9,)),
        Column("settle", "INTEGER", min=0, max=9, missing=(-9,)),
        Column("fatality", "INTEGER", min=0, max=6, missing=(-9,)),
        Column("mindur", "INTEGER", min=0, missing=(-9,)),
        Column("maxdur", "INTEGER", min=0, missing=(-9,)),
        Column("hiact", "INTEGER", min=0, max=23, missing=(-9,)),
        Column("hostlev", "INTEGER", min=1, max=5, missing=(-9,)),
        Column("recip", "INTEGER", values=(0, 1), missing=(-9,)),
    )


MISSING = (
    "-9 (unknown) in fatality, fatalpre, outcome, settle and the other dispute variables "
    "becomes null. A dyad-year absent from the file, inside the coverage years, had no dispute."
)
