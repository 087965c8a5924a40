"""Shared models: people, topics, site notices, site settings, page mixins, the rate-limit log
and the fields of stored e-mail."""

from .exports import ExportFile, ExportState
from .images import PageImagesMixin
from .link_alerts import LinkAlert, LinkChange
from .mixins import ContactsMixin, SiteChromeMixin
from .notices import SiteNotice
from .outbox import EmailState, QueuedEmail
from .ownership import OwnershipMixin
from .page_cache import PageCacheGeneration
from .people import Person
from .periodic_jobs import JobOutcome, PeriodicJob
from .rate_limits import RateLimitHit
from .site_settings import ContactSettings, FooterSettings
from .site_texts import SiteText
from .topics import LocalizedTopic, Topic, localized_topics

__all__ = [
    "ContactsMixin",
    "ContactSettings",
    "EmailState",
    "ExportFile",
    "ExportState",
    "FooterSettings",
    "JobOutcome",
    "LinkAlert",
    "LinkChange",
    "LocalizedTopic",
    "OwnershipMixin",
    "PageCacheGeneration",
    "PageImagesMixin",
    "PeriodicJob",
    "Person",
    "QueuedEmail",
    "RateLimitHit",
    "SiteChromeMixin",
    "SiteNotice",
    "SiteText",
    "Topic",
    "localized_topics",
]
