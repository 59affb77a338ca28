"""Issues 6 and 8: typical coalition and bargaining requests over HTTP.

A real server on 127.0.0.1 (``detente serve --read-only --cache-mb 0``: the response cache
off, so every request computes) answers one request at a time; each request is timed from
sending to its last byte, cold (the first) and as the median of seven more. The baseline is
the same computation called in-process through the library in the same run, so the ratio is
what HTTP, validation and JSON cost on top of the model.

Target: a landscape for ~15 states, structural balance for one year and the EC example well
under a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from benchmarks._harness import Timing, bench_store, measure, report
from benchmarks.bench_service import server
from detente.models.bargaining import (
    BargainingSensitivity,
    ExpectedUtilityBargaining,
    Scenario,
    compare_scenarios,
    example_issue,
    pivotal_actors,
)
from detente.models.coalitions import (
    Landscape,
    StructuralBalance,
    build_inputs,
    furnas_inputs,
    signed_network,
)
from detente.store import Store

STATES = ["USA", "RUS", "CHN", "UKG", "FRN", "GMY", "JPN", "IND", "PAK", "IRN", "ISR", "SAU",
          "TUR", "EGY", "SYR"]
EXAMPLE = {"kind": "example"}
SCENARIOS = [{"name": "UK surge", "capability_factor": {"UK": 2}},
             {"name": "bloc", "coalitions": [["France", "Italy"]]}]

Case = tuple[str, str, dict[str, Any], Callable[[Store], object]]


def cases() -> list[Case]:
    """(label, path, body or query, the same computation through the library)."""
    return [
        ("landscape, 15 states of 2000", "POST coalitions/landscape",
         {"inputs": {"kind": "store", "year": 2000, "states": STATES}},
         lambda s: Landscape().run(build_inputs(s, 2000, STATES), seed=0)),
        ("landscape, Syria (Furnas)", "POST coalitions/landscape", {"inputs": {"kind": "furnas"}},
         lambda s: Landscape().run(furnas_inputs(s), seed=0)),
        ("balance 2000, all states (auto, 0.25 s)", "GET coalitions/balance", {"from": 2000},
         lambda s: StructuralBalance(starts=256, time_limit=0.25).run(signed_network(s, 2000),
                                                                     seed=0)),
        ("balance 2000, all states (heuristic)", "GET coalitions/balance",
         {"from": 2000, "method": "heuristic"},
         lambda s: StructuralBalance(method="heuristic", starts=256).run(
             signed_network(s, 2000), seed=0)),
        ("partners, USA vs RUS, Europe, 2000", "POST coalitions/partners",
         {"inputs": {"kind": "store", "year": 2000}, "lead": "USA", "members": ["UKG"],
          "rival": "RUS", "region": "europe"}, lambda s: build_inputs(s, 2000)),
        ("bargaining, EC example (all offers)", "POST bargaining/run", {"issue": EXAMPLE},
         lambda s: ExpectedUtilityBargaining().run(example_issue(s))),
        ("bargaining, EC example (no offers)", "POST bargaining/run",
         {"issue": EXAMPLE, "offers": "none"},
         lambda s: ExpectedUtilityBargaining().run(example_issue(s))),
        ("what-if, EC, 2 scenarios", "POST bargaining/whatif",
         {"issue": EXAMPLE, "scenarios": SCENARIOS},
         lambda s: compare_scenarios(example_issue(s), [
             Scenario("UK surge", capability_factor={"UK": 2}),
             Scenario("bloc", coalitions=(("France", "Italy"),))])),
        ("pivotal actors, EC", "POST bargaining/pivotal", {"issue": EXAMPLE},
         lambda s: pivotal_actors(example_issue(s))),
        ("sensitivity, EC, 50 draws", "POST bargaining/sensitivity",
         {"issue": EXAMPLE, "draws": 50, "seed": 1},
         lambda s: BargainingSensitivity(draws=50).run(example_issue(s), seed=1)),
    ]


def call(client: httpx.Client, base: str, route: str, payload: dict[str, Any]) -> None:
    method, path = route.split(" ")
    url = f"{base}/api/v1/{path}"
    response = (client.post(url, json=payload) if method == "POST"
                else client.get(url, params=payload))
    if response.status_code != 200:
        raise SystemExit(f"{route} answered {response.status_code}: {response.text[:300]}")


def main() -> None:
    store = bench_store()
    path = store.path
    rows: list[tuple[str, str]] = []
    with server(path, cache_mb=0) as base, httpx.Client(timeout=120) as client:
        for label, route, payload, library in cases():
            runs = 3 if "sensitivity" in label or "pivotal" in label else 7
            http: Timing = measure(label, lambda: call(client, base, route, payload), runs=runs)
            local = measure(label, lambda: library(store), runs=runs)
            rows.append((f"{label} [{route}]",
                         f"{http.median * 1000:7.0f} ms median, {http.first * 1000:6.0f} ms "
                         f"cold; library {local.median * 1000:6.0f} ms "
                         f"(x{http.median / local.median:.2f})"))
    store.close()
    report("model requests over HTTP, one at a time (response cache off)", rows)
    print(f"  measured {time.strftime('%Y-%m-%d %H:%M')}; partners' baseline is building the "
          "inputs only")


if __name__ == "__main__":
    main()
