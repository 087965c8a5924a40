"""In-process render figures for scripts/bench.py: queries and render time of each URL.

Run with the benchmark's environment (production settings, its PostgreSQL database, the page cache
off); prints one JSON object: {url: {"queries": n, "median_ms": x, "p90_ms": y, "cpu_ms": z}}, and
under REFERENCE_KEY the median time of a fixed Python loop run between the rounds of renders.
cpu_ms is the CPU time of a render in this process plus in its PostgreSQL backend: unlike the
wall-clock median it leaves out the time spent waiting for other programs on a busy machine.
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


def backend_cpu_seconds(pid):
    """CPU seconds used so far by the PostgreSQL backend process `pid` (same machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


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
    cpu_seconds = dict.fromkeys(measured, 0.0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    for _ in range(renders):
        for url in measured:
            started, cpu_started, backend_started = (
                time.perf_counter(),
                time.process_time(),
                backend_cpu_seconds(backend),
            )
            client.get(url, HTTP_HOST="127.0.0.1")
            timings[url].append((time.perf_counter() - started) * 1000)
            cpu_seconds[url] += time.process_time() - cpu_started + backend_cpu_seconds(backend) - backend_started
        reference.append(reference_loop_ms(250_000))  # how fast the machine was while these pages rendered
        if time.monotonic() > deadline:
            break
    for url in measured:
        figures[url].update(summary(timings[url]))
        figures[url]["cpu_ms"] = round(cpu_seconds[url] * 1000 / len(timings[url]), 2)
    figures[REFERENCE_KEY] = {"median_ms": round(statistics.median(reference), 1)} if reference else {}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
