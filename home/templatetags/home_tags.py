"""Template tags that gather from several apps: the feed links in every page's head."""

from django import template
from wagtail.models import Site

from events.models import EventIndexPage
from knowledge.models import KnowledgeIndexPage

register = template.Library()


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def feed_links(context):
    """Links to the events calendar feed and the knowledge RSS feed, for browsers and feed readers."""
    root = context.get("site_root")  # from a view that has found it already (search)
    if root is None:
        site = Site.find_for_request(context.get("request"))
        if site is None:
            return {}
        root = site.root_page.localized
    return {
        key: model.objects.live().public().descendant_of(root).order_by("path").first()
        for key, model in (("events", EventIndexPage), ("knowledge", KnowledgeIndexPage))
    }
