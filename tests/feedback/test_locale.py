"""Answers record the language of the page they were given on, and the report counts each language apart."""

import pytest
from wagtail.models import Locale

from core.translation import translate
from feedback.models import FeedbackResponse
from tests.feedback.factories import FeedbackResponseFactory
from tests.feedback.test_reports import REPORT, cells
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    translate(home_page, "en", {"home": "home-en"})
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    return about, translate(about, "en", {"Om oss": "About us", "om-oss": "about-us"})


def test_an_answer_records_the_language_of_its_page(client, pages):
    _about, about_en = pages
    client.post("/aterkoppling/", {"page": about_en.pk, "svar": "ja"}, HTTP_ORIGIN="http://testserver")
    (answer,) = FeedbackResponse.objects.all()
    assert answer.locale.language_code == "en"


def test_the_report_filters_by_language(admin_client, pages):
    about, about_en = pages
    FeedbackResponseFactory(page=about, locale=about.locale, helpful=False)
    FeedbackResponseFactory(page=about_en, locale=about_en.locale, helpful=True)
    english = Locale.objects.get(language_code="en")

    html = admin_client.get(REPORT, {"locale": english.pk}).content.decode()

    assert cells(html, "About us")[1:4] == ["1", "0", "1"]
    assert "Om oss" not in html
    assert "Om oss" in admin_client.get(REPORT).content.decode()
