"""Shared models: people, topics, site notices, site settings and page mixins."""

from .mixins import ContactsMixin, SiteChromeMixin
from .notices import SiteNotice
from .page_cache import PageCacheGeneration
from .people import Person
from .site_settings import ContactSettings, FooterSettings
from .topics import Topic

__all__ = [
    "ContactsMixin",
    "ContactSettings",
    "FooterSettings",
    "PageCacheGeneration",
    "Person",
    "SiteChromeMixin",
    "SiteNotice",
    "Topic",
]
