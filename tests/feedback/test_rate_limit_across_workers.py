"""Two app processes without Redis enforce one feedback limit: they count in their shared database.

Real gunicorn processes on loopback, each with its own local-memory cache (no REDIS_URL), on a
fresh database of the kind the suite runs on: a SQLite file in a temporary directory, or a new
PostgreSQL database on the test database's server. It needs no other service, so it never skips,
in CI's SQLite run or in its PostgreSQL run.
"""

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import free_port, prepare_site, server_env, shell, start_gunicorn, stop

LIMIT = 4
POSTS = 10


@contextmanager
def database_for_servers(workdir):
    """A database URL for the servers, on the same engine as the suite's test database."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{workdir / 'db.sqlite3'}"
        return
    import psycopg

    # The suite's own DATABASE_URL names the server; its maintenance database lets us create ours.
    server = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    admin_url = server._replace(path="/postgres").geturl()
    name = f"rate_limit_workers_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def two_workers():
    """Two single-worker gunicorn servers on one database; the feedback limit is LIMIT posts."""
    workdir = Path(tempfile.mkdtemp(prefix="rate-limit-workers-"))
    with database_for_servers(workdir) as database_url:
        env = server_env(workdir, database_url, FEEDBACK_RATE_LIMIT=str(LIMIT), FEEDBACK_RATE_WINDOW="600")
        assert "REDIS_URL" not in env
        prepare_site(env)
        servers = []
        try:
            for _ in range(2):
                servers.append((start_gunicorn(env, port := free_port(), workers=1), f"http://127.0.0.1:{port}"))
            yield env, [url for _, url in servers]
        finally:
            for process, _ in servers:
                stop(process)
    shutil.rmtree(workdir, ignore_errors=True)


def post_answer(url, page_id):
    """The widget's script answering "Ja" from a page of that server; returns (status, headers)."""
    request = urllib.request.Request(
        url + "/aterkoppling/",
        data=urllib.parse.urlencode({"page": page_id, "svar": "ja"}).encode(),
        headers={"Accept": "application/json", "Origin": url, "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read())


def test_posts_alternating_between_two_workers_are_limited_as_one(two_workers):
    env, (first, second) = two_workers
    page_id = int(shell(env, "from wagtail.models import Page; print(Page.objects.get(slug='covid-19').pk)"))
    count_answers = (
        f"from feedback.models import FeedbackResponse as R; print(R.objects.filter(page_id={page_id}).count())"
    )
    demo_answers = int(shell(env, count_answers))

    answers = [post_answer(first if number % 2 else second, page_id) for number in range(POSTS)]

    assert [status for status, _, _ in answers] == [200] * LIMIT + [429] * (POSTS - LIMIT)
    refused_headers, refused_body = answers[-1][1], answers[-1][2]
    assert 0 < int(refused_headers["Retry-After"]) <= 600
    assert "Vänta en stund" in refused_body["error"]
    assert int(shell(env, count_answers)) - demo_answers == LIMIT
    assert shell(env, "from core.models import RateLimitHit; print(RateLimitHit.objects.count())") == str(LIMIT)
