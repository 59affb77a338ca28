"""The THAAD deployment in South Korea (2016-2017).

Computes US personnel and military construction in South Korea (troopdata), US arms deliveries
(SIPRI TIV) and South Korea's distance from China and the United States in UN votes (ideal
points) before and during the deployment, and says what these data cannot show.

Run (see README.md here)::

    uv run python examples/cases/thaad_korea.py --out artifacts/cases
"""

from detente.guides import script_main

if __name__ == "__main__":
    raise SystemExit(script_main("thaad_korea"))
