"""Two app servers sharing PostgreSQL and Redis: fresh pages on both, and no feedback lost.

Real processes on loopback: a fresh PostgreSQL database, a Redis database of its own, and two
gunicorn servers with production settings. CI runs it; elsewhere it skips when PostgreSQL or
Redis cannot be reached.
"""

import json
import os
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers import free_port, manage, prepare_site, server_env, start_gunicorn, stop

ADMIN_DATABASE_URL = os.environ.get("SCALE_OUT_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/13")
SUBMISSIONS = 1000


def _services_or_skip():
    import psycopg
    import redis

    try:
        psycopg.connect(ADMIN_DATABASE_URL, connect_timeout=3).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL and Redis are required in CI: {error}")
        pytest.skip(f"needs PostgreSQL ({ADMIN_DATABASE_URL}) and Redis ({REDIS_URL}): {error}")


@pytest.fixture(scope="module")
def cluster():
    _services_or_skip()
    import psycopg
    import redis

    name = f"scaleout_{os.getpid()}"
    with psycopg.connect(ADMIN_DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    database_url = urllib.parse.urlsplit(ADMIN_DATABASE_URL)._replace(path=f"/{name}").geturl()
    workdir = Path(tempfile.mkdtemp(prefix="scale-out-"))
    # Each "server" is a separate machine in production; here they share only the database and Redis.
    env = server_env(workdir, database_url, REDIS_URL=REDIS_URL, FEEDBACK_RATE_LIMIT="100000")
    prepare_site(env)
    ports = [free_port(), free_port()]
    servers = [start_gunicorn(env, port) for port in ports]
    yield {"env": env, "urls": [f"http://127.0.0.1:{port}" for port in ports], "servers": servers}
    for server in servers:
        stop(server)
    redis.Redis.from_url(REDIS_URL).flushdb()
    with psycopg.connect(ADMIN_DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(workdir, ignore_errors=True)


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def _shell(env, code):
    """Run code in the site's shell and return its last line of output (the shell prints a banner)."""
    lines = manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()
    return lines[-1] if lines else ""


def test_a_page_published_through_one_server_is_fresh_on_both(cluster):
    first, second = cluster["urls"]
    assert "<h1>Om oss</h1>" in _get(first + "/om-oss/")
    assert "<h1>Om oss</h1>" in _get(second + "/om-oss/")  # both have it cached now
    _shell(
        cluster["env"],
        "from home.models import ContentPage; p = ContentPage.objects.get(slug='om-oss'); "
        "p.title = 'Om föreningen'; p.save_revision().publish()",
    )
    # Each server reads the generation at most a second after it last did: that is the bound.
    time.sleep(1.1)
    assert "<h1>Om föreningen</h1>" in _get(first + "/om-oss/")
    assert "<h1>Om föreningen</h1>" in _get(second + "/om-oss/")


def _page_id(env, slug):
    return int(_shell(env, f"from wagtail.models import Page; print(Page.objects.get(slug='{slug}').pk)"))


def _submit(url, page_id, helpful):
    data = urllib.parse.urlencode({"page": page_id, "svar": "ja" if helpful else "nej"}).encode()
    request = urllib.request.Request(
        url + "/aterkoppling/",
        data=data,
        headers={"Accept": "application/json", "Origin": url, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read())["token"]


def test_concurrent_feedback_across_both_servers_with_one_stopped_midway(cluster):
    env = cluster["env"]
    first, second = cluster["urls"]
    page_id = _page_id(env, "covid-19")
    acknowledged, unclear = [], []
    lock = threading.Lock()
    started = time.monotonic()

    def send(number):
        target = first if number % 2 else second
        try:
            token = _submit(target, page_id, number % 3 == 0)
        except urllib.error.URLError as error:
            if isinstance(error.reason, ConnectionRefusedError) and target == second:
                # The server is gone and never saw the request: the load balancer retries elsewhere.
                token = _submit(first, page_id, number % 3 == 0)
            else:
                with lock:
                    unclear.append(number)
                return
        except (ConnectionError, TimeoutError, OSError):
            with lock:
                unclear.append(number)
            return
        with lock:
            acknowledged.append(token)

    def stop_second_server_midway():
        while len(acknowledged) < SUBMISSIONS // 3 and time.monotonic() - started < 60:
            time.sleep(0.01)
        stop(cluster["servers"][1])

    stopper = threading.Thread(target=stop_second_server_midway)
    stopper.start()
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(send, range(SUBMISSIONS)))
    stopper.join()

    stored = json.loads(
        _shell(
            env,
            "import json; from feedback.models import FeedbackResponse as R; "
            f"print(json.dumps(list(R.objects.filter(page_id={page_id}).values_list('token', flat=True))))",
        )
    )
    elapsed = time.monotonic() - started
    print(
        f"\nScale-out: {len(acknowledged)} acknowledged, {len(unclear)} unacknowledged, "
        f"{len(stored)} stored, in {elapsed:.1f} s across 2 servers (one stopped midway)."
    )
    assert len(acknowledged) + len(unclear) == SUBMISSIONS
    assert len(acknowledged) >= SUBMISSIONS * 0.95
    assert len(set(stored)) == len(stored), "a submission was stored twice"
    assert set(acknowledged) <= set(stored), "an acknowledged submission was lost"
    assert len(stored) <= SUBMISSIONS
