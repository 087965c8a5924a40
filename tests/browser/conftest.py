"""Browser tests: a real server with the demo content, driven by Playwright in Debian's Chromium.

They run when Chromium is installed. CI sets BROWSER_TESTS_REQUIRED=1, so there a missing browser
or tool fails the run instead of skipping.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "artifacts"
REQUIRED = os.environ.get("BROWSER_TESTS_REQUIRED") == "1"
HOW_TO_ENABLE = (
    "Browser tests need Debian's chromium (apt-get install chromium), Java and the npm test tools "
    "(npm ci); CI sets BROWSER_TESTS_REQUIRED=1 to make them mandatory."
)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_tools():
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(CHROMIUM)
    if not AXE_JS.exists():
        missing.append("axe-core (npm ci)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip)")
    return missing


def pytest_collection_modifyitems(config, items):
    missing = _missing_tools()
    if not missing:
        return
    if REQUIRED:
        raise pytest.UsageError(f"BROWSER_TESTS_REQUIRED=1 but missing: {', '.join(missing)}. {HOW_TO_ENABLE}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"missing {', '.join(missing)}. {HOW_TO_ENABLE}"))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@pytest.fixture(scope="session")
def demo_server():
    """A gunicorn server with production settings, a fresh SQLite database and the demo content."""
    workdir = Path(tempfile.mkdtemp(prefix="browser-site-"))
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "SECRET_KEY": "browser-tests-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SERVE_MEDIA": "1",
        # Plain HTTP on loopback: no HTTPS redirect or HSTS for the test server.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "LOG_LEVEL": "ERROR",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    env.pop("REDIS_URL", None)
    _manage(env, "collectstatic", "--noinput")
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    _manage(env, "load_demo_content")
    pages = json.loads(_manage(env, "list_demo_urls"))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "website.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base_url + "/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.terminate()
        raise RuntimeError("the demo server did not start")
    yield {"url": base_url, "pages": pages, "workdir": workdir}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context_factory(browser):
    contexts = []

    def make(viewport="desktop", **kwargs):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="sv-SE", **kwargs)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


# Filled by the tests, printed at the end of the run.
TALLY = {"pages": set(), "checks": 0}


@pytest.fixture
def tally():
    """Records a page and a passed check for the summary at the end of the run."""

    def record(page_url, checks=1):
        TALLY["pages"].add(page_url)
        TALLY["checks"] += checks

    return record


def pytest_terminal_summary(terminalreporter):
    if TALLY["checks"]:
        terminalreporter.write_line(
            f"Browser checks: {len(TALLY['pages'])} pages, {TALLY['checks']} checks passed "
            f"(screenshots in {ARTIFACTS / 'screenshots'})."
        )
