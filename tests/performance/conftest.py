"""Fixtures of the performance tests: the page cache on, or off for counting queries."""

import pytest


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False
