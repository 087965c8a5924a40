"""Create the first administrator if there is none, and say how to log in."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Skapar en administratör om ingen finns och skriver ut hur man loggar in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--url", default=os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))

    def handle(self, *args, username, url, **options):
        User = get_user_model()
        login_url = f"{url.rstrip('/')}/admin/"
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Logga in på {login_url} som {existing.get_username()!r} med lösenordet från första körningen "
                f"(eller byt det: .venv/bin/python manage.py changepassword {existing.get_username()})."
            )
            return
        # Never a fixed password: take one from the environment or generate one.
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Administratör skapad. Logga in på {login_url}"))
        self.stdout.write(f"  användarnamn: {username}")
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("  lösenord: det i ADMIN_PASSWORD")
        else:
            self.stdout.write(f"  lösenord: {password}")
