"""Sweden and Canada in peacekeeping.

Computes the UN uniformed personnel of Sweden and Canada against five European peers, in
people and per million inhabitants (UN DPO, complete years; COW NMC 7.0 population), and their
peacekeeping exercises (MME v7).

Run (see README.md here)::

    uv run python examples/cases/sweden_canada_peacekeeping.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("sweden_canada_peacekeeping"))
