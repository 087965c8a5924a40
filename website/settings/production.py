"""Production: everything from the environment; refuses to start without the essentials.

`manage.py check --deploy` is clean with SECRET_KEY and ALLOWED_HOSTS set (see docs/deployment.md).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, env_bool, env_list


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or _required("ALLOWED_HOSTS")

# HTTPS: on by default; a TLS-terminating proxy in front sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("USE_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "json")

# Media in S3-compatible object storage when a bucket is configured (pip install ".[s3]").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Elasticsearch/OpenSearch instead of the database search when configured (pip install ".[opensearch]").
if os.environ.get("SEARCH_BACKEND_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.opensearch3"),
            "URLS": [os.environ["SEARCH_BACKEND_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "website"),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
