"""Shared test set-up: every test gets a fresh cache and the default site's home page."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Site


@pytest.fixture(autouse=True)
def _clear_cache():
    aliases = [alias for alias in ("default", "template_fragments", "pages") if alias in settings.CACHES]
    for alias in aliases:
        caches[alias].clear()
    yield
    for alias in aliases:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in Swedish: a request to an English page leaves English active in its thread,
    which would otherwise turn the next test's directly rendered templates English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page(db):
    """The home page made by the initial migration, as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)
