"""Test settings: fast hashing, in-memory e-mail, plain static storage (no manifest needed)."""

import tempfile

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403

SECRET_KEY = get_random_secret_key()
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Sent at once into mail.outbox; tests of the queued backend (tests/core/test_mail.py) set it themselves.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "exports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests run in one thread, which sees its own bumps at once; a test of the bound sets it itself.
PAGE_CACHE_GENERATION_SECONDS = 60
# Tasks run at once in the test's own thread and transaction; the worker tests start real workers.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# Each test run keeps its page files apart from the checkout's and from other runs.
if "pages" in CACHES:  # noqa: F405
    CACHES["pages"]["LOCATION"] = tempfile.mkdtemp(prefix="page-cache-")  # noqa: F405
