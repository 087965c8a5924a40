"""Query budgets of the page owners' panel and reports for scripts/bench.py (`make bench`).

Run with the benchmark's environment (its PostgreSQL database, the demo content loaded). It grows the
site in place to 10 pages with 1,000 answers and then to 1,000 pages with 100,000 answers, all owned
by one editor, and counts the queries (and times one render) of "Mina sidor", the overdue-review and
broken-link reports, the comment list and a page's chart at each size. The site is left grown (the
benchmark drops its database afterwards). Prints a table and, as its last line, the figures as JSON.
"""

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Site  # noqa: E402

from editorial.my_pages import MyPagesPanel  # noqa: E402
from feedback.models import FeedbackResponse, FeedbackState  # noqa: E402
from home.models import ContentPage  # noqa: E402

SIZES = [(10, 1_000), (1_000, 100_000)]
BATCH = 5_000


def owner():
    user, created = get_user_model().objects.get_or_create(username="bench-owner", defaults={"is_superuser": True})
    if created:
        user.set_unusable_password()
        user.save()
    return user


def grow(user, pages, answers):
    """Adds bench pages and answers up to the given totals; every fifth page overdue, every tenth answer a
    new "Nej" comment."""
    home = Site.objects.get(is_default_site=True).root_page
    section = ContentPage.objects.filter(slug="bench-owners").first()
    if section is None:
        section = home.add_child(instance=ContentPage(title="Bench: ägda sidor", slug="bench-owners", owner=user))
    existing = ContentPage.objects.child_of(section).count()
    today = timezone.localdate()
    for number in range(existing, pages):
        due = today - dt.timedelta(days=3) if number % 5 == 0 else today + dt.timedelta(days=400)
        section.add_child(
            instance=ContentPage(title=f"Bench-sida {number}", slug=f"bench-{number}", owner=user, review_due=due)
        )
    page_ids = list(ContentPage.objects.child_of(section).values_list("pk", flat=True))
    have = FeedbackResponse.objects.filter(page_id__in=page_ids).count()
    now = timezone.now()
    rows = []
    for number in range(have, answers):
        comment = "Saknar uppgifter" if number % 10 == 0 else ""
        rows.append(
            FeedbackResponse(
                page_id=page_ids[number % len(page_ids)],
                helpful=number % 3 != 0 and not comment,
                comment=comment,
                state=FeedbackState.NEW,
                created_at=now - dt.timedelta(minutes=number % (60 * 24 * 200)),
            )
        )
        if len(rows) == BATCH:
            FeedbackResponse.objects.bulk_create(rows)
            rows = []
    FeedbackResponse.objects.bulk_create(rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as autovacuum would after such a load
            cursor.execute("ANALYZE")
    return page_ids


def measure(label, call):
    call()  # warm caches and the connection
    reset_queries()  # the query log keeps 9,000 at most; growing the site filled it
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        status = call()
    return {
        "view": label,
        "queries": len(queries.captured_queries),
        "ms": (time.perf_counter() - started) * 1000,
        "status": status,
    }


def figures(user, page_ids):
    client = Client()
    client.force_login(user)

    def get(url):
        def call():
            return client.get(url, HTTP_HOST="127.0.0.1").status_code

        return call

    def panel():
        MyPagesPanel(user).render_html({})
        return 200

    return [
        measure("Mina sidor (panel)", panel),
        measure("Försenade granskningar", get("/admin/reports/granskningar/")),
        measure("Kommentarer", get("/admin/reports/kommentarer/")),
        measure("Länkar till opublicerade sidor", get("/admin/reports/trasiga-lankar/")),
        measure("Utveckling över tid (en sida)", get(f"/admin/reports/aterkoppling/{page_ids[0]}/over-tid/")),
    ]


def main():
    user = owner()
    results = {}
    for pages, answers in SIZES:
        page_ids = grow(user, pages, answers)
        results[f"{pages}/{answers}"] = figures(user, page_ids)
    sizes = list(results)
    print(f"{'Owners: queries (ms)':34}" + "".join(f"{size + ' p/svar':>22}" for size in sizes) + "  flat")
    misses = []
    for index, row in enumerate(results[sizes[0]]):
        cells = [results[size][index] for size in sizes]
        counts = {cell["queries"] for cell in cells}
        flat = len(counts) == 1 and all(cell["status"] == 200 for cell in cells)
        print(
            f"{row['view'][:34]:34}"
            + "".join(f"{cell['queries']:>12} ({cell['ms']:>6.0f} ms)" for cell in cells)
            + ("  yes" if flat else "  NO")
        )
        if not flat:
            misses.append(row["view"])
    print(
        "Query budgets flat from 10 to 1,000 pages and 1,000 to 100,000 answers: "
        + ("all" if not misses else "MISSED " + ", ".join(misses))
    )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
