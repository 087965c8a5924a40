"""In-process render figures for scripts/bench.py: queries and render time of each URL.

Run with the benchmark's environment (production settings, its PostgreSQL database, the page cache
off); prints one JSON object: {url: {"queries": n, "median_ms": x, "p90_ms": y}}, and under
REFERENCE_KEY the median time of a fixed Python loop run between the rounds of renders.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from machine_speed import REFERENCE_KEY, reference_loop_ms  # noqa: E402

MAX_SECONDS = 240


def warm_and_count(client, url):
    """Warm Wagtail's caches, template loaders and the connection; then count one render's queries."""
    for _ in range(3):
        response = client.get(url, HTTP_HOST="127.0.0.1")
        if response.status_code != 200:
            return {"error": f"HTTP {response.status_code}"}
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="127.0.0.1")
    return {"queries": len(queries.captured_queries)}  # read now: later requests reset the query log


def summary(timings):
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[max(int(len(timings) * 0.9) - 1, 0)], 2),
        "renders": len(timings),
    }


def main():
    renders = int(sys.argv[1])
    urls = sys.argv[2:]
    client = Client()
    figures = {url: warm_and_count(client, url) for url in urls}
    measured = [url for url in urls if "error" not in figures[url]]
    timings = {url: [] for url in measured}
    reference = []
    # Round robin: each round renders every page once, so a moment when the machine is busy with
    # something else slows every page a little instead of one page a lot.
    deadline = time.monotonic() + MAX_SECONDS
    for _ in range(renders):
        for url in measured:
            started = time.perf_counter()
            client.get(url, HTTP_HOST="127.0.0.1")
            timings[url].append((time.perf_counter() - started) * 1000)
        reference.append(reference_loop_ms(250_000))  # how fast the machine was while these pages rendered
        if time.monotonic() > deadline:
            break
    for url in measured:
        figures[url].update(summary(timings[url]))
    figures[REFERENCE_KEY] = {"median_ms": round(statistics.median(reference), 1)} if reference else {}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
