"""The base layout every visitor sees: language, skip link, landmarks, menu, footer."""

import pytest
from django.test import Client
from wagtail.models import Site

from core.models import FooterSettings, SiteText
from tests.home.factories import ContentPageFactory
from tests.pages import BREADCRUMBS, MENU, part

pytestmark = pytest.mark.django_db


def test_home_page_has_language_skip_link_and_landmarks(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="sv">' in html
    assert '<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>' in html
    assert '<main id="main"' in html
    assert '<header class="site-header">' in html
    assert '<footer class="site-footer">' in html
    assert 'aria-label="Huvudmeny"' in html


def test_footer_shows_the_organisation_and_the_required_pages(client, home_page, site):
    accessibility = ContentPageFactory(parent=home_page, title="Tillgänglighetsredogörelse", slug="tillganglighet")
    privacy = ContentPageFactory(parent=home_page, title="Personuppgifter", slug="personuppgifter")
    FooterSettings.objects.update_or_create(
        site=site,
        defaults={
            "address": "Hornsgatan 20\n118 82 Stockholm",
            "phone": "08-452 70 00",
            "accessibility_page": accessibility,
            "privacy_page": privacy,
        },
    )
    SiteText.objects.create(organisation_name="Sveriges Kommuner och Regioner")
    html = client.get(privacy.url).content.decode()
    assert "Sveriges Kommuner och Regioner" in html
    assert "Hornsgatan 20<br>118 82 Stockholm" in html
    assert f'href="{accessibility.url}">Tillgänglighetsredogörelse</a>' in html
    assert f'href="{privacy.url}">Personuppgifter</a>' in html


def test_menu_lists_only_pages_marked_show_in_menus(client, home_page):
    ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss", show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Hemlig", slug="hemlig", show_in_menus=False)
    html = client.get("/").content.decode()
    menu = part(html, MENU)
    assert "Om oss" in menu
    assert "Hemlig" not in menu


def test_current_section_is_marked_in_the_menu(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss", show_in_menus=True)
    html = client.get(about.url).content.decode()
    assert f'<a href="{about.url}" aria-current="page">Om oss</a>' in html


def test_breadcrumbs_lead_from_home_to_the_page(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    child = ContentPageFactory(parent=about, title="Styrelsen", slug="styrelsen")
    html = client.get(child.url).content.decode()
    crumbs = part(html, BREADCRUMBS)
    assert '<a href="/">Start</a>' in crumbs
    assert f'<a href="{about.url}">Om oss</a>' in crumbs
    assert '<span aria-current="page">Styrelsen</span>' in crumbs
    assert 'aria-label="Brödsmulor"' not in client.get("/").content.decode()


def test_every_page_marks_its_own_place_in_the_menu_though_the_menu_is_kept_between_renders(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss", show_in_menus=True)
    board = ContentPageFactory(parent=about, title="Styrelsen", slug="styrelsen")
    staff = ContentPageFactory(parent=about, title="Kansliet", slug="kansliet")
    news = ContentPageFactory(parent=home_page, title="Nyheter", slug="nyheter", show_in_menus=True)

    expected = {
        about.url: f'<a href="{about.url}" aria-current="page">Om oss</a>',
        board.url: f'<a href="{about.url}" aria-current="true">Om oss</a>',
        staff.url: f'<a href="{about.url}" aria-current="true">Om oss</a>',
        news.url: f'<a href="{news.url}" aria-current="page">Nyheter</a>',
        "/": '<a href="/" aria-current="page">Start</a>',
    }
    for _ in range(2):
        for url, marked in expected.items():
            menu = part(client.get(url), MENU)
            assert marked in menu, url
            assert menu.count("aria-current") == 1, url
    assert "aria-current" not in part(client.get("/sok/"), MENU)


def test_breadcrumbs_are_each_pages_own(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    ContentPageFactory(parent=about, title="Styrelsen", slug="styrelsen")
    ContentPageFactory(parent=about, title="Kansliet", slug="kansliet")

    for _ in range(2):
        assert '<span aria-current="page">Styrelsen</span>' in client.get("/om-oss/styrelsen/").content.decode()
        assert '<span aria-current="page">Kansliet</span>' in client.get("/om-oss/kansliet/").content.decode()


def test_a_preview_shows_the_drafts_title_in_its_breadcrumbs(home_page, settings):
    # Only the fragments are under test: a preview request made without a session is a page cache hit.
    settings.PAGE_CACHE_ENABLED = False
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    board = ContentPageFactory(parent=about, title="Styrelsen", slug="styrelsen")
    board.save_revision().publish()
    # The host Wagtail gives a preview's request, so that a visit and the preview share fragments.
    visit = Client(HTTP_HOST="localhost")
    assert '<span aria-current="page">Styrelsen</span>' in visit.get(board.url).content.decode()

    draft = type(board).objects.get(pk=board.pk)
    draft.title = "Styrelsen 2027"
    preview = draft.make_preview_request().content.decode()

    assert '<span aria-current="page">Styrelsen 2027</span>' in preview
    assert '<span aria-current="page">Styrelsen</span>' in visit.get(board.url).content.decode()


def test_site_contact_box_shows_unless_the_page_turns_it_off(client, home_page, site):
    SiteText.objects.create(
        contact_heading="Kontakt", contact_body="<p>Har du en fråga med anledning av virusutbrottet?</p>"
    )
    shown = ContentPageFactory(parent=home_page, slug="med")
    hidden = ContentPageFactory(parent=home_page, slug="utan", show_site_contact=False)
    assert "Har du en fråga med anledning av virusutbrottet?" in client.get(shown.url).content.decode()
    assert "Har du en fråga med anledning av virusutbrottet?" not in client.get(hidden.url).content.decode()


def test_unknown_url_gets_the_swedish_404(client, home_page):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html
    assert '<html lang="sv">' in html


def test_error_pages_render_without_the_database(django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        not_found = render_to_string("404.html", {"request_path": "/x/"})
        server_error = render_to_string("500.html")
    assert "Sidan hittades inte" in not_found
    assert "Något gick fel" in server_error


def test_server_error_answers_500_in_swedish(home_page, settings):
    settings.DEBUG = False
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_unknown_host_still_gets_the_default_site(home_page):
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get("/").status_code == 200
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
