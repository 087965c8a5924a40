"""Print the live pages of the default site as JSON, for the browser tests and benchmarks."""

import json

from django.core.management.base import BaseCommand
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Skriver ut webbplatsens publicerade sidor som JSON (titel, typ, adress)."

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True).specific()
        rows = [
            {"title": page.title, "type": type(page).__name__, "path": page.relative_url(site)}
            for page in pages.order_by("path")
        ]
        self.stdout.write(json.dumps(rows, ensure_ascii=False))
