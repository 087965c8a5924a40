"""The demo builder gives each demo page a few answers, once."""

import datetime as dt

import pytest

from feedback import demo
from feedback.models import FeedbackResponse
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


class Context:
    def __init__(self, home, pages):
        self.home = home
        self.today = dt.date(2026, 3, 2)
        self.pages = pages


def test_demo_answers_go_to_pages_with_the_widget_and_only_once(home_page):
    about = ContentPageFactory(parent=home_page, slug="om-oss")
    quiet = ContentPageFactory(parent=home_page, slug="tyst", show_feedback=False)
    draft = ContentPageFactory(parent=home_page, slug="utkast", live=False)
    ctx = Context(home_page, {"om-oss": about, "tyst": quiet, "utkast": draft, "start": home_page})

    demo.build(ctx)
    first = FeedbackResponse.objects.count()
    demo.build(ctx)

    assert first == FeedbackResponse.objects.count() > 0
    assert set(FeedbackResponse.objects.values_list("page_id", flat=True)) == {about.pk}
    answers = FeedbackResponse.objects.filter(page=about)
    assert answers.filter(helpful=True).exists() and answers.filter(helpful=False).exists()
    assert answers.with_comment().exists()
    assert not answers.filter(helpful=True).with_comment().exists()
