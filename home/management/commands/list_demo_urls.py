"""Print the live pages of the default site as JSON, for the browser tests and benchmarks."""

import json

from django.core.management.base import BaseCommand
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Skriver ut webbplatsens publicerade sidor som JSON (titel, typ, adress)."

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        rows = []
        # The Swedish start page's tree, then its translations' (the English pages under /en/).
        for root in [site.root_page, *site.root_page.get_translations().order_by("path")]:
            pages = Page.objects.live().public().descendant_of(root, inclusive=True).specific()
            rows += [
                {"title": page.title, "type": type(page).__name__, "path": page.relative_url(site)}
                for page in pages.order_by("path")
            ]
        self.stdout.write(json.dumps(rows, ensure_ascii=False))
