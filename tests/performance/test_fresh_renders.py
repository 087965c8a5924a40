"""A change shows on the next render that is not served from the page cache: pages, the chrome
that templates keep as fragments for the cache generation (menu, breadcrumbs, feed links, footer,
Kontakt), people, private sections and notices are never shown out of date."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.models import FooterSettings, Person, SiteNotice, SiteText
from knowledge.models import KnowledgePage
from tests.core.factories import PersonFactory, TopicFactory
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory
from tests.pages import BREADCRUMBS, MENU, part

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def about(home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_a_renamed_page_answers_at_its_new_address_only(client, about):
    client.get("/om-oss/")

    about.slug = "om-foreningen"
    about.title = "Om föreningen"
    about.save_revision().publish()

    assert "<h1>Om föreningen</h1>" in client.get("/om-foreningen/").content.decode()
    # Published outside the admin, so no redirect is made: the old address is simply gone.
    assert client.get("/om-oss/").status_code == 404


def test_an_unpublished_page_is_gone_on_the_next_request(client, about):
    client.get("/om-oss/")

    about.unpublish()

    assert client.get("/om-oss/").status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, home_page, about):
    parent = ContentPageFactory(parent=home_page, title="Föreningen", slug="foreningen")
    parent.save_revision().publish()
    client.get("/om-oss/")

    Page.objects.get(pk=about.pk).move(Page.objects.get(pk=parent.pk), pos="last-child")

    assert client.get("/foreningen/om-oss/").status_code == 200
    assert client.get("/om-oss/").status_code == 301


def test_a_page_published_where_a_visitor_found_nothing_is_found(client, home_page):
    assert client.get("/nyheter/").status_code == 404

    ContentPageFactory(parent=home_page, title="Nyheter", slug="nyheter").save_revision().publish()

    assert client.get("/nyheter/").status_code == 200


def test_a_page_made_private_after_a_visit_asks_for_a_login(client, about):
    client.get("/om-oss/")

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/om-oss/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_private_page_leaves_listings_and_comes_back_when_public(client, home_page):
    index = KnowledgeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    article = KnowledgePageFactory(parent=index, title="Intern genomgång")
    article.save_revision().publish()
    assert "Intern genomgång" in client.get(index.url).content.decode()

    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert "Intern genomgång" not in client.get(index.url).content.decode()

    restriction.delete()
    assert "Intern genomgång" in client.get(index.url).content.decode()


def test_feeds_below_a_listing_are_still_routed(client, home_page):
    index = KnowledgeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    client.get(index.url)

    feed = client.get(index.url + "rss/")

    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/rss+xml")


def test_the_menu_follows_renamed_new_unpublished_and_private_pages(client, home_page, about):
    news = ContentPageFactory(parent=home_page, title="Nyheter", slug="nyheter", show_in_menus=True)
    news.save_revision().publish()
    assert "Nyheter" in part(client.get("/om-oss/"), MENU)

    news.title = "Aktuellt"
    news.save_revision().publish()
    assert "Aktuellt" in part(client.get("/om-oss/"), MENU)

    ContentPageFactory(parent=home_page, title="Jobba hos oss", show_in_menus=True).save_revision().publish()
    assert "Jobba hos oss" in part(client.get("/om-oss/"), MENU)

    Page.objects.get(pk=news.pk).unpublish()
    assert "Aktuellt" not in part(client.get("/om-oss/"), MENU)

    jobs = Page.objects.get(title="Jobba hos oss")
    PageViewRestriction.objects.create(page=jobs, restriction_type=PageViewRestriction.LOGIN)
    assert "Jobba hos oss" not in part(client.get("/om-oss/"), MENU)


def test_breadcrumbs_follow_a_renamed_parent_and_a_move(client, home_page, about):
    board = ContentPageFactory(parent=about, title="Styrelsen", slug="styrelsen")
    board.save_revision().publish()
    assert "Om oss" in part(client.get("/om-oss/styrelsen/"), BREADCRUMBS)

    about.title = "Om föreningen"
    about.save_revision().publish()
    assert "Om föreningen" in part(client.get("/om-oss/styrelsen/"), BREADCRUMBS)

    association = ContentPageFactory(parent=home_page, title="Föreningen", slug="foreningen")
    association.save_revision().publish()
    Page.objects.get(pk=board.pk).move(Page.objects.get(pk=association.pk), pos="last-child")
    crumbs = part(client.get("/foreningen/styrelsen/"), BREADCRUMBS)
    assert "Föreningen" in crumbs
    assert "Om föreningen" not in crumbs


def test_feed_links_follow_the_listing_they_point_to(client, home_page, about):
    assert "application/rss+xml" not in part(client.get("/om-oss/"), "head")

    index = KnowledgeIndexPageFactory(parent=home_page, title="Kunskap")
    index.save_revision().publish()
    assert 'title="Kunskap (RSS)"' in part(client.get("/om-oss/"), "head")

    index.title = "Kunskapsbanken"
    index.save_revision().publish()
    assert 'title="Kunskapsbanken (RSS)"' in part(client.get("/om-oss/"), "head")

    Page.objects.get(pk=index.pk).unpublish()
    assert "application/rss+xml" not in part(client.get("/om-oss/"), "head")


def test_a_renamed_person_shows_on_the_next_uncached_render(client, about):
    person = PersonFactory(name="Anna Andersson")
    about.contacts = [("contact", {"people": [person], "heading": "Kontakt"})]
    about.save_revision().publish()
    assert "Anna Andersson" in client.get("/om-oss/").content.decode()

    person.name = "Anna Berg"
    person.save()

    assert "Anna Berg" in client.get("/om-oss/").content.decode()


def test_a_deleted_person_disappears_from_the_contact_box(client, about):
    person = PersonFactory(name="Anna Andersson")
    about.contacts = [("contact", {"people": [person], "heading": "Kontakt"})]
    about.save_revision().publish()
    client.get("/om-oss/")

    Person.objects.get(pk=person.pk).delete()

    response = client.get("/om-oss/")
    assert response.status_code == 200
    assert "Anna Andersson" not in response.content.decode()


def test_footer_and_kontakt_changes_show_on_the_next_render(client, about, site):
    client.get("/om-oss/")

    footer = FooterSettings.for_site(site)
    footer.phone = "08-000 00 00"
    footer.save()
    SiteText.objects.create(
        organisation_name="Föreningen Kommuner och regioner i Sverige",
        contact_heading="Fråga oss",
        contact_body="<p>Ring växeln.</p>",
    )

    content = client.get("/om-oss/").content.decode()
    assert "08-000 00 00" in content
    assert "Föreningen Kommuner och regioner i Sverige" in content
    assert "Fråga oss" in content


def test_a_notice_window_opens_and_closes_on_time_without_any_change(client, about):
    now = timezone.now()
    SiteNotice.objects.create(
        message="Planerat underhåll i kväll",
        starts_at=now + dt.timedelta(minutes=2),
        ends_at=now + dt.timedelta(minutes=5),
    )

    with time_machine.travel(now, tick=False):
        assert "Planerat underhåll i kväll" not in client.get("/om-oss/").content.decode()
    with time_machine.travel(now + dt.timedelta(minutes=3), tick=False):
        assert "Planerat underhåll i kväll" in client.get("/om-oss/").content.decode()
    with time_machine.travel(now + dt.timedelta(minutes=6), tick=False):
        assert "Planerat underhåll i kväll" not in client.get("/om-oss/").content.decode()


def test_a_preview_shows_the_drafts_topics_not_the_published_ones(client, home_page):
    index = KnowledgeIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    article = KnowledgePageFactory(parent=index, title="Digitala tjänster")
    article.topics = [TopicFactory(name="Digitalisering")]
    article.save_revision().publish()
    assert "Digitalisering" in client.get(article.url).content.decode()

    draft = KnowledgePage.objects.get(pk=article.pk)
    draft.topics = [TopicFactory(name="Välfärdsteknik")]
    preview = draft.save_revision().as_object().make_preview_request()

    assert "Välfärdsteknik" in preview.content.decode()
