"""A Redis outage slows the site down and loses nothing: the cache is an accelerator, never a dependency.

A real redis-server of the test's own is stopped (SIGSTOP: connections hang and time out, as with a
hung or unreachable server, and its data survives) while visitors read pages, answer the feedback
question and sign up, and while an editor unpublishes a page.
"""

import threading
import time

import pytest
import redis
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Page

from feedback.models import FeedbackResponse
from registrations.models import Registration
from tests.events.factories import EventIndexPageFactory
from tests.home.factories import ContentPageFactory
from tests.registrations.factories import OnsiteConferenceFactory
from tests.servers import RedisServer

ORIGIN = "http://testserver"


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server):
    """The production cache set-up on the test's Redis, quick to time out and to try again."""
    caches = {
        "default": {
            "BACKEND": "core.caching.backends.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
            "RETRY_AFTER_SECONDS": 0.2,
        },
        "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage"},
        "axes": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage-axes"},
    }
    with override_settings(
        CACHES=caches, PAGE_CACHE_ALIAS="default", SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        from django.core.cache import cache

        cache.clear()
        yield redis_server
    redis_server.resume()


@pytest.fixture
def about(home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    page.save_revision().publish()
    return page


def _wait_for_retry():
    time.sleep(0.3)  # past RETRY_AFTER_SECONDS, so the cache asks Redis again


@pytest.mark.django_db
def test_with_redis_stopped_visitors_read_answer_and_sign_up_and_health_says_degraded(redis_cache, about):
    event = OnsiteConferenceFactory(parent=EventIndexPageFactory(parent=about.get_parent()), slug="konferens")
    visitor = Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="192.0.2.30")
    assert visitor.get("/om-oss/")["X-Page-Cache"] == "miss"
    assert visitor.get("/om-oss/")["X-Page-Cache"] == "hit"

    redis_cache.pause()
    try:
        page = visitor.get("/om-oss/")
        listing = visitor.get(event.get_parent().url)
        answer = visitor.post("/aterkoppling/", {"page": about.pk, "svar": "nej"}, HTTP_ACCEPT="application/json")
        signup = visitor.post(f"/anmalan/{event.pk}/", {"name": "Anna", "email": "anna@kommun.se", "consent": "on"})
        health = visitor.get("/healthz")
    finally:
        redis_cache.resume()

    assert page.status_code == listing.status_code == 200
    assert page.get("X-Page-Cache") != "hit"
    assert "<h1>Om oss</h1>" in page.content.decode()
    assert answer.status_code == 200, answer.content
    assert FeedbackResponse.objects.filter(page=about, helpful=False).count() == 1
    assert signup.status_code == 200, signup.content
    assert Registration.objects.filter(event_id=event.pk, email="anna@kommun.se").exists()
    assert health.status_code == 200
    assert health.json() == {"status": "begränsad", "degraded": True, "database": "ok", "cache": "fel"}

    _wait_for_retry()
    assert visitor.get("/healthz").json()["degraded"] is False


@pytest.mark.django_db
def test_an_unpublish_during_the_outage_is_never_served_from_the_copy_redis_kept(redis_cache, about):
    visitor = Client()
    visitor.get("/om-oss/")
    assert visitor.get("/om-oss/")["X-Page-Cache"] == "hit"

    redis_cache.pause()
    try:
        Page.objects.get(pk=about.pk).specific.unpublish()
    finally:
        redis_cache.resume()
    _wait_for_retry()

    assert redis.Redis.from_url(redis_cache.url).keys("*pagecache:page:*"), "Redis still holds the old copy"
    assert visitor.get("/om-oss/").status_code == 404


# serialized_rollback restores the site and home page that the flush after such a test removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unpublish_made_elsewhere_during_the_outage_is_not_served_once_the_bound_has_passed(
    redis_cache, about, settings
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 1.0
    visitor = Client()
    visitor.get("/om-oss/")
    assert visitor.get("/om-oss/")["X-Page-Cache"] == "hit"

    redis_cache.pause()
    try:
        # Another app server: a thread of its own, with its own database connection.
        def unpublish():
            Page.objects.get(pk=about.pk).specific.unpublish()
            connection.close()

        editor = threading.Thread(target=unpublish)
        editor.start()
        editor.join()
    finally:
        redis_cache.resume()
    time.sleep(settings.PAGE_CACHE_GENERATION_SECONDS + 0.1)

    assert visitor.get("/om-oss/").status_code == 404
