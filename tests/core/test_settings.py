"""Configuration comes from the environment, never from edited files."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_base(monkeypatch, **env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    import website.settings.base as base

    return importlib.reload(base)


def test_database_url_selects_the_database(monkeypatch):
    base = _load_base(monkeypatch, DATABASE_URL="postgres://editor:secret@db.example:5433/site")
    db = base.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.example", 5433, "site", "editor")


def test_without_database_url_sqlite_in_the_checkout_is_the_default(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    base = _load_base(monkeypatch)
    db = base.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == ROOT / "db.sqlite3"


def test_redis_url_switches_the_cache_to_redis(monkeypatch):
    base = _load_base(monkeypatch, REDIS_URL="redis://127.0.0.1:6379/3")
    assert base.CACHES["default"]["BACKEND"] == "core.caching.backends.ResilientRedisCache"  # Django's, outage-proof
    assert base.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_hosts_and_origins_come_from_the_environment(monkeypatch):
    base = _load_base(
        monkeypatch, ALLOWED_HOSTS="www.example.se, example.se", CSRF_TRUSTED_ORIGINS="https://www.example.se"
    )
    assert base.ALLOWED_HOSTS == ["www.example.se", "example.se"]
    assert base.CSRF_TRUSTED_ORIGINS == ["https://www.example.se"]


def test_site_is_swedish(settings):
    assert settings.LANGUAGE_CODE == "sv"
    assert settings.TIME_ZONE == "Europe/Stockholm"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("sv", "Svenska")]


def _run_production_check(**env):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean_env.update(env, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [({"ALLOWED_HOSTS": "example.se"}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_essentials(env, missing):
    result = _run_production_check(**env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_starts_with_essentials():
    result = _run_production_check(SECRET_KEY="k" * 60, ALLOWED_HOSTS="example.se")
    assert result.returncode == 0, result.stderr


def test_sqlite_waits_for_the_writer_instead_of_failing(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    options = _load_base(monkeypatch).DATABASES["default"]["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 20
    assert "journal_mode=WAL" in options["init_command"]


def test_postgresql_gets_no_sqlite_options(monkeypatch):
    base = _load_base(monkeypatch, DATABASE_URL="postgres://editor:secret@db.example:5433/site")

    assert "transaction_mode" not in base.DATABASES["default"].get("OPTIONS", {})
