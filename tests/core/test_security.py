"""Secure defaults: deploy checks, security headers, admin login limits and the health check."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from core.logging import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_deploy_check_is_clean_with_production_variables():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "p" * 20 + "r0duction-s3cret-key-that-is-long-enough-" + "q" * 10,
        "ALLOWED_HOSTS": "www.example.se",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_carry_strict_security_headers(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    _assert_security_headers(response)


def test_error_pages_carry_the_same_headers(client, home_page):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    _assert_security_headers(response)


def test_admin_gets_its_own_relaxed_policy_and_works(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp


def test_login_is_locked_after_repeated_failures(client):
    get_user_model().objects.create_user("redaktor", password="rätt-lösenord-som-är-långt")
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "redaktor", "password": "fel"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post("/admin/login/", {"username": "redaktor", "password": "fel"}).status_code == 429
    locked = client.post("/admin/login/", {"username": "redaktor", "password": "rätt-lösenord-som-är-långt"})
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.content.decode()


def test_a_successful_login_before_the_limit_resets_the_count(client):
    get_user_model().objects.create_user("redaktor", password="rätt-lösenord-som-är-långt")
    for _ in range(4):
        client.post("/admin/login/", {"username": "redaktor", "password": "fel"})
    ok = client.post("/admin/login/", {"username": "redaktor", "password": "rätt-lösenord-som-är-långt"})
    assert ok.status_code == 302


def test_passwords_must_be_strong(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("kort123")
    with pytest.raises(ValidationError):
        validate_password("password1234")


def test_sessions_expire(settings):
    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_health_check_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "degraded": False, "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_health_check_answers_503_when_the_database_is_down(client, monkeypatch):
    from django.db import OperationalError

    def cursor(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "fel"


def test_health_check_keeps_the_server_in_service_but_degraded_when_only_the_cache_is_down(client, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "begränsad", "degraded": True, "database": "ok", "cache": "fel"}


def test_logs_are_json_lines_with_extra_fields():
    record = logging.LogRecord("website", logging.WARNING, __file__, 1, "Sidan %s saknas", ("x",), None)
    record.page_id = 42
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "WARNING"
    assert entry["message"] == "Sidan x saknas"
    assert entry["page_id"] == 42


def test_the_admin_loads_no_avatar_from_gravatar(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode()
