"""Template tags that gather from several apps: the feed links in every page's head."""

from django import template
from wagtail.models import Site

from core.caching.memo import per_generation
from events.models import EventIndexPage
from knowledge.models import KnowledgeIndexPage

register = template.Library()


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def feed_links(context):
    """Links to the events calendar feed and the knowledge RSS feed, for browsers and feed readers."""
    request = context.get("request")
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def find_sections():
        sections = {}
        for key, model in (("events", EventIndexPage), ("knowledge", KnowledgeIndexPage)):
            page = model.objects.live().public().descendant_of(site.root_page).order_by("path").first()
            # Title and address only: working out a feed's address costs more than reading it.
            sections[key] = {"title": page.title, "feed_url": page.feed_url} if page else None
        return sections

    # The same on every page until content changes: kept for the cache generation.
    return per_generation(f"feed-links:{site.pk}", find_sections)
