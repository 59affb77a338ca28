"""NATO in Europe.

Computes NATO membership by year and the similarity of alliance portfolios (Cohen's kappa on
ATOP 5.1) between members and between members and other European states, and US forces in
Poland and the Baltic states (troopdata).

Run (see README.md here)::

    uv run python examples/cases/nato_europe.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("nato_europe"))
