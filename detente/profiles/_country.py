"""A country profile: hard power, alliance and dispute activity, partners, major-power years."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from detente.actors import Actor, resolve_actor
from detente.measures import measure_table
from detente.panels import add_alliances, add_capabilities, add_disputes, add_major_powers
from detente.profiles._span import YearBounds, clip, member_years, state_panel
from detente.store import Store

_PARTNERS_SQL = """
WITH mine AS (
    SELECT ccode2 AS partner, year, atop_defense AS out_defense, atop_offense AS out_offense,
           atop_neutral AS out_neutral, atop_nonagg AS out_nonagg, atop_consul AS out_consul
    FROM atop_dyad_years WHERE ccode1 = $c AND year BETWEEN $lo AND $hi
), theirs AS (
    SELECT ccode1 AS partner, year, atop_defense AS in_defense
    FROM atop_dyad_years WHERE ccode2 = $c AND year BETWEEN $lo AND $hi
)
SELECT m.partner AS ccode, any_value(n.name) AS name, any_value(n.iso3) AS iso3,
       CAST(min(m.year) AS INTEGER) AS first_year, CAST(max(m.year) AS INTEGER) AS last_year,
       CAST(count(*) AS INTEGER) AS years,
       CAST(sum(m.out_defense) AS INTEGER) AS years_defending,
       CAST(sum(coalesce(t.in_defense, 0)) AS INTEGER) AS years_defended,
       CAST(sum(m.out_offense) AS INTEGER) AS years_offense,
       CAST(sum(m.out_neutral) AS INTEGER) AS years_neutrality,
       CAST(sum(m.out_nonagg) AS INTEGER) AS years_nonaggression,
       CAST(sum(m.out_consul) AS INTEGER) AS years_consultation
FROM mine m
LEFT JOIN theirs t ON t.partner = m.partner AND t.year = m.year
LEFT JOIN (SELECT ccode, arg_max(name, year) AS name, arg_max(iso3, year) AS iso3
           FROM state_codes GROUP BY ccode) n ON n.ccode = m.partner
GROUP BY m.partner
ORDER BY years DESC, years_defending DESC, ccode
"""

_DISPUTES_SQL = """
SELECT d.dispnum, CAST(min(d.year) AS INTEGER) AS first_year,
       CAST(max(d.year) AS INTEGER) AS last_year,
       CAST(max(d.hostlev1) AS INTEGER) AS own_hostlev, CAST(max(d.hostlev) AS INTEGER) AS hostlev,
       bool_or(d.orig1 = 1) AS originator,
       string_agg(DISTINCT coalesce(n.name, CAST(d.ccode2 AS VARCHAR)), '; ' ORDER BY
                  coalesce(n.name, CAST(d.ccode2 AS VARCHAR))) AS opponents,
       list(DISTINCT d.ccode2 ORDER BY d.ccode2) AS opponent_codes
FROM gml_mid_dyad_years d
LEFT JOIN (SELECT ccode, arg_max(name, year) AS name FROM state_codes GROUP BY ccode) n
  ON n.ccode = d.ccode2
WHERE d.ccode1 = $c AND d.year BETWEEN $lo AND $hi AND d.sidea1 IS DISTINCT FROM d.sidea2
GROUP BY d.dispnum
ORDER BY first_year DESC, d.dispnum DESC
"""

_MAJOR_SQL = """
SELECT styear AS first_year, endyear AS last_year FROM cow_major_spells
WHERE ccode = $c AND endyear >= $lo AND styear <= $hi ORDER BY styear
"""


@dataclass(frozen=True)
class CountryProfile:
    """One state over a span of years.

    ``years``: one row per year with NMC components and ``cinc``, its CINC ``rank`` of
    ``ranked`` states, the number of ATOP partners per obligation (``atop_defense_n``, ...),
    GML disputes (``gml_midonset``, ``gml_midongoing``, ``gml_hostlev``,
    ``gml_mid_partners``) and major-power status (``cowmaj``). ``partners``: ATOP alliance
    partners with the years and obligations shared, most years first. ``disputes``: GML MIDs
    the state took part in, with opponents and hostility. ``major_power``: COW major-power
    spells touching the span. ``data_versions``: source id to version for all of it.
    """

    actor: Actor
    span: tuple[int, int]
    years: pa.Table
    partners: pa.Table
    disputes: pa.Table
    major_power: pa.Table
    data_versions: dict[str, str]


def country_profile(store: Store, query: str | int, *,
                    years: YearBounds | None = None) -> CountryProfile:
    """Profile the state ``query`` names (COW code, ISO3, COW abbreviation or name).

    ``years`` (inclusive) defaults to every year the state is a COW member, extended past 2016
    to the end of NMC coverage for states alive in 2016. Raises ``ActorError`` for an
    unknown state and ``ProfileError`` when the state existed in none of ``years``.

    Example: ``country_profile(store, "IND", years=(2005, 2014)).years`` has 10 rows, and
    ``gml_midonset`` is null in 2011-2014: GML covers 1816-2010, so those years are unknown,
    not peaceful.
    """
    actor = resolve_actor(store, query)
    span_years = clip(member_years(store, actor.ccode), years, f"{actor.name} ({actor.ccode})")
    panel = (state_panel(store, actor.ccode, span_years)
             .pipe(add_capabilities).pipe(add_alliances).pipe(add_disputes)
             .pipe(add_major_powers))
    span = (int(span_years[0]), int(span_years[-1]))
    ranks = measure_table(store, "cinc", span, states=[actor.ccode]).select(  # noqa: F841
        ["year", "rank", "ranked"])  # (read by name in the query below, as state_rows)
    state_rows = panel.table  # noqa: F841 (read by name in the query below)
    joined = store.con.sql(
        "SELECT p.*, r.rank AS cinc_rank, r.ranked AS cinc_ranked FROM state_rows p "
        "LEFT JOIN ranks r USING (year) ORDER BY p.year").to_arrow_table()
    params = {"c": actor.ccode, "lo": span[0], "hi": span[1]}
    partners = store.con.sql(_PARTNERS_SQL, params=params).to_arrow_table()
    disputes = store.con.sql(_DISPUTES_SQL, params=params).to_arrow_table()
    major = store.con.sql(_MAJOR_SQL, params=params).to_arrow_table()
    versions = store.data_versions([*panel.tables, "cow_state_spells", "country_code_years"])
    return CountryProfile(actor, span, joined, partners, disputes, major, versions)
