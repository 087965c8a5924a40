"""Local development: debug on, e-mail to the console, a secret key kept outside git."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR


def _local_secret_key():
    """Use SECRET_KEY from the environment, or make one once and keep it in an ignored file."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = True
SECRET_KEY = _local_secret_key()
# The worker (make run starts one) prints each e-mail in the terminal.
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
