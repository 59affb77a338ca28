"""The year-aware COW / Gleditsch-Ward / ISO3 crosswalk for every COW state-year.

Built in SQL from COW system membership and countrycode's country-year code list, with a
reviewed override table (``crosswalk_overrides.csv``, one reason per row) for the years
countrycode leaves blank: withdrawn ISO 3166-3 codes for dissolved states (CSK, DDR, YUG, SCG,
YMD) and Serbia's SRB under COW 345 from 2006. Pre-unification German and Italian states,
Austria-Hungary, Zanzibar and the Republic of Vietnam have no ISO code and keep a null.
"""

from __future__ import annotations

from importlib.resources import files

import pyarrow as pa
import pyarrow.csv as pacsv

OVERRIDES_FILE = "crosswalk_overrides.csv"


def load_overrides() -> pa.Table:
    """The reviewed ISO3 overrides: ccode, first_year, last_year, iso3, reason."""
    path = files("detente.actors").joinpath(OVERRIDES_FILE)
    with path.open("rb") as fh:
        return pacsv.read_csv(fh)


STATE_CODES_SQL = """
WITH members AS (
    SELECT s.ccode, s.year, s.stateabb, sp.statenme AS name
    FROM cow_system s
    LEFT JOIN cow_state_spells sp
      ON sp.ccode = s.ccode AND s.year BETWEEN sp.styear AND sp.endyear
),
panel AS (
    SELECT cown, year, any_value(iso3c) AS iso3c, any_value(gwn) AS gwn
    FROM country_code_years WHERE cown IS NOT NULL GROUP BY cown, year
)
SELECT m.ccode, m.year, m.stateabb, m.name,
       coalesce(o.iso3, p.iso3c) AS iso3,
       p.gwn AS gwcode
FROM members m
LEFT JOIN panel p ON p.cown = m.ccode AND p.year = m.year
LEFT JOIN crosswalk_overrides o
  ON o.ccode = m.ccode AND m.year BETWEEN o.first_year AND o.last_year
"""
"""One row per COW state-year: ccode, year, stateabb, name, iso3 (year-aware), gwcode."""
