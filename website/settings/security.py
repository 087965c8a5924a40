"""Logins, sessions, the client address rule, security headers and the Content-Security-Policy
(docs/deployment.md, "Security"). Imported by base.py."""

import datetime as dt
import os

# Proxies in front of the app servers that append the client's address to X-Forwarded-For; 0 means
# none, and REMOTE_ADDR is the client. Every rate limit and django-axes read the client with this one
# rule (core/clients.py). FEEDBACK_TRUSTED_PROXY_COUNT is the variable's earlier name, still read.
TRUSTED_PROXY_COUNT = int(
    os.environ.get("TRUSTED_PROXY_COUNT") or os.environ.get("FEEDBACK_TRUSTED_PROXY_COUNT") or "0"
)

# Security headers and admin protection (docs/deployment.md, "Security").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins are counted per user name in a database cache table that all app servers share,
# also while Redis is down; no IP address is stored anywhere, hence axes.W006 is silenced.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "axes"
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Axes locks out by user name only, but whatever address it derives follows the rate limits' rule.
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/login_locked.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions live in the database, read through the cache when it is Redis: an outage costs a query
# per request, never an editor's login.
if os.environ.get("REDIS_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"

# Embedded players load only after the visitor's consent, from these hosts.
EMBED_FRAME_HOSTS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
    "https://w.soundcloud.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": EMBED_FRAME_HOSTS,
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin uses inline scripts and styles, so it gets a policy of its own.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "media-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_HOSTS],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"
