"""gunicorn's access log without personal data: it logs the route, never a query string, a personal
token, an e-mail address or the client's address (gunicorn.conf.py names this class).

The personal links of registrations carry a signed token in the path, and the feedback widget's
thanks page a token in the query string, which browsers then send on as the Referer of every asset
the page loads. So the path is logged with such segments masked, the Referer as its origin and
masked path, and every value is escaped, so each line stays one JSON object whatever was requested.
"""

import json
import re
from urllib.parse import urlsplit

from gunicorn.glogging import Logger, SafeAtoms

# Routes whose remaining path is a personal token: the registration's own page
# (registrations/urls.py), a topic alert's confirm, manage and unsubscribe links (alerts/urls.py, also
# under /en/)
# and the admin's password reset link (Wagtail's, under /admin/).
TOKEN_ROUTES = (
    "/anmalan/min-anmalan/",
    "/bevaka/bekrafta/",
    "/bevaka/hantera/",
    "/bevaka/avsluta/",
    "/en/bevaka/bekrafta/",
    "/en/bevaka/hantera/",
    "/en/bevaka/avsluta/",
    "/admin/password_reset/confirm/",
)
TOKEN = "<token>"
# Anything in a path that looks like an e-mail address, or like a signed value (Django's signer joins with ":").
PERSONAL_SEGMENT = re.compile(r"[^/]*[@:][^/]*")
PERSONAL = "<personligt>"
# The atoms that may be logged; any other (request and response headers, the environment, the client's
# address and user agent) is left out and logs as "-".
KEPT_ATOMS = {"t", "m", "s", "B", "b", "M", "D", "T", "L", "H", "p"}


def route(path):
    """The path with personal segments masked: /anmalan/min-anmalan/<token>/."""
    for prefix in TOKEN_ROUTES:
        if path.startswith(prefix) and len(path) > len(prefix):
            return prefix + TOKEN + ("/" if path.endswith("/") else "")
    return PERSONAL_SEGMENT.sub(PERSONAL, path)


def referer(value, host):
    """The page the visitor came from: its origin, and its masked path if it is on this site."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return "-"
    if not parts.scheme or not parts.netloc:
        return "-"
    origin = f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}"
    return origin + route(parts.path) if parts.netloc == host else origin


class JsonAtoms(SafeAtoms):
    """The atoms escaped to stand inside a JSON string: gunicorn's own escape covers only quotes,
    so a backslash or a control character in a path would break the line."""

    def __init__(self, atoms):
        super().__init__({})
        for key, value in atoms.items():
            self[key] = json.dumps(value, ensure_ascii=False)[1:-1] if isinstance(value, str) else value


class AccessLogger(Logger):
    """gunicorn's logger with the atoms of the access log reduced to what holds no personal data."""

    atoms_wrapper_class = JsonAtoms

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = route(environ.get("PATH_INFO", ""))
        return {
            **{key: value for key, value in atoms.items() if key in KEPT_ATOMS},
            "U": path,
            "q": "",
            "r": f"{atoms['m']} {path} {atoms['H']}",
            "f": referer(environ.get("HTTP_REFERER", ""), environ.get("HTTP_HOST", "")),
        }
