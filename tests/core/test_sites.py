"""The site's start page in the reader's language: the translation only when it is live."""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from core.sites import site_root
from core.translation import translate
from tests.home.factories import ContentPageFactory
from tests.pages import part

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home_page):
    return translate(home_page, "en", {"Startsida": "Home", "home": "home-en"})


def test_the_start_page_in_english_is_its_live_translation(home_page, english_home):
    request = RequestFactory().get("/en/")
    english = Locale.objects.get(language_code="en")

    assert site_root(request, english).pk == english_home.pk
    assert site_root(request, english.pk).pk == english_home.pk
    assert site_root(request, home_page.locale).pk == home_page.pk


def test_an_unpublished_translation_of_the_start_page_is_never_chosen(home_page, english_home):
    english_home.unpublish()
    request = RequestFactory().get("/en/")

    assert site_root(request, Locale.objects.get(language_code="en")).pk == home_page.pk


def test_the_menu_of_an_english_page_under_an_unpublished_start_page_leads_to_the_live_one(home_page, english_home):
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss", show_in_menus=True)
    about_en = translate(about, "en", {"Om oss": "About us", "om-oss": "about-us"})
    english_home.unpublish()

    menu = part(about_en.make_preview_request().content.decode(), "nav#main-menu")

    assert f'href="{home_page.url}"' in menu
    assert f'href="{english_home.url}"' not in menu
