"""The full-page cache: hits without the database, fresh pages after every change, and who is never cached."""

import datetime as dt
import gzip
import logging

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.models import FooterSettings, Person, SiteNotice
from tests.core.factories import PersonFactory, SiteNoticeFactory
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.se", "lösenord-som-är-långt")


def _refuse_queries(execute, sql, params, many, context):
    raise AssertionError(f"the database was used: {sql}")


def test_the_second_anonymous_request_is_a_hit_without_database_queries(client, about, django_assert_num_queries):
    first = client.get("/om-oss/")
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/om-oss/")

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_is_served_when_the_database_is_unreachable(client, about):
    client.get("/om-oss/")

    with connection.execute_wrapper(_refuse_queries):
        response = client.get("/om-oss/")

    assert response.status_code == 200
    assert "<h1>Om oss</h1>" in response.content.decode()


def test_a_hit_keeps_the_security_headers(client, about):
    miss = client.get("/om-oss/")
    hit = client.get("/om-oss/")

    assert hit["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert hit[header] == miss[header]


def test_a_published_change_is_visible_on_the_next_request(client, about):
    client.get("/om-oss/")
    about.title = "Om föreningen"
    about.save_revision().publish()

    response = client.get("/om-oss/")

    assert response["X-Page-Cache"] == "miss"
    assert "<h1>Om föreningen</h1>" in response.content.decode()


def test_a_new_page_shows_in_the_listing_and_on_the_home_page_at_once(client, home_page):
    index = KnowledgeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    client.get(index.url)
    client.get("/")

    KnowledgePageFactory(parent=index, title="Kjell ringer en digitaliseringsdirektör").save_revision().publish()

    assert "Kjell ringer en digitaliseringsdirektör" in client.get(index.url).content.decode()
    assert "Kjell ringer en digitaliseringsdirektör" in client.get("/").content.decode()


def test_unpublishing_hides_the_page_and_its_menu_entry(client, about):
    about.show_in_menus = True
    about.save_revision().publish()
    assert 'href="/om-oss/"' in client.get("/").content.decode()
    client.get("/om-oss/")

    about.unpublish()

    assert client.get("/om-oss/").status_code == 404
    assert 'href="/om-oss/"' not in client.get("/").content.decode()


def test_moving_a_page_redirects_its_old_address_at_once(client, home_page, about):
    parent = ContentPageFactory(parent=home_page, title="Föreningen", slug="foreningen")
    parent.save_revision().publish()
    client.get("/om-oss/")

    Page.objects.get(pk=about.pk).move(Page.objects.get(pk=parent.pk), pos="last-child")

    moved = client.get("/om-oss/")
    assert (moved.status_code, moved["Location"]) == (301, "/foreningen/om-oss/")
    assert client.get("/foreningen/om-oss/").status_code == 200


def test_deleting_a_page_removes_it_at_once(client, about):
    client.get("/om-oss/")

    Page.objects.get(pk=about.pk).delete()

    assert client.get("/om-oss/").status_code == 404


def test_a_new_site_notice_shows_on_every_cached_page(client, about):
    client.get("/om-oss/")

    SiteNoticeFactory(message="Kontoret är stängt i dag")

    assert "Kontoret är stängt i dag" in client.get("/om-oss/").content.decode()


def test_a_changed_person_shows_on_pages_that_name_them(client, about):
    person = PersonFactory(name="Anna Andersson")
    about.contacts = [("contact", {"people": [person], "heading": "Kontakt"})]
    about.save_revision().publish()
    assert "Anna Andersson" in client.get("/om-oss/").content.decode()

    Person.objects.filter(pk=person.pk).update(name="Anna Berg")  # no signal: still cached
    assert "Anna Andersson" in client.get("/om-oss/").content.decode()
    person.refresh_from_db()
    person.save()

    assert "Anna Berg" in client.get("/om-oss/").content.decode()


def test_a_changed_footer_setting_shows_at_once(client, about, site):
    client.get("/om-oss/")
    footer = FooterSettings.for_site(site)
    footer.address = "Box 1, 111 11 Stockholm"
    footer.save()

    assert "Box 1, 111 11 Stockholm" in client.get("/om-oss/").content.decode()


def test_making_a_page_private_drops_the_public_copy(client, about):
    client.get("/om-oss/")

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/om-oss/")
    assert response.status_code == 302
    assert "private" in response["Cache-Control"]


def test_the_password_form_of_a_private_page_is_never_stored(client, about):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="hemligt")

    first = client.get("/om-oss/")
    second = client.get("/om-oss/")

    assert "private" in first["Cache-Control"]
    assert "X-Page-Cache" not in second


def test_editors_are_never_served_from_or_stored_in_the_cache(client, about, editor):
    client.get("/om-oss/")
    client.force_login(editor)

    response = client.get("/om-oss/")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_page_an_editor_sees_is_not_stored_for_visitors(client, about, editor):
    client.force_login(editor)
    client.get("/om-oss/")
    client.logout()
    client.cookies.clear()

    assert client.get("/om-oss/")["X-Page-Cache"] == "miss"


def test_a_draft_preview_is_private_and_not_shown_to_visitors(client, about, editor):
    client.get("/om-oss/")
    about.title = "Utkast som inte är publicerat"
    about.save_revision()
    client.force_login(editor)

    preview = client.get(f"/admin/pages/{about.pk}/view_draft/")

    assert "Utkast som inte är publicerat" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    assert "no-cache" in preview["Cache-Control"] or "no-store" in preview["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert "Utkast som inte är publicerat" not in client.get("/om-oss/").content.decode()


def test_urls_with_a_query_string_are_never_cached(client, about):
    client.get("/om-oss/?tack=abc")
    response = client.get("/om-oss/?tack=abc")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_newsletter_link_with_campaign_parameters_is_served_from_the_cache(client, about, django_assert_num_queries):
    plain = client.get("/om-oss/")

    with django_assert_num_queries(0):
        campaign = client.get("/om-oss/?utm_source=nyhetsbrev&utm_medium=e-post&utm_campaign=december")

    assert campaign["X-Page-Cache"] == "hit"
    assert campaign.content == plain.content
    assert "public" in campaign["Cache-Control"]


def test_the_first_visit_from_a_campaign_link_stores_the_plain_page(client, about):
    first = client.get("/om-oss/?fbclid=IwAR0abc&utm_source=facebook")

    assert first["X-Page-Cache"] == "miss"
    assert "fbclid" not in first.content.decode()
    assert "utm_source" not in first.content.decode()
    assert client.get("/om-oss/")["X-Page-Cache"] == "hit"


def test_other_parameters_beside_campaign_parameters_still_bypass_the_cache(client, about):
    client.get("/om-oss/?tack=abc&utm_source=nyhetsbrev")
    response = client.get("/om-oss/?tack=abc&utm_source=nyhetsbrev")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_listing_filter_works_with_campaign_parameters_beside_it(client, home_page):
    index = KnowledgeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    KnowledgePageFactory(parent=index, title="Kjell ringer en digitaliseringsdirektör").save_revision().publish()

    response = client.get(f"{index.url}?sida=1&utm_campaign=december")

    assert response.status_code == 200
    assert "Kjell ringer en digitaliseringsdirektör" in response.content.decode()
    assert "utm_campaign" not in response.content.decode()


def test_the_campaign_parameters_to_drop_can_be_configured(client, about, settings):
    settings.PAGE_CACHE_IGNORED_PARAMS = ["nyhetsbrev_id"]
    client.get("/om-oss/")

    assert client.get("/om-oss/?nyhetsbrev_id=42")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/om-oss/?fbclid=IwAR0abc")


@pytest.mark.parametrize("path", ["/admin/login/", "/healthz"])
def test_the_admin_and_health_check_are_not_cached(client, path):
    client.get(path)
    response = client.get(path)

    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_public_pages_tell_a_cdn_how_long_to_keep_them(client, about, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 60
    settings.PAGE_CACHE_STALE_SECONDS = 30

    cache_control = {part.strip() for part in client.get("/om-oss/")["Cache-Control"].split(",")}

    assert cache_control == {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"}


def test_a_post_answer_is_no_store(client, about):
    response = client.post("/om-oss/")

    assert "no-store" in response["Cache-Control"]
    assert client.get("/om-oss/")["X-Page-Cache"] == "miss"


def test_the_cache_can_be_switched_off(client, about, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/om-oss/")

    assert "X-Page-Cache" not in client.get("/om-oss/")


def test_a_notice_opens_on_time_although_the_page_was_cached(client, about):
    now = timezone.now()
    SiteNotice.objects.create(message="Planerat underhåll i kväll", starts_at=now + dt.timedelta(minutes=2))
    with time_machine.travel(now, tick=False):
        response = client.get("/om-oss/")
        assert "Planerat underhåll i kväll" not in response.content.decode()
        assert "s-maxage=60" in response["Cache-Control"]
        assert client.get("/om-oss/")["X-Page-Cache"] == "hit"

    with time_machine.travel(now + dt.timedelta(minutes=2, seconds=1), tick=False):
        assert "Planerat underhåll i kväll" in client.get("/om-oss/").content.decode()


def test_a_notice_closes_on_time_and_the_cdn_is_told(client, about):
    now = timezone.now()
    SiteNoticeFactory(message="Webbinariet är flyttat", starts_at=None, ends_at=now + dt.timedelta(seconds=20))
    with time_machine.travel(now, tick=False):
        response = client.get("/om-oss/")
        assert "Webbinariet är flyttat" in response.content.decode()
        assert "s-maxage=20" in response["Cache-Control"]

    with time_machine.travel(now + dt.timedelta(seconds=21), tick=False):
        assert "Webbinariet är flyttat" not in client.get("/om-oss/").content.decode()


REDIS_DOWN = {
    "default": {
        "BACKEND": "core.caching.backends.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    },
    "axes": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "axes-tests"},
}


def test_pages_render_uncached_when_redis_is_down(client, about, caplog):
    caplog.set_level(logging.WARNING, logger="core.caching")
    with override_settings(CACHES=REDIS_DOWN, PAGE_CACHE_ALIAS="default"):
        first = client.get("/om-oss/")
        second = client.get("/om-oss/")

    assert first.status_code == second.status_code == 200
    assert "<h1>Om oss</h1>" in second.content.decode()
    assert second["X-Page-Cache"] == "miss"
    assert "public" in second["Cache-Control"]
    assert "Redis cache unreachable" in caplog.text


def test_a_publish_while_redis_is_down_is_not_lost(client, about):
    client.get("/om-oss/")
    with override_settings(CACHES=REDIS_DOWN, PAGE_CACHE_ALIAS="default"):
        about.title = "Om föreningen"
        about.save_revision().publish()

    assert Page.objects.get(pk=about.pk).title == "Om föreningen"
    # The cache that held the old page is back: the generation, kept in the database, has moved on.
    assert "<h1>Om föreningen</h1>" in client.get("/om-oss/").content.decode()


def test_the_calendar_feed_is_kept_like_a_page_until_the_next_change(client, home_page, django_assert_num_queries):
    from tests.events.factories import ConferencePageFactory, EventIndexPageFactory

    index = EventIndexPageFactory(parent=home_page)
    ConferencePageFactory(parent=index, title="Kommande", start=timezone.now() + dt.timedelta(days=30))
    first = client.get(index.feed_url)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(index.feed_url)

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    added = ConferencePageFactory(parent=index, title="Nytillkommen", start=timezone.now() + dt.timedelta(days=40))
    added.save_revision().publish()
    assert "Nytillkommen" in client.get(index.feed_url).content.decode()


def test_the_sitemap_index_and_every_page_of_a_section_are_kept_until_the_next_change(client, about, monkeypatch):
    from home.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 1)
    for url in ("/sitemap.xml", "/sitemap-sidor.xml", "/sitemap-sidor.xml?p=2"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get("/sitemap-sidor.xml?p=2").content != client.get("/sitemap-sidor.xml").content
    about.title = "Om föreningen"
    about.save_revision().publish()
    assert client.get("/sitemap-sidor.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-sidor.xml?p=2")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("query", ["p=02", "p=2&x=1", "x=1", "p=0", "p=1234567"])
def test_only_a_plain_page_number_of_a_sitemap_section_is_kept(client, about, query):
    # Any other query string would add keys without adding pages.
    client.get(f"/sitemap-sidor.xml?{query}")
    again = client.get(f"/sitemap-sidor.xml?{query}")
    assert "X-Page-Cache" not in again
    assert "private" in again["Cache-Control"]


def test_a_page_number_elsewhere_is_not_kept(client, about):
    client.get("/om-oss/?p=2")
    again = client.get("/om-oss/?p=2")
    assert "X-Page-Cache" not in again
    assert "private" in again["Cache-Control"]


def test_a_browser_that_accepts_gzip_gets_the_stored_page_gzipped_on_a_miss_and_on_a_hit(client, about):
    plain = client.get("/om-oss/").content  # the miss stores the page, plain and gzipped

    response = client.get("/om-oss/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert int(response["Content-Length"]) == len(response.content) < len(plain) / 2
    assert gzip.decompress(response.content) == plain
    assert "Accept-Encoding" in response["Vary"]

    without = client.get("/om-oss/")
    assert without["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in without
    assert without.content == plain
    assert int(without["Content-Length"]) == len(plain)
    assert "Accept-Encoding" in without["Vary"]  # a CDN keeps the two answers apart


def test_the_first_visitor_who_accepts_gzip_gets_it_too(client, about):
    miss = client.get("/om-oss/", HTTP_ACCEPT_ENCODING="gzip")
    assert miss["X-Page-Cache"] == "miss"
    assert miss["Content-Encoding"] == "gzip"
    assert "<h1>Om oss</h1>" in gzip.decompress(miss.content).decode()
    # What was stored is the plain page, served as such to a client without gzip.
    assert "<h1>Om oss</h1>" in client.get("/om-oss/").content.decode()


def test_a_page_stored_by_an_earlier_version_is_a_miss_not_an_error(client, about):
    from core.caching.generation import current_generation, page_cache
    from core.caching.middleware import PageCacheMiddleware

    client.get("/om-oss/")
    key = PageCacheMiddleware.cache_key(client.get("/om-oss/").wsgi_request)
    old_shape = (current_generation(), 2**40, 200, [("Content-Type", "text/html")], b"gammal")
    page_cache().set(key, old_shape, 60)

    response = client.get("/om-oss/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert "<h1>Om oss</h1>" in response.content.decode()
