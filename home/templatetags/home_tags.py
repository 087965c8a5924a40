"""Template tags that gather from several apps: the feed links in every page's head."""

from django import template

from core.sites import site_root
from events.models import EventIndexPage
from knowledge.models import KnowledgeIndexPage

register = template.Library()


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def feed_links(context):
    """Links to the events calendar feed and the knowledge RSS feed, for browsers and feed readers."""
    root = context.get("site_root")  # from a view that has found it already (search)
    if root is None:
        root = site_root(context.get("request"))
        if root is None:
            return {}
    return {
        key: model.objects.live().public().descendant_of(root).order_by("path").first()
        for key, model in (("events", EventIndexPage), ("knowledge", KnowledgeIndexPage))
    }
