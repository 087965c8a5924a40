"""In-process figures for scripts/bench_scale.py: each URL's median time and queries, exports' memory.

Run with the benchmark's environment (production settings, its PostgreSQL database, the page cache
off). Prints one JSON object: the site's size under "size", and per URL "median_ms", "cpu_ms" (the
median CPU time of this process plus that of its PostgreSQL backend, read from /proc when the database
runs on this machine; a busy machine's waits are left out), "queries", and for exports also
"first_byte_ms", "peak_mb" (Python's allocations while the file is produced, tracemalloc) and "bytes";
under "deletes", deleting the page with most answers and purging old registrations, each timed inside
a transaction that is rolled back. BENCH_SCALE_PUBLIC_ONLY measures only the public pages,
BENCH_SCALE_ADMIN_ONLY only the admin's reports and lists.
"""

import datetime as dt
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from events.models import EventIndexPage  # noqa: E402
from events.models.index import PER_PAGE, event_ids  # noqa: E402
from feedback.models import FeedbackResponse  # noqa: E402
from knowledge.models import KnowledgeIndexPage, KnowledgePage  # noqa: E402
from registrations.models import Registration  # noqa: E402

HOST = "127.0.0.1"
EXPORT_RUNS = 3


def public_urls():
    events = EventIndexPage.objects.first()
    knowledge = KnowledgeIndexPage.objects.first()
    last_page = -(-KnowledgePage.objects.live().child_of(knowledge).count() // (knowledge.per_page or 10))
    archive_pages = -(-event_ids(events, archive=True).count() // PER_PAGE)
    return [
        ("Startsida", "/"),
        ("Presidiekonferens (seed 000)", "/kurser-och-konferenser/fullmaktiges-presidiekonferens-goteborg/"),
        ("Kunskapssida (seed 002)", "/kunskap/ledning-styrning-och-organisation-for-att-digitalisera/"),
        ("Kurser och konferenser", events.url),
        ("Arkivet", events.url + "?arkiv=1"),
        ("Arkivet, sista sidan", f"{events.url}?arkiv=1&sida={max(archive_pages, 1)}"),
        ("Kalender (.ics)", events.feed_url),
        ("Kunskap", knowledge.url),
        ("Kunskap, sista sidan", f"{knowledge.url}?sida={max(last_page, 1)}"),
        ("Kunskap RSS", knowledge.feed_url),
        ("sitemap.xml", "/sitemap.xml"),
        ("sitemap-sidor.xml (sektion 1)", "/sitemap-sidor.xml"),
        ("sitemap-sidor.xml?p=2", "/sitemap-sidor.xml?p=2"),
        ("Sök: vanligt ord", "/sok/?q=kommunen"),
        ("Sök: ovanligt ord", "/sok/?q=presidiekonferens"),
    ]


# Search results are a fragment cached per generation: these rows empty that cache before each request.
UNCACHED_SEARCHES = [
    ("Sök: vanligt ord, ej cachat", "/sok/?q=kommunen"),
    ("Sök: ovanligt ord, ej cachat", "/sok/?q=presidiekonferens"),
]


def admin_urls():
    today = timezone.localdate()
    busiest = (
        FeedbackResponse.objects.values("page").annotate(n=Count("pk")).order_by("-n").values_list("page", flat=True)
    ).first()
    event = Registration.objects.values_list("event", flat=True).order_by("-event").first()
    period = f"?period_from={today - dt.timedelta(days=90)}&period_to={today}"
    report = reverse("feedback_report")
    registrations = reverse("registrations_admin:index")
    urls = [
        ("Admin: startsida", reverse("wagtailadmin_home")),
        ("Återkoppling", report),
        ("Återkoppling, 90 dagar", report + period),
        ("Anmälningar", registrations),
        ("Anmälningar per evenemang", reverse("registrations_summary")),
        ("Kommentarer", reverse("feedback_comments")),
    ]
    if busiest:
        urls.append(("Återkoppling, en sida", reverse("feedback_page_report", args=[busiest])))
    if event:
        urls.append(("Anmälningar, ett evenemang", f"{registrations}?event={event}"))
    return urls


def export_urls():
    return [
        ("Export: anmälningar CSV", reverse("registrations_admin:index") + "?export=csv"),
        ("Export: anmälningar XLSX, i kö", reverse("registrations_admin:index") + "?export=xlsx"),
        ("Export: återkoppling CSV", reverse("feedback_report") + "?export=csv"),
    ]


def backend_cpu():
    """(process id, CPU ms so far) of this connection's PostgreSQL backend (Linux schedstat), or None when
    there is no open connection or the database runs elsewhere: a request's SQL is part of its cost."""
    if connection.connection is None:
        return None
    pid = connection.connection.info.backend_pid  # psycopg's, without a query that would be counted
    try:
        return pid, int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e6
    except (OSError, ValueError, IndexError):
        return None


def timed_get(client, url):
    """The response, its wall-clock ms and its CPU ms (Python's and its backend's; None when unknown)."""
    connection.ensure_connection()
    backend = backend_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(url, HTTP_HOST=HOST)
    elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    after = backend_cpu()
    if backend is None and after is None:  # the database runs elsewhere: Python's CPU alone
        return response, elapsed, cpu
    if backend is None or after is None or after[0] != backend[0]:
        # Django closed or reopened the connection around the request (CONN_MAX_AGE): the backend that
        # served it is not the one read before, so its share is unknown and the sample is left out.
        return response, elapsed, None
    return response, elapsed, cpu + after[1] - backend[1]


def measure_page(client, url, requests, before=lambda: None):
    response, _ms, _cpu = timed_get(client, url)
    if response.status_code != 200:
        return {"error": f"HTTP {response.status_code}"}
    before()
    with CaptureQueriesContext(connection) as queries:
        timed_get(client, url)
    count = len(queries.captured_queries)  # read now: the next request empties the query log
    timings, cpu = [], []
    for _ in range(requests):
        before()
        _response, ms, cpu_ms = timed_get(client, url)
        timings.append(ms)
        if cpu_ms is not None:
            cpu.append(cpu_ms)
    figures = {"median_ms": round(statistics.median(timings), 1), "queries": count}
    if cpu:
        figures["cpu_ms"] = round(statistics.median(cpu), 1)
    return figures


def consume(client, url):
    """Time to the first byte and to the last, and the size, of a (streaming) download."""
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST=HOST)
    # 302: an XLSX file of many rows, which the worker writes; the editor's answer is the page that waits.
    if response.status_code not in (200, 302):
        return None
    first_byte = None
    size = 0
    chunks = response.streaming_content if response.streaming else [response.content]
    for chunk in chunks:
        if first_byte is None:
            first_byte = (time.perf_counter() - started) * 1000
        size += len(chunk)
    return first_byte, (time.perf_counter() - started) * 1000, size


def measure_export(client, url):
    with CaptureQueriesContext(connection) as queries:
        result = consume(client, url)
    if result is None:
        return {"error": "HTTP error"}
    count = len(queries.captured_queries)
    runs = [consume(client, url) for _ in range(EXPORT_RUNS - 1)] + [result]
    tracemalloc.start()
    consume(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "median_ms": round(statistics.median(run[1] for run in runs), 1),
        "first_byte_ms": round(statistics.median(run[0] for run in runs), 1),
        "queries": count,
        "peak_mb": round(peak / 2**20, 1),
        "bytes": result[2],
    }


def timed_rollback(action):
    """Seconds and queries an action takes, inside a transaction that is then rolled back."""
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        action()
        elapsed = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return {"median_ms": round(elapsed, 1), "queries": len(queries.captured_queries)}


def measure_deletes(editor):
    from django.core.management import call_command

    figures = {}
    busiest = FeedbackResponse.objects.values("page").annotate(n=Count("pk")).order_by("-n").first()
    if busiest:
        page = Page.objects.get(pk=busiest["page"]).specific
        figures[f"Ta bort en sida med {busiest['n']} svar"] = timed_rollback(page.delete)
        # As an editor does it: Wagtail's delete view (POST), with its signals and log entries.
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        figures[f"Ta bort sidan i admin ({busiest['n']} svar)"] = timed_rollback(
            lambda: editor.post(url, HTTP_HOST=HOST)
        )
    expired = Registration.objects.expired(days=0).count()
    with open(os.devnull, "w") as quiet:
        figures[f"purge_registrations ({expired} anmälningar)"] = timed_rollback(
            lambda: call_command("purge_registrations", "--days", "0", stdout=quiet)
        )
    return figures


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    user, _created = get_user_model().objects.get_or_create(
        username="bench-scale", defaults={"is_superuser": True, "is_staff": True}
    )
    visitor, editor = Client(), Client()
    editor.force_login(user)
    figures = {
        "size": {
            "pages": Page.objects.count(),
            "answers": FeedbackResponse.objects.count(),
            "registrations": Registration.objects.count(),
        },
        "pages": {},
        "exports": {},
    }
    if os.environ.get("BENCH_SCALE_ADMIN_ONLY"):
        for label, url in admin_urls():
            figures["pages"][label] = measure_page(editor, url, requests)
        print(json.dumps(figures))
        return
    for label, url in public_urls():
        figures["pages"][label] = measure_page(visitor, url, requests)

    def forget_searches():
        # Emptying the fragments empties the menu and footer too: a search page without a query
        # stores those again, so only the search itself is measured uncached.
        caches["template_fragments"].clear()
        visitor.get("/sok/", HTTP_HOST=HOST)

    for label, url in UNCACHED_SEARCHES:
        figures["pages"][label] = measure_page(visitor, url, requests, before=forget_searches)
    if os.environ.get("BENCH_SCALE_PUBLIC_ONLY"):
        print(json.dumps(figures))
        return
    for label, url in admin_urls():
        figures["pages"][label] = measure_page(editor, url, requests)
    for label, url in export_urls():
        figures["exports"][label] = measure_export(editor, url)
    figures["deletes"] = measure_deletes(editor)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
