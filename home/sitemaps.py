"""The sitemap: an index of sections of at most PAGE_LIMIT pages each, for sites of any size."""

from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.pagination import Paginator

# Search engines take up to 50,000 URLs a file. A section costs about 11 µs of CPU per address on top
# of a fixed 6 ms, and its query reads more rows the more it holds; sections of 250 keep a full one
# well within twice the demo site's (at 400 it was at the edge, docs/performance.md).
PAGE_LIMIT = 250
# The template of a section: only what an entry has (address and date), see get_urls.
SECTION_TEMPLATE = "home/sitemap_section.xml"


class PageSitemap(Sitemap):
    """Live, public pages in tree order, read as plain rows of the page table (address and date).

    No page type here adds addresses of its own (`get_sitemap_urls`), so each address is the start
    page's (asked of Wagtail once per language) followed by the rest of the page's `url_path`, as
    Wagtail routes it: 250 entries cost string joins, not 250 URL reversals and page objects.
    """

    limit = PAGE_LIMIT

    @property
    def paginator(self):
        # A late section reads from the far end of the tree order, as the listings do, so the last
        # section costs what the first does (no offset past every page before it).
        return Paginator(self._items(), self.limit)

    def start_pages(self):
        """The site's start page and its translations: the Swedish tree and the English one."""
        root = self.get_wagtail_site().root_page
        return [root, *root.get_translations().only("url_path", "path", "locale_id")]

    def pages(self):
        trees = Q()
        for start in self.start_pages():
            trees |= Q(path__startswith=start.path)
        return Page.objects.filter(trees).live().public()

    def items(self):
        # As Wagtail's own sitemap: the last publication, else (pages from before it was recorded) the
        # last revision.
        lastmod = Coalesce("last_published_at", "latest_revision_created_at")
        return self.pages().order_by("path").values_list("url_path", lastmod)

    def get_latest_lastmod(self):
        # The index's date for the section, in one aggregate rather than by reading every page.
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of one section: the address, built from the start page's, and the day of the last change.

        The addresses are Wagtail's own (the root URL of Wagtail's site, `/en/` before English pages),
        the same as each page's `get_full_url()`; tests/home/test_seo.py compares them.
        """
        bases = []
        for start in self.start_pages():
            full_url = start.get_full_url(self.request)
            if full_url:
                bases.append((start.url_path, full_url))
        urls, dates = [], []
        root_path, root_url = "", None
        local = timezone.get_current_timezone()
        for url_path, lastmod in self.paginator.page(page).object_list:
            # The start pages are siblings (a page and its translations), so a page lies below one of
            # them at most; rows come in tree order, so it is nearly always the row before's.
            if root_url is None or not url_path.startswith(root_path):
                found = [(path, url) for path, url in bases if url_path.startswith(path)]
                root_path, root_url = found[0] if found else ("", None)
                if root_url is None:
                    continue
            dates.append(lastmod)
            rest = url_path[len(root_path) :]
            urls.append(
                {
                    # A slug may be a Swedish word: percent-encoded as Django's reverse() does.
                    "location": root_url + (rest if rest.isascii() else iri_to_uri(rest)),
                    # The day in the site's time zone, as Django's sitemap template writes it.
                    "lastmod": lastmod.astimezone(local).date().isoformat() if lastmod else "",
                }
            )
        # The section's Last-Modified header (Django's sitemap view reads it), when every entry has a date.
        self.latest_lastmod = max(dates) if dates and None not in dates else None
        return urls


SITEMAPS = {"sidor": PageSitemap}
