"""The United States with Japan and South Korea in Asia.

Computes the exercise network of the three by year and its trilateral exercises (MME v7), the
defence pledges between them (ATOP 5.1) and their tie strength.

Run (see README.md here)::

    uv run python examples/cases/us_japan_korea.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("us_japan_korea"))
