"""`make run` ends with scripts/run_dev.sh: the development server and a worker together, so a newcomer
sees e-mail sent; Ctrl-C (SIGINT to the terminal's process group) stops both."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.servers import ROOT, free_port, manage


def wait_until(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.3)


def answers(url):
    try:
        urllib.request.urlopen(url, timeout=2)
        return True
    except OSError:
        return False


def jobs_run(database):
    try:
        with sqlite3.connect(database) as connection:
            return connection.execute(
                "SELECT count(*) FROM core_periodicjob WHERE last_outcome = 'succeeded'"
            ).fetchone()[0]
    except sqlite3.Error:
        return 0


def group_alive(group):
    try:
        os.killpg(group, 0)
        return True
    except ProcessLookupError:
        return False


def test_make_run_serves_the_site_with_a_worker_and_ctrl_c_stops_both():
    workdir = Path(tempfile.mkdtemp(prefix="run-dev-"))
    database = workdir / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "run-dev-test-" + os.urandom(8).hex(),
        "PY": sys.executable,
    }
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--noinput")
    port = free_port()
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "run_dev.sh"), f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/healthz"), 60, "the development server never answered")
        wait_until(lambda: jobs_run(database) > 0, 60, "the worker never ran a periodic job")

        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C

        process.wait(timeout=30)
        wait_until(lambda: not group_alive(process.pid), 30, "a process of `make run` outlived Ctrl-C")
        assert not answers(f"http://127.0.0.1:{port}/healthz")
    finally:
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(workdir, ignore_errors=True)
