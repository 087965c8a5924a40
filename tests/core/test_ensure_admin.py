"""`make run` creates the first administrator with a generated password, once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_creates_admin_with_generated_password_once(capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = out.split("lösenord: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)
    assert len(password) >= 12

    call_command("ensure_admin")
    assert get_user_model().objects.count() == 1
    assert "lösenordet från första körningen" in capsys.readouterr().out


def test_password_may_come_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "ett-långt-lösenord-från-miljön")
    call_command("ensure_admin")
    assert get_user_model().objects.get(username="admin").check_password("ett-långt-lösenord-från-miljön")
    assert "ett-långt-lösenord-från-miljön" not in capsys.readouterr().out
