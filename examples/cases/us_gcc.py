"""The United States and the Gulf Cooperation Council states: training and arms deals.

Computes arms deliveries to the six GCC states by supplier (SIPRI TIV), US exercises with them
(MME v7, JME v3) and US forces stationed there (troopdata).

Run (see README.md here)::

    uv run python examples/cases/us_gcc.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("us_gcc"))
