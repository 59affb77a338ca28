"""Japan's Self-Defense Forces in humanitarian missions.

Computes Japan's uniformed personnel in UN peace operations by mission (UN DPO, complete years
only) and its multinational exercises by purpose (MME v7). Disaster relief is in no open
source: detente/guides/user_entered/made_up_japan_disaster_relief.csv shows how to enter it
(made-up rows).

Run (see README.md here)::

    uv run python examples/cases/japan_sdf.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("japan_sdf"))
