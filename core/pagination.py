"""One pagination rule for every listing: the page number from the query string, and the page of items."""

from django.core.paginator import Paginator
from django.http import QueryDict

PAGE_PARAM = "sida"
# Longer numbers are noise (or an attack on int()), not a page anyone links to.
MAX_DIGITS = 6
# Page links on each side of the current page (as the big public sites do), plus the first and last.
WINDOW_AROUND = 2


def requested_page(query):
    """The page number asked for: a small positive whole number, anything else the first page."""
    raw = str(query.get(PAGE_PARAM, "") or "").strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) >= 1:
        return int(raw)
    return 1


def paginate(items, per_page, query):
    """The page of items the query string asks for; a number past the end gives the last page."""
    return Paginator(items, per_page).get_page(requested_page(query))


def page_window(page_obj, around=WINDOW_AROUND):
    """The page numbers to link: the first, the last and `around` on each side of the current one, with
    None for each gap (shown as "…"), so a listing of 500 pages still has a dozen links, not 500."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=around, on_ends=1)
    return [None if number == page_obj.paginator.ELLIPSIS else number for number in numbers]


def filter_query(filters):
    """The chosen filters as a QueryDict for `{% querystring %}`; empty values are left out."""
    query = QueryDict(mutable=True)
    for key, value in filters.items():
        if value:
            query[key] = value
    return query
