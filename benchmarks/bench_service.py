"""Issue 5: the service under load, and the map page's first render in Chromium.

Two real servers on 127.0.0.1 read the same store (read-only): the production one, with the
response cache, and a baseline with the cache off (``--cache-mb 0``), both measured in this
run with the same workload. 50 concurrent clients (keep-alive connections from one asyncio
process) each send measure queries (``/api/v1/measures/cinc?year=Y``) and country profile
queries (``/api/v1/countries/C``) back to back, over 40 years and 40 states, for a bounded
number of requests. Latency is from sending a request to its last byte.

Target: p95 < 50 ms with 50 concurrent clients; map page first render < 2 s (from navigation
start to the map drawn with its data, in headless Chromium, server cache cold).
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks._harness import bench_store, report

CLIENTS = 50
REQUESTS_PER_CLIENT = 60
BASELINE_REQUESTS_PER_CLIENT = 6
YEARS = list(range(1975, 2015))
STATES = [2, 20, 200, 220, 255, 260, 290, 325, 365, 385, 600, 625, 630, 640, 651, 663, 666,
          670, 700, 710, 712, 731, 732, 740, 750, 770, 771, 800, 816, 820, 840, 850, 900,
          920, 475, 501, 560, 140, 100, 70]


KINDS = {
    "CINC for a year": [f"/api/v1/measures/cinc?year={y}" for y in YEARS],
    "soft power for a year": [f"/api/v1/measures/soft_power?year={y}" for y in YEARS],
    "country profile": [f"/api/v1/countries/{c}" for c in STATES],
    "engagement profile": [f"/api/v1/actors/{c}/engagements" for c in STATES],
}


def workload(seed: int = 5) -> list[str]:
    urls = [url for urls in KINDS.values() for url in urls]
    random.Random(seed).shuffle(urls)
    return urls


def alone(base: str, urls: list[str]) -> tuple[float, float]:
    """Median seconds of ``urls`` asked one at a time, the first time and a second time."""
    times: list[list[float]] = [[], []]
    for attempt in range(2):
        for url in urls:
            t0 = time.perf_counter()
            httpx.get(base + url, timeout=60).raise_for_status()
            times[attempt].append(time.perf_counter() - t0)
    return statistics.median(times[0]), statistics.median(times[1])


@contextmanager
def server(store: Path, *, cache_mb: int, warm: bool = True) -> Iterator[str]:
    """``detente serve --read-only`` on a free port, stopped on exit; ``warm=False`` turns
    off the start-up computation of the slow measures (``DETENTE_WARM=0``)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-c", "from detente.interfaces.cli import main; main()",
               "serve", "--store", str(store), "--port", str(port), "--read-only",
               "--cache-mb", str(cache_mb)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "DETENTE_WARM": "1" if warm else "0"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _client(host: str, port: int, urls: list[str], latencies: list[float]) -> None:
    """One keep-alive HTTP/1.1 connection sending ``urls`` one after another."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for url in urls:
            start = time.perf_counter()
            writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"{url}: HTTP {status}")
    finally:
        writer.close()


def load(base: str, per_client: int, *, seed: int = 11) -> tuple[list[float], float]:
    """Latencies of ``CLIENTS`` concurrent clients, and the wall time they took."""
    host, port = base.removeprefix("http://").split(":")
    pool = workload()
    rng = random.Random(seed)
    plans = [[rng.choice(pool) for _ in range(per_client)] for _ in range(CLIENTS)]
    latencies: list[float] = []

    async def run() -> None:
        await asyncio.gather(*(_client(host, int(port), plan, latencies) for plan in plans))

    start = time.perf_counter()
    asyncio.run(run())
    return latencies, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def first_render(base: str, path: str = "/map?year=1990",
                 drawn_when: str = "#map[data-year='1990']", visitors: int = 3
                 ) -> list[tuple[float, float]]:
    """For new visitors to ``path`` (fresh browser contexts: no HTTP or code cache; the first
    with the server's cache cold), once the browser itself is running: seconds from
    navigation start to ``drawn_when`` (the map drawn with its data), and to
    DOMContentLoaded (which waits for plotly.js's geo bundle, 1.4 MB, to be compiled and
    run)."""
    from playwright.sync_api import sync_playwright

    from detente.reports._export import CHROMIUM_ARGS, chromium_path

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True,
                                     args=CHROMIUM_ARGS)
        warm = browser.new_context()  # start the browser's own processes outside the timing
        warm.new_page().goto(f"{base}/static/detente.css")
        warm.close()
        for _ in range(visitors):
            context = browser.new_context(viewport={"width": 1300, "height": 900})
            page = context.new_page()
            page.goto(f"{base}{path}")
            page.wait_for_selector(drawn_when, timeout=60_000)
            drawn = page.evaluate("performance.now()") / 1000
            ready = page.evaluate("performance.timing.domContentLoadedEventEnd - "
                                  "performance.timing.navigationStart") / 1000
            times.append((drawn, ready))
            context.close()
        browser.close()
    return times


COUNTRY_PAGES = ["/country/IND", "/country/BRA", "/country/NGA"]


def first_visits(base: str, *, wait_warm: bool) -> list[float]:
    """Seconds for the first visit to each of :data:`COUNTRY_PAGES` (every one shows soft
    power and centrality over all years), after the server says its start-up measures are
    ready when ``wait_warm``."""
    deadline = time.monotonic() + 120
    while wait_warm and not httpx.get(f"{base}/api/v1/health", timeout=10).json()["warm"]:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not finish warming")
        time.sleep(0.2)
    times = []
    for url in COUNTRY_PAGES:
        t0 = time.perf_counter()
        httpx.get(base + url, timeout=60).raise_for_status()
        times.append(time.perf_counter() - t0)
    return times


def summary(latencies: list[float], wall: float) -> str:
    return (f"p50 {percentile(latencies, 50) * 1000:.1f} ms, p95 "
            f"{percentile(latencies, 95) * 1000:.1f} ms, p99 "
            f"{percentile(latencies, 99) * 1000:.1f} ms, max {max(latencies) * 1000:.0f} ms; "
            f"{len(latencies):,} requests in {wall:.1f} s ({len(latencies) / wall:,.0f}/s)")


def main() -> None:
    store = bench_store()
    path = Path(store.path)
    store.close()
    with server(path, cache_mb=64) as base:
        renders = first_render(base)
        soft_map = first_render(base, "/map?measure=soft_power&year=2005",
                                "#map[data-year='2005']", visitors=1)
        warmed = first_visits(base, wait_warm=True)
        for url in workload():  # warm: every query answered once
            httpx.get(base + url, timeout=60).raise_for_status()
        cached, cached_wall = load(base, REQUESTS_PER_CLIENT)
    with server(path, cache_mb=64, warm=False) as base:
        unwarmed = first_visits(base, wait_warm=False)
    with server(path, cache_mb=0) as base:
        kinds = {kind: alone(base, urls[:8]) for kind, urls in KINDS.items()}
        uncached, uncached_wall = load(base, BASELINE_REQUESTS_PER_CLIENT)
    p95 = percentile(cached, 95)
    report("service: measure and profile queries, 50 concurrent clients on 127.0.0.1", [
        ("detente (response cache)", summary(cached, cached_wall)),
        ("baseline: same server, cache off", summary(uncached, uncached_wall)),
        *[(f"  cache off, one at a time: {kind}", f"median {first * 1000:.0f} ms the first "
           f"time, {again * 1000:.0f} ms again (8 queries)") for kind, (first, again) in
          kinds.items()],
        ("ratio p95 baseline / detente", f"{percentile(uncached, 95) / p95:.0f}x"),
        ("target p95 < 50 ms", "met" if p95 < 0.050 else "MISSED"),
        ("map first render, 3 new visitors", ", ".join(f"{t:.2f} s" for t, _ in renders)),
        ("  of which until plotly.js has run", ", ".join(f"{r:.2f} s" for _, r in renders)),
        ("target first render < 2 s", "met" if max(t for t, _ in renders) < 2 else "MISSED"),
        ("map of soft power (cold), one visitor", f"{soft_map[0][0]:.2f} s (no target: the "
                                                  "target is for the default measure)"),
        ("country page, first visit (IND, BRA, NGA)", ", ".join(f"{t:.2f} s" for t in warmed)
         + " (measures computed at start-up)"),
        ("  baseline: server without warming", ", ".join(f"{t:.2f} s" for t in unwarmed)
         + f"; ratio on the first page {unwarmed[0] / warmed[0]:.1f}x"),
        ("machine", f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end "
                    "(shared with other work)"),
    ])


if __name__ == "__main__":
    main()
