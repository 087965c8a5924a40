"""The RSS feed of a knowledge listing, built with Django's syndication framework.

XML 1.0 cannot hold most control characters (Django refuses to write them), so every text is made
safe here, where it is written; a vertical tab pasted into an intro must not take the feed down.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext

from core.models import localized_topics
from core.text import multi_line, single_line

from .models import KnowledgePage


class KnowledgeFeed(Feed):
    """The newest live, public knowledge pages below one listing."""

    feed_type = Rss201rev2Feed
    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request = None
        self.topic_names = {}
        # <language> of the listing's own locale (Django reads this attribute, not a method).
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return single_line(self.index_page.title)

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return self.link() + self.index_page.reverse_subpage("feed")

    def description(self):
        default = gettext("Det senaste från {title}.").format(title=single_line(self.index_page.title))
        return multi_line(self.index_page.intro) or default

    def items(self):
        # The feed names each item's topics; cards and listings show none.
        items = list(KnowledgePage.visible().child_of(self.index_page).prefetch_related("topics")[: self.limit])
        # Every item's topics in the feed's language in one query, not one per item.
        topics = {topic.pk: topic for item in items for topic in item.topics.all()}
        self.topic_names = {topic.pk: single_line(topic.name) for topic in localized_topics(topics.values())}
        return items

    def item_title(self, item):
        return single_line(item.title)

    def item_description(self, item):
        return multi_line(item.intro or item.search_description)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        # The feed is in its listing's language (/en/ for the English one): so are the topics' names.
        return [self.topic_names[topic.pk] for topic in item.topics.all()]
