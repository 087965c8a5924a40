"""The access log holds the route, never a personal token, an e-mail address, a query string or the
client's address, and each line stays one JSON object whatever was requested.

gunicorn is started with the project's gunicorn.conf.py (its format and logger class) in front of
a plain WSGI application, so no database is needed.
"""

import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.servers import ROOT, free_port, stop
from website.access_log import route

SIGNED_TOKEN = "6f1c2a9e0b7d4c3f8a5e2d1b0c9f8e7d:1tXyZa:Q2hhbmdlZC1zaWduYXR1cmUtdGV4dA"


@pytest.fixture
def gunicorn_log():
    """A gunicorn with the project's configuration; yields (base URL, function returning the log lines)."""
    port = free_port()
    log = Path(tempfile.mkdtemp(prefix="access-log-")) / "access.log"
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "tests.production.echo_app:app",
            "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "1",
            "--access-logfile", str(log),
        ],
        cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=2).close()
            break
        except OSError:
            time.sleep(0.1)

    def lines():
        time.sleep(0.2)  # the worker writes each line after its response
        return [json.loads(line) for line in log.read_text().splitlines()[1:]]  # the first is the probe

    yield url, lines
    stop(process)


def get(url, **headers):
    urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5).close()


def test_a_personal_link_is_logged_as_its_route(gunicorn_log):
    url, lines = gunicorn_log

    get(f"{url}/anmalan/min-anmalan/{SIGNED_TOKEN}/?utm_source=nyhetsbrev&epost=anna@kommun.se")

    (line,) = lines()
    assert line["path"] == "/anmalan/min-anmalan/<token>/"
    assert SIGNED_TOKEN not in json.dumps(line)
    assert "anna@kommun.se" not in json.dumps(line) and "utm_source" not in json.dumps(line)
    assert line["method"] == "GET" and line["status"] == 200


def test_the_referer_keeps_no_query_string_or_token(gunicorn_log):
    url, lines = gunicorn_log

    get(f"{url}/static/css/site.css", Referer=f"{url}/om-oss/?tack=hemlig-feedbacknyckel#feedback")
    get(f"{url}/om-oss/", Referer=f"{url}/anmalan/min-anmalan/{SIGNED_TOKEN}/")
    get(f"{url}/om-oss/", Referer="https://webbmejl.example.com/inkorg/anna.andersson/meddelande/4711?q=x")

    first, second, third = lines()
    assert first["referer"] == f"{url}/om-oss/"
    assert second["referer"] == f"{url}/anmalan/min-anmalan/<token>/"
    assert third["referer"] == "https://webbmejl.example.com"  # another site's path is its own business


def test_an_e_mail_address_in_a_path_is_masked(gunicorn_log):
    url, lines = gunicorn_log

    get(f"{url}/kontakt/anna.andersson%40kommun.se/")

    (line,) = lines()
    assert line["path"] == "/kontakt/<personligt>/"


def test_a_line_stays_one_json_object_whatever_the_path(gunicorn_log):
    url, lines = gunicorn_log

    get(f"{url}/sok%22%2C%20%22status%22%20500%7D%5C/")
    get(f"{url}/rad%0Abrytning%5C")

    quote, line_break = lines()  # json.loads would fail on a broken line, and a break would make two
    assert quote["path"] == '/sok", "status" 500}\\/'
    assert line_break["path"] == "/rad\nbrytning\\"
    assert quote["status"] == line_break["status"] == 200


def token_routes(patterns):
    """(name, parameters) of every URL pattern with a `token` parameter, whatever app it is in."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from ((namespace + name, groups) for name, groups in token_routes(pattern.url_patterns))
        elif isinstance(pattern, URLPattern) and "token" in pattern.pattern.regex.groupindex:
            yield pattern.name, list(pattern.pattern.regex.groupindex)


def test_every_route_with_a_token_is_logged_without_it():
    routes = dict(token_routes(get_resolver().url_patterns))

    assert set(routes) == {
        "registrations:manage",
        "alerts:confirm",
        "alerts:manage",
        "alerts:unsubscribe",
        "wagtailadmin_password_reset_confirm",
    }
    for name, parameters in routes.items():
        path = reverse(name, kwargs=dict.fromkeys(parameters, "MQ-6f1c2a9e0b7d4c3f8a5e"))
        assert "MQ" not in route(path) and "6f1c2a9e" not in route(path), path


ALERT_LINKS = ("alerts:confirm", "alerts:manage", "alerts:unsubscribe")


def test_the_english_alert_links_are_logged_without_their_token():
    with translation.override("en"):
        paths = [reverse(name, kwargs={"token": "MQ-6f1c2a9e0b7d4c3f8a5e"}) for name in ALERT_LINKS]
    for path in paths:
        assert path.startswith("/en/bevaka/")
        assert "MQ" not in route(path) and "6f1c2a9e" not in route(path), path
