"""The United States and South Korea: joint exercises with cultural exchange.

Computes exercises of the two by year (MME v7, JME v3), US active-duty personnel in South
Korea (troopdata) and the US share of South Korea's arms imports (SIPRI TIV). Cultural
exchange is in no open source: detente/guides/user_entered/made_up_us_korea_exchanges.csv
shows how to enter it (made-up rows).

Run (see README.md here)::

    uv run python examples/cases/us_south_korea.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("us_south_korea"))
