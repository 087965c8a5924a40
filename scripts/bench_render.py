"""In-process render figures for scripts/bench.py: queries and render time of each URL.

Run with the benchmark's environment (production settings, its PostgreSQL database, the page cache
off); prints one JSON object: {url: {"queries": n, "median_ms": x, "p90_ms": y}}.
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

MAX_SECONDS_PER_URL = 20


def measure(client, url, renders):
    for _ in range(3):  # warm Wagtail's caches, template loaders and the connection
        response = client.get(url, HTTP_HOST="127.0.0.1")
        if response.status_code != 200:
            return {"error": f"HTTP {response.status_code}"}
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="127.0.0.1")
    query_count = len(queries.captured_queries)  # now: later requests reset the query log
    timings = []
    deadline = time.monotonic() + MAX_SECONDS_PER_URL
    for _ in range(renders):
        started = time.perf_counter()
        client.get(url, HTTP_HOST="127.0.0.1")
        timings.append((time.perf_counter() - started) * 1000)
        if time.monotonic() > deadline:
            break
    timings.sort()
    return {
        "queries": query_count,
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[int(len(timings) * 0.9) - 1], 2),
        "renders": len(timings),
    }


def main():
    renders = int(sys.argv[1])
    urls = sys.argv[2:]
    client = Client()
    print(json.dumps({url: measure(client, url, renders) for url in urls}))


if __name__ == "__main__":
    main()
