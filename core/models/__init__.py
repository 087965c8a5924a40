"""Shared models: people, topics, site notices, site settings, page mixins and the rate-limit log."""

from .mixins import ContactsMixin, SiteChromeMixin
from .notices import SiteNotice
from .page_cache import PageCacheGeneration
from .people import Person
from .rate_limits import RateLimitHit
from .site_settings import ContactSettings, FooterSettings
from .topics import Topic

__all__ = [
    "ContactsMixin",
    "ContactSettings",
    "FooterSettings",
    "PageCacheGeneration",
    "Person",
    "RateLimitHit",
    "SiteChromeMixin",
    "SiteNotice",
    "Topic",
]
