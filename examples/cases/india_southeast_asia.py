"""India's military diplomacy in Southeast Asia.

Computes India's exercise partners among the eleven Southeast Asian states by decade (MME v7,
JME v3) and the region's arms suppliers by decade with India's share (SIPRI TIV). Defence
dialogues are in no open source:
detente/guides/user_entered/made_up_india_defence_dialogues.csv shows how to enter them
(made-up rows).

Run (see README.md here)::

    uv run python examples/cases/india_southeast_asia.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("india_southeast_asia"))
