"""One pagination rule for every listing: the page number from the query string, and the page of items."""

from django.core.paginator import Paginator
from django.http import QueryDict

PAGE_PARAM = "sida"
# Longer numbers are noise (or an attack on int()), not a page anyone links to.
MAX_DIGITS = 6


def requested_page(query):
    """The page number asked for: a small positive whole number, anything else the first page."""
    raw = str(query.get(PAGE_PARAM, "") or "").strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) >= 1:
        return int(raw)
    return 1


def paginate(items, per_page, query):
    """The page of items the query string asks for; a number past the end gives the last page."""
    return Paginator(items, per_page).get_page(requested_page(query))


def filter_query(filters):
    """The chosen filters as a QueryDict for `{% querystring %}`; empty values are left out."""
    query = QueryDict(mutable=True)
    for key, value in filters.items():
        if value:
            query[key] = value
    return query
