"""Shared models: people, topics, site notices, site settings and page mixins."""

from .mixins import SiteChromeMixin
from .notices import SiteNotice
from .people import Person
from .site_settings import ContactSettings, FooterSettings
from .topics import Topic

__all__ = [
    "ContactSettings",
    "FooterSettings",
    "Person",
    "SiteChromeMixin",
    "SiteNotice",
    "Topic",
]
