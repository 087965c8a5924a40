"""Fixtures of the performance tests: a page cache of their own and a helper to count queries."""

import pytest


@pytest.fixture(autouse=True)
def _own_generation_file(settings, tmp_path):
    """Other test runs on this machine bump their own generation, never ours."""
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "page-cache.stamp")
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False
