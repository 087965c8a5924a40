"""Without Redis the page cache holds a site of ten years: every page of 10,000 and its listings."""

from django.conf import settings

from core.caching.generation import page_cache


def test_without_redis_pages_are_kept_outside_the_process_for_every_page_of_a_big_site():
    assert settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"].endswith("FileBasedCache")
    assert settings.CACHES[settings.PAGE_CACHE_ALIAS]["OPTIONS"]["MAX_ENTRIES"] >= 12_000


def test_the_first_of_3000_stored_pages_is_still_a_hit():
    cache = page_cache()
    entry = b"<html>" + b"x" * 2000
    for number in range(3000):
        cache.set(f"page-{number}", entry, 600)

    assert cache.get("page-0") == entry
