"""Specification: editors triage comments (ny, hanterad, skräp) with a note; spam leaves the figures; each
comment shows the page version it was given on, one click from Wagtail's comparison."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from feedback.models import FeedbackResponse, FeedbackState
from tests.feedback.factories import FeedbackResponseFactory
from tests.feedback.test_reports import make_user
from tests.home.factories import ContentPageFactory
from tests.pages import table_rows

pytestmark = pytest.mark.django_db

COMMENTS = "/admin/reports/kommentarer/"
REPORT = "/admin/reports/aterkoppling/"


def communicator(username):
    user = make_user(username)
    user.groups.add(Group.objects.get(name="Kommunikatörer"))
    return user


@pytest.fixture
def pages(home_page):
    anna, bo = communicator("anna"), communicator("bo")
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss", owner=anna)
    contact = ContentPageFactory(parent=home_page, title="Kontakt", slug="kontakt", owner=bo)
    return {"anna": anna, "bo": bo, "about": about, "contact": contact}


@pytest.fixture
def comments(pages):
    now = timezone.now()
    return {
        "new": FeedbackResponseFactory(page=pages["about"], helpful=False, comment="Adressen saknas", created_at=now),
        "handled": FeedbackResponseFactory(
            page=pages["about"], helpful=False, comment="Fel telefonnummer", state=FeedbackState.HANDLED, note="Rättat"
        ),
        "spam": FeedbackResponseFactory(
            page=pages["contact"], helpful=False, comment="Köp billiga klockor", state=FeedbackState.SPAM
        ),
        "old": FeedbackResponseFactory(
            page=pages["contact"], helpful=False, comment="Öppettider?", created_at=now - dt.timedelta(days=60)
        ),
    }


def comment_texts(response):
    return {row[3] for row in table_rows(response.content.decode())}


def test_a_new_comment_is_new(pages):
    assert FeedbackResponseFactory(page=pages["about"], helpful=False, comment="x").state == FeedbackState.NEW


def test_the_comment_list_filters_by_state(admin_client, comments):
    assert comment_texts(admin_client.get(COMMENTS, {"state": "new"})) == {"Adressen saknas", "Öppettider?"}
    assert comment_texts(admin_client.get(COMMENTS, {"state": "handled"})) == {"Fel telefonnummer"}
    assert comment_texts(admin_client.get(COMMENTS, {"state": "spam"})) == {"Köp billiga klockor"}


def test_the_comment_list_filters_by_page_owner_and_date(admin_client, comments, pages):
    assert comment_texts(admin_client.get(COMMENTS, {"page_title": "kontakt"})) == {
        "Köp billiga klockor",
        "Öppettider?",
    }
    assert comment_texts(admin_client.get(COMMENTS, {"owner": pages["anna"].pk})) == {
        "Adressen saknas",
        "Fel telefonnummer",
    }
    since = (timezone.localdate() - dt.timedelta(days=30)).isoformat()
    assert "Öppettider?" not in comment_texts(admin_client.get(COMMENTS, {"period_from": since}))


def test_spam_is_left_out_of_the_figures(admin_client, pages):
    FeedbackResponseFactory(page=pages["contact"], helpful=True)
    spam = FeedbackResponseFactory(page=pages["contact"], helpful=False, comment="Reklam")
    row = next(row for row in table_rows(admin_client.get(REPORT).content.decode()) if row[0] == "Kontakt")
    assert row[1:4] == ["1", "1", "2"]
    spam.state = FeedbackState.SPAM
    spam.save()
    row = next(row for row in table_rows(admin_client.get(REPORT).content.decode()) if row[0] == "Kontakt")
    assert row[1:4] == ["1", "0", "1"]
    assert FeedbackResponse.objects.counted().filter(page=pages["contact"]).summary()["share"] == 100


def test_an_owner_marks_a_comment_handled_with_a_note(client, comments, pages):
    client.force_login(pages["anna"])
    url = reverse("feedback_responses:edit", args=[comments["new"].pk])
    form = client.get(url)
    assert form.status_code == 200
    assert "Adressen saknas" in form.content.decode()
    response = client.post(url + "?next=" + COMMENTS, {"state": "handled", "note": "Adressen tillagd"})
    assert response.status_code == 302 and response["Location"] == COMMENTS
    comments["new"].refresh_from_db()
    assert (comments["new"].state, comments["new"].note) == ("handled", "Adressen tillagd")
    assert comments["new"].comment == "Adressen saknas"


def test_an_owner_reads_and_triages_only_the_comments_on_their_own_pages(client, comments, pages):
    client.force_login(pages["anna"])
    assert comment_texts(client.get(COMMENTS)) == {"Adressen saknas", "Fel telefonnummer"}
    other = reverse("feedback_responses:edit", args=[comments["old"].pk])
    refused = client.post(other, {"state": "spam", "note": ""})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"
    comments["old"].refresh_from_db()
    assert comments["old"].state == FeedbackState.NEW
    assert client.get(reverse("feedback_page_report", args=[pages["contact"].pk])).status_code == 302
    assert client.get(reverse("feedback_page_report", args=[pages["about"].pk])).status_code == 200
    # The site-wide report stays with those who may read all feedback.
    assert client.get(REPORT).status_code in (302, 403)


def test_a_comment_shows_its_version_and_links_to_the_comparison(admin_client, pages):
    page = pages["about"]
    first = page.save_revision()
    first.publish()
    answer = FeedbackResponseFactory(page=page, revision=first, helpful=False, comment="Otydligt")
    page.intro = "Ny ingress"
    page.save_revision().publish()
    html = admin_client.get(COMMENTS).content.decode()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, str(first.pk), "live"])
    assert f'href="{compare}"' in html
    assert "Jämför med nuvarande version" in html
    assert answer.revision.created_at.strftime("%Y-%m-%d") in html
