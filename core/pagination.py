"""One pagination rule for every listing: the page number from the query string, and the page of items."""

from django.core import paginator
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


class Paginator(paginator.Paginator):
    """Django's paginator, reading a page in the second half from the end: in reverse order, as many rows
    as lie after it, then turned round. With an index on the listing's order PostgreSQL then stops at
    the page's rows from either end, so the last page costs what the first does, not a sort of all."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        # Only a query with a full ordering can be read backwards (a list's reverse() turns it in place).
        if bottom <= self.count // 2 or not getattr(items, "ordered", False) or not hasattr(items, "reverse"):
            return super().page(number)
        rows = list(items.reverse()[self.count - top : self.count - bottom])
        rows.reverse()
        return paginator.Page(rows, number, self)


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
