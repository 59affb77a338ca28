"""User-entered engagements: validated CSV import, all or nothing, idempotent.

The template ``engagements_template.csv`` (shipped beside this module; ``detente engagements
template`` prints it) has the columns of :data:`TEMPLATE_COLUMNS`. Actors may be a COW code,
an ISO3 code, a state's name, or a registered actor id (``NATO``, ``NGO:MSF``). Every row is
checked before anything is written; the first bad cell does not hide the others.
"""

from __future__ import annotations

import csv
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from detente._errors import ActorError, ImportRejected, Violation
from detente.engagements._taxonomy import BY_ID

if TYPE_CHECKING:
    from detente.store._store import Store

TEMPLATE_COLUMNS = ("instrument", "actor1", "actor2", "start_date", "end_date", "year",
                    "magnitude", "unit", "source", "detail")


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def resolve_actor_id(store: Store, text: str, year: int | None) -> str:
    """Actor id for ``text``: a registered id or name, else a state (COW, ISO3, name).

    A state is resolved as of ``year``; past the end of COW membership (2016) as of its last
    year, the states alive then carrying on (as panels and measures treat later years).
    """
    from detente.actors import resolve_actor

    if year is not None:
        last = store.rows("SELECT max(year) FROM state_codes")[0][0]
        year = min(year, last) if last is not None else year

    found = store.rows("SELECT actor_id FROM actors WHERE actor_id = upper(?) AND kind <> "
                       "'state' OR lower(name) = lower(?) AND kind <> 'state'", [text, text])
    if len(found) == 1:
        return str(found[0][0])
    return str(resolve_actor(store, text, year=year).ccode)


def read_engagement_csv(lines: Iterable[str], file: str) -> list[dict[str, str]]:
    """The records of an engagements CSV (see the template); a missing required column is
    refused (:class:`ImportRejected`) before any row is read."""
    reader = csv.DictReader(lines)
    missing = [c for c in ("instrument", "actor1", "actor2") if c not in
               (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([Violation(file, 1, c, "column is missing") for c in missing])
    return list(reader)


def import_engagements(store: Store, path: str | Path) -> int:
    """Import engagements from a CSV (see the template); return how many rows were new.

    Checks: the instrument exists; both actors resolve (year-aware for states); dates are
    ISO ``YYYY-MM-DD`` and end does not precede start; ``year`` (or the start date's year)
    is given; magnitude is a non-negative number (default 1). A row identical to one
    already imported (same content hash) is skipped, so importing a file twice adds nothing.

    Raises
    ------
    ImportRejected
        Naming file, row and column of every problem; nothing is written.
    """
    store.require("user_engagements")
    path = Path(path)
    with path.open(newline="", encoding="utf-8-sig") as fh:
        records = read_engagement_csv(fh, str(path))
    return import_engagement_rows(store, records, file=str(path), name=path.name)


def import_engagement_rows(store: Store, records: Sequence[Mapping[str, object]], *,
                           file: str, name: str, first_row: int = 2) -> int:
    """Import engagement records (mappings with the template's columns); return how many
    were new. ``file`` names the input in error messages and in the stored rows, ``name``
    is the default source label (``user:<name>``) and ``first_row`` the row number of the
    first record (2 in a CSV, after its header). Same checks, all-or-nothing and
    idempotence as :func:`import_engagements`.
    """
    store.require("user_engagements")
    problems: list[Violation] = []
    rows: list[tuple[object, ...]] = []
    for line, raw in enumerate(records, start=first_row):
        rec = {k: ("" if v is None else str(v)).strip() for k, v in raw.items() if k}
        bad = len(problems)
        instrument = BY_ID.get(rec.get("instrument", ""))
        if instrument is None:
            problems.append(Violation(file, line, "instrument",
                                      f"unknown instrument; use one of {', '.join(BY_ID)}",
                                      rec.get("instrument")))
        start = end = None
        for col in ("start_date", "end_date"):
            try:
                value = _date(rec.get(col, ""))
            except ValueError:
                problems.append(Violation(file, line, col, "is not a date (YYYY-MM-DD)",
                                          rec.get(col)))
                value = None
            start, end = (value, end) if col == "start_date" else (start, value)
        if start and end and end < start:
            problems.append(Violation(file, line, "end_date", "is before start_date",
                                      rec.get("end_date")))
        year: int | None = None
        if rec.get("year"):
            try:
                year = int(rec["year"])
                if not 1000 <= year <= 3000:
                    raise ValueError
            except ValueError:
                problems.append(Violation(file, line, "year", "is not a year", rec["year"]))
                year = None
        elif start:
            year = start.year
        else:
            problems.append(Violation(file, line, "year", "give a year or a start_date"))
        try:
            magnitude = float(rec.get("magnitude") or 1)
            if not magnitude >= 0 or not math.isfinite(magnitude):
                raise ValueError
        except ValueError:
            problems.append(Violation(file, line, "magnitude",
                                      "must be a non-negative number", rec.get("magnitude")))
            magnitude = 0.0
        actors = []
        for col in ("actor1", "actor2"):
            try:
                actors.append(resolve_actor_id(store, rec.get(col, ""), year))
            except ActorError as exc:
                problems.append(Violation(file, line, col, str(exc), rec.get(col)))
        if len(actors) == 2 and actors[0] == actors[1]:
            problems.append(Violation(file, line, "actor2", "is the same actor as actor1"))
        if len(problems) > bad or instrument is None:
            continue
        a1, a2 = actors
        if instrument.direction == "mutual" and a2 < a1:
            a1, a2 = a2, a1
        unit = rec.get("unit") or instrument.user_unit
        key = "|".join(map(str, (instrument.id, a1, a2, start, end, year, magnitude, unit,
                                 rec.get("source", ""), rec.get("detail", ""))))
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        def code(a: str) -> int | None:
            return int(a) if a.isdigit() else None
        rows.append((f"user:{digest}", instrument.id, a1, a2, code(a1), code(a2),
                     instrument.direction == "directed", year, start, end, magnitude, unit,
                     "user:" + (rec.get("source") or name), "user_engagements", line,
                     None, rec.get("detail") or None, file))
    if problems:
        raise ImportRejected(problems)
    existing = {r[0] for r in store.rows("SELECT engagement_id FROM user_engagements")}
    new = list({r[0]: r for r in rows if r[0] not in existing}.values())
    if not new:
        return 0
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.executemany(
            "INSERT INTO user_engagements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, now())", new)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    return len(new)
