"""Shared models: people, topics, site notices, site settings, page mixins and the rate-limit log."""

from .link_alerts import LinkAlert, LinkChange
from .mixins import ContactsMixin, SiteChromeMixin
from .notices import SiteNotice
from .ownership import OwnershipMixin
from .page_cache import PageCacheGeneration
from .people import Person
from .periodic_jobs import JobOutcome, PeriodicJob
from .rate_limits import RateLimitHit
from .site_settings import ContactSettings, FooterSettings
from .topics import Topic

__all__ = [
    "ContactsMixin",
    "ContactSettings",
    "FooterSettings",
    "JobOutcome",
    "LinkAlert",
    "LinkChange",
    "OwnershipMixin",
    "PageCacheGeneration",
    "PeriodicJob",
    "Person",
    "RateLimitHit",
    "SiteChromeMixin",
    "SiteNotice",
    "Topic",
]
