"""The sitemap: an index of sections of at most PAGE_LIMIT pages each, for sites of any size."""

from django.db.models import Max, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Search engines take up to 50,000 URLs a file; smaller sections keep each one quick to build.
PAGE_LIMIT = 5000
# What a page's entry needs: its address (path and url_path, for the site's root) and its dates.
ENTRY_FIELDS = ("path", "depth", "url_path", "locale_id", "last_published_at", "latest_revision_created_at")


class PageSitemap(Sitemap):
    """Live, public pages in tree order, read as plain Page rows: no page type here adds addresses of its
    own (get_sitemap_urls), so the specific rows of 10,000 pages are never loaded."""

    limit = PAGE_LIMIT

    def items(self):
        # The start page and its translations, each with the pages below it: Swedish and English.
        root = self.get_wagtail_site().root_page
        trees = Q()
        for start in [root, *root.get_translations().only("path")]:
            trees |= Q(path__startswith=start.path)
        return Page.objects.filter(trees).live().public().order_by("path").only(*ENTRY_FIELDS)

    def get_latest_lastmod(self):
        # The index's date for the section, in one aggregate rather than by reading every page.
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]


SITEMAPS = {"sidor": PageSitemap}
