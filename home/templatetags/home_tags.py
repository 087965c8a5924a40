"""Template tags that gather from several apps: the feed links in every page's head."""

from django import template
from wagtail.models import Site

from events.models import EventIndexPage
from knowledge.models import KnowledgeIndexPage

register = template.Library()


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def feed_links(context):
    """Links to the events calendar feed and the knowledge RSS feed, for browsers and feed readers."""
    site = Site.find_for_request(context.get("request"))
    if site is None:
        return {}
    return {
        key: model.objects.live().public().descendant_of(site.root_page.localized).order_by("path").first()
        for key, model in (("events", EventIndexPage), ("knowledge", KnowledgeIndexPage))
    }
