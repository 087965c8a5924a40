"""Browser tests: a real server with the demo content, driven by Playwright in Debian's Chromium.

They run when Chromium is installed. CI sets BROWSER_TESTS_REQUIRED=1, so there a missing browser
or tool fails the run instead of skipping.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.checks import AXE_JS
from tests.servers import free_port, manage, prepare_site, server_env, start_gunicorn, stop

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
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


ADMIN_SEED = "from tests.browser.admin_seed import seed; seed()"


@pytest.fixture(scope="session")
def demo_server():
    """A gunicorn server with production settings, a fresh SQLite database and the demo content."""
    workdir = Path(tempfile.mkdtemp(prefix="browser-site-"))
    port = free_port()
    env = server_env(workdir, f"sqlite:///{workdir / 'db.sqlite3'}", WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}")
    prepare_site(env)
    pages = json.loads(manage(env, "list_demo_urls"))
    server = start_gunicorn(env, port)
    yield {"url": f"http://127.0.0.1:{port}", "pages": pages, "workdir": workdir, "env": env}
    stop(server)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def admin_site(demo_server):
    """The demo server with a user per role and a page with a planted problem (tests/browser/admin_seed.py);
    seeded once, as the demo server is shared by every module that uses it."""
    output = manage(demo_server["env"], "shell", "--no-imports", "-c", ADMIN_SEED)
    seeded = json.loads(output.strip().splitlines()[-1])
    return {**demo_server, **seeded}


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
