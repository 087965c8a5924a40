"""Real servers for tests that need them: a prepared database and gunicorn processes on loopback."""

import contextlib
import email
import email.policy
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(workdir, database_url, **extra):
    """Production settings on plain HTTP loopback, with files in `workdir`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-server-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "EXPORTS_DIR": str(Path(workdir) / "exports"),
        "SERVE_MEDIA": "1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def shell(env, code):
    """Run code in the site's shell and return its last line of output."""
    lines = manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()
    return lines[-1] if lines else ""


def prepare_site(env):
    """Static files, schema and the demo content, as a release would do."""
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "load_demo_content")


def start_gunicorn(env, port, workers=2):
    """A gunicorn server on 127.0.0.1:port, returned once it answers."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "website.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--graceful-timeout",
            "10",
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn on port {port} did not start")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def require(condition, message):
    """Skip a test whose service is missing here, but fail it in CI, where every service must exist."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"required in CI: {message}")
    pytest.skip(message)


class RedisServer:
    """A redis-server of the test's own on a free loopback port, which the test may pause and resume."""

    def __init__(self):
        binary = shutil.which("redis-server")
        require(binary, "needs redis-server (apt-get install redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def pause(self):
        """Stopped as by a hung or unreachable server: connections time out, the data stays."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        self.resume()
        stop(self.process)


class SmtpSink:
    """A real SMTP server on loopback that accepts every message and keeps it (aiosmtpd)."""

    def __init__(self, port=None):
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Message

        sink = self

        class Keep(Message):
            def handle_message(self, message):
                # Parsed again with the modern policy, so headers read as text ("Du är anmäld ...").
                sink.messages.append(email.message_from_bytes(message.as_bytes(), policy=email.policy.default))

        self.messages = []
        self.port = port or free_port()
        self.controller = Controller(Keep(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def wait_for(self, condition, timeout=60):
        """The first kept message that satisfies condition(message), waiting up to `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in list(self.messages):
                if condition(message):
                    return message
            time.sleep(0.2)
        raise AssertionError(f"no such e-mail within {timeout} s; got {[m['Subject'] for m in self.messages]}")

    def stop(self):
        self.controller.stop()


class HangingSmtp:
    """A mail server that accepts connections and never answers, as a hung server does."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(50)
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)  # held open, never written to

    def stop(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the port listening.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self.thread.join(timeout=5)
        for connection in self.connections:
            connection.close()


def start_worker(env, *args):
    """manage.py run_worker (the queue's worker and the periodic jobs' scheduler) as a process."""
    return subprocess.Popen([sys.executable, "manage.py", "run_worker", *args], cwd=ROOT, env=env)


class SiteDatabase:
    """A database of a test module's own that real processes share: a PostgreSQL database beside the
    suite's when it runs on PostgreSQL, otherwise a SQLite file."""

    def __init__(self, workdir, prefix):
        from django.conf import settings

        database = settings.DATABASES["default"]
        self.admin_url = None
        if database["ENGINE"] == "django.db.backends.postgresql":
            import psycopg

            user = database.get("USER") or "postgres"
            host, port = database.get("HOST") or "127.0.0.1", database.get("PORT") or 5432
            self.admin_url = f"postgres://{user}@{host}:{port}/postgres"
            self.name = f"{prefix}_{os.getpid()}"
            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.url = f"postgres://{user}@{host}:{port}/{self.name}"
        else:
            self.url = f"sqlite:///{Path(workdir) / 'db.sqlite3'}"

    def drop(self):
        if self.admin_url:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
