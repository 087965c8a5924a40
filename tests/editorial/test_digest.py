"""Specification: each week every page owner with news gets one e-mail (new Nej comments, pages due for
review, links to pages that changed), owners without news get none, and the opt-out is respected."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from core.models import LinkAlert, LinkChange
from editorial.digest import send_owner_digests
from editorial.models import EditorPreferences
from feedback.models import FeedbackState
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.servers import SmtpSink

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 4, 12, 6, tzinfo=dt.UTC)
TODAY = dt.date(2027, 4, 12)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def owners(home_page, communicator, publisher, django_user_model):
    quiet = django_user_model.objects.create_user("tyst", "tyst@example.se", "ett-langt-losenord")
    commented = ContentPageFactory(
        parent=home_page, title="Bygglov", owner=communicator, review_due=TODAY + dt.timedelta(days=200)
    )
    due = ContentPageFactory(
        parent=home_page, title="Avgifter", owner=publisher, review_due=TODAY - dt.timedelta(days=2)
    )
    ContentPageFactory(parent=home_page, title="Lugn sida", owner=quiet, review_due=TODAY + dt.timedelta(days=200))
    FeedbackResponseFactory(page=commented, helpful=False, comment="Var finns blanketten?")
    FeedbackResponseFactory(page=commented, helpful=False, comment="Gammal", created_at=NOW - dt.timedelta(days=9))
    FeedbackResponseFactory(page=commented, helpful=False, comment="Skräp", state=FeedbackState.SPAM)
    LinkAlert.objects.create(page=due, target_id=999, target_title="Taxor 2026", change=LinkChange.UNPUBLISHED)
    return {"commented": commented, "due": due}


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_owner_with_news_gets_one_digest_and_owners_without_news_none(owners):
    assert send_owner_digests() == 2
    messages = by_recipient()
    assert set(messages) == {"kommunikator@example.se", "publicist@example.se"}
    comments = messages["kommunikator@example.se"].body
    assert "Bygglov: 1 ny kommentar" in comments
    assert "http://testserver/admin/reports/kommentarer/?state=new&page_title=Bygglov" in comments
    assert "SIDOR ATT GRANSKA" not in comments
    review = messages["publicist@example.se"].body
    assert "Avgifter: granskas senast 2027-04-10 (försenad)" in review
    assert f"http://testserver{reverse('wagtailadmin_pages:edit', args=[owners['due'].pk])}" in review
    assert "Avgifter länkar till ”Taxor 2026”, som avpublicerades." in review
    assert "NYA NEJ-KOMMENTARER" not in review


def test_an_owner_who_opted_out_gets_nothing(owners, communicator):
    EditorPreferences.objects.create(user=communicator, owner_digest=False)
    send_owner_digests()
    assert set(by_recipient()) == {"publicist@example.se"}


def test_the_opt_out_is_in_the_account_settings(client_for, communicator):
    client = client_for(communicator)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Veckobrev om mina sidor" in page
    data = {"owner_digest-owner_digest": ""}
    for prefix, value in (
        ("name_email-first_name", "Kim"),
        ("name_email-last_name", "K"),
        ("name_email-email", "kommunikator@example.se"),
        ("locale-preferred_language", "sv"),
        ("locale-current_time_zone", "Europe/Stockholm"),
        ("theme-theme", "system"),
        ("theme-density", "default"),
        ("theme-contrast", "system"),
        ("theme-keyboard_shortcuts", "on"),
    ):
        data[prefix] = value
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert EditorPreferences.objects.get(user=communicator).owner_digest is False


def test_the_digest_is_a_weekly_job_of_the_worker(settings):
    jobs = {name: (seconds, target) for name, seconds, target in settings.PERIODIC_JOBS}
    assert jobs["owner_digests"] == (7 * 24 * 3600, "editorial.digest.send_owner_digests")


def test_the_digest_goes_through_the_queue_to_a_real_mail_server(owners):
    sink = SmtpSink()
    try:
        with override_settings(
            EMAIL_BACKEND="core.mail.QueuedEmailBackend",
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=sink.port,
        ):
            send_owner_digests()
        message = sink.wait_for(lambda message: message["To"] == "kommunikator@example.se", timeout=10)
    finally:
        sink.stop()
    assert message["Subject"] == "Veckobrev: dina sidor på webbplatsen"
    assert "Bygglov: 1 ny kommentar" in message.get_content()


def test_held_broadcasts_without_a_recording_reach_the_owner_after_the_grace_period(home_page, communicator):
    series = SeminarSeriesPageFactory(parent=home_page, title="Svåra beslut", owner=communicator)
    series.parts = [
        SeminarPartFactory.build(date=TODAY - dt.timedelta(days=20), theme="Utan inspelning"),
        SeminarPartFactory.build(date=TODAY - dt.timedelta(days=3), theme="Nyss sänd"),
    ]
    series.save()

    send_owner_digests()

    body = by_recipient()[communicator.email].body
    assert "SÄNDNINGAR SOM SAKNAR INSPELNING ELLER UNDERTEXTER" in body
    assert "Svåra beslut: Utan inspelning" in body
    assert "saknar inspelning" in body
    assert "Nyss sänd" not in body  # still within the grace period
