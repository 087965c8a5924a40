"""SQLite, the embedded default, as a real database: 50 visitors signing up at once, and feedback
beside them, queue for the writer instead of failing with "database is locked".

Real processes, as in production: gunicorn with several workers and threads on a SQLite file,
prepared like a release. Each visitor comes through the documented proxy (X-Forwarded-For with
TRUSTED_PROXY_COUNT=1), so the rate limits tell them apart.
"""

import http.cookiejar
import json
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from tests.servers import free_port, prepare_site, server_env, shell, start_gunicorn, stop

VISITORS = 50
SEATS = 10
FEEDBACK = 20

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="a specification of the SQLite settings; it runs with the suite on SQLite",
)


@pytest.fixture(scope="module")
def server():
    workdir = Path(tempfile.mkdtemp(prefix="sqlite-load-"))
    env = server_env(
        workdir,
        f"sqlite:///{workdir / 'db.sqlite3'}",
        TRUSTED_PROXY_COUNT="1",
        GUNICORN_THREADS="4",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    prepare_site(env)
    ids = json.loads(
        shell(
            env,
            "import datetime as dt, json; from django.utils import timezone; from wagtail.models import Page; "
            "from events.models import ConferencePage, EventIndexPage; "
            "page = ConferencePage(title='Konferens för lasttest', slug='lasttest', onsite_registration=True, "
            f"seat_limit={SEATS}, waitlist_enabled=True, start=timezone.now() + dt.timedelta(days=30)); "
            "EventIndexPage.objects.first().add_child(instance=page); page.save_revision().publish(); "
            "print(json.dumps({'event': page.pk, 'page': Page.objects.get(slug='om-oss').pk}))",
        )
    )
    port = free_port()
    process = start_gunicorn(env, port, workers=4)
    yield {"env": env, "url": f"http://127.0.0.1:{port}", **ids}
    stop(process)
    shutil.rmtree(workdir, ignore_errors=True)


def visit(opener, request):
    """(status, body) of a request, whatever the status."""
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sign_up(server, number):
    """A visitor opens the form and sends it, through the proxy; returns (status, outcome heading)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    headers = {"X-Forwarded-For": f"198.51.100.{number}"}
    url = f"{server['url']}/anmalan/{server['event']}/"
    status, html = visit(opener, urllib.request.Request(url, headers=headers))
    if status != 200:
        return status, html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = {"csrfmiddlewaretoken": token, "name": f"Person {number}", "email": f"p{number}@kommun.se", "consent": "on"}
    status, html = visit(opener, urllib.request.Request(url, urllib.parse.urlencode(data).encode(), headers))
    heading = re.search(r'<h2 id="registration-answer-heading">(.*?)</h2>', html, re.S)
    return status, heading.group(1).strip() if heading else html


def answer(server, number):
    """A visitor answers the feedback question on Om oss; returns the status."""
    request = urllib.request.Request(
        f"{server['url']}/aterkoppling/",
        urllib.parse.urlencode({"page": server["page"], "svar": "ja"}).encode(),
        {"X-Forwarded-For": f"203.0.113.{number}", "Origin": server["url"], "Accept": "application/json"},
    )
    return visit(urllib.request.build_opener(), request)[0]


def test_fifty_sign_ups_at_once_queue_on_sqlite_with_no_500_and_no_overbooking(server):
    with ThreadPoolExecutor(max_workers=VISITORS + FEEDBACK) as pool:
        sign_ups = [pool.submit(sign_up, server, number) for number in range(VISITORS)]
        answers = [pool.submit(answer, server, number) for number in range(FEEDBACK)]
        sign_ups = [future.result() for future in sign_ups]
        answers = [future.result() for future in answers]

    assert [status for status, _ in sign_ups] == [200] * VISITORS, sign_ups
    outcomes = [heading for _, heading in sign_ups]
    assert outcomes.count("Du är anmäld") == SEATS
    assert outcomes.count("Du står på reservlistan") == VISITORS - SEATS
    assert answers == [200] * FEEDBACK
    stored = json.loads(
        shell(
            server["env"],
            "import json; from registrations.models import Registration as R; from feedback.models import "
            f"FeedbackResponse as F; rows = R.objects.filter(event_id={server['event']}); "
            "print(json.dumps([rows.confirmed().count(), rows.waitlisted().count(), "
            f"F.objects.filter(page_id={server['page']}).count()]))",
        )
    )
    assert stored[:2] == [SEATS, VISITORS - SEATS]
    assert stored[2] >= FEEDBACK  # the demo content has answers of its own
