"""An administrator can delete anything the admin lists, and see where it is used first: registrations
(an erasure request), feedback answers, people, topics and notices. Clicked through as a superuser."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.models import ModelLogEntry

from core.models import Person, SiteNotice, Topic
from feedback.models import FeedbackResponse
from registrations.models import Registration, Status
from tests.core.factories import PersonFactory, SiteNoticeFactory, TopicFactory
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def links(html):
    return set(re.findall(r'href="(/admin/[^"]+)"', html))


def click_through_delete(client, listing_url, obj):
    """From the listing, follow the object's delete link, look at its usage, and confirm."""
    listing = client.get(listing_url)
    assert listing.status_code == 200
    (delete_url,) = [url for url in links(listing.content.decode()) if re.search(rf"/delete/{obj.pk}/", url)]
    confirm = client.get(delete_url)
    assert confirm.status_code == 200
    (usage_url,) = [url for url in links(confirm.content.decode()) if "/usage/" in url]
    assert client.get(usage_url.replace("&amp;", "&")).status_code == 200
    response = client.post(delete_url)
    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def test_a_person_is_deleted_after_seeing_where_they_appear(admin, home_page):
    person = PersonFactory()
    contact = {"heading": "Kontakt", "custom_heading": "", "people": [person], "text": ""}
    ContentPageFactory(parent=home_page, contacts=[("contact", contact)])

    click_through_delete(admin, "/admin/snippets/core/person/", person)
    assert not Person.objects.exists()


def test_a_topic_is_deleted(admin):
    click_through_delete(admin, "/admin/snippets/core/topic/", TopicFactory())
    assert not Topic.objects.exists()


def test_a_notice_is_deleted(admin):
    click_through_delete(admin, "/admin/snippets/core/sitenotice/", SiteNoticeFactory())
    assert not SiteNotice.objects.exists()


def test_a_registration_is_erased_and_the_seat_goes_to_the_waitlist(admin, event_index, outbox):
    event = OnsiteConferenceFactory(parent=event_index, seat_limit=1)
    erased = RegistrationFactory(event=event, name="Anna Andersson", email="anna@kommun.se")
    waiting = RegistrationFactory(event=event, name="Bo Berg", email="bo@kommun.se", status=Status.WAITLISTED)

    click_through_delete(admin, f"/admin/anmalningar/?event={event.pk}", erased)

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert [message.to for message in outbox] == [["bo@kommun.se"]]
    # The admin's history keeps who deleted what, but not the person who asked to be erased.
    (entry,) = ModelLogEntry.objects.filter(action="wagtail.delete")
    assert "Anna" not in entry.label and "anna@kommun.se" not in entry.label
    assert not Registration.objects.filter(pk=erased.pk).exists()


def test_a_feedback_answer_is_deleted_from_its_pages_report(admin, home_page):
    page = ContentPageFactory(parent=home_page)
    answer = FeedbackResponseFactory(page=page, helpful=False, comment="Ring mig på 070-123 45 67, Anna")
    FeedbackResponseFactory(page=page, helpful=True)

    click_through_delete(admin, f"/admin/reports/aterkoppling/{page.pk}/", answer)

    assert FeedbackResponse.objects.count() == 1
    assert not any("070-123" in entry.label for entry in ModelLogEntry.objects.all())


def test_only_those_who_may_delete_answers_are_offered_it(client_for, feedback_reader, superuser, home_page):
    page = ContentPageFactory(parent=home_page)
    answer = FeedbackResponseFactory(page=page, helpful=False, comment="Kommentar")
    report = f"/admin/reports/aterkoppling/{page.pk}/"
    delete_url = f"/admin/aterkoppling-svar/delete/{answer.pk}/"

    reader = client_for(feedback_reader)
    assert delete_url not in reader.get(report).content.decode()
    assert reader.post(delete_url).status_code in (302, 403)
    assert FeedbackResponse.objects.filter(pk=answer.pk).exists()

    group_form = client_for(superuser).get("/admin/groups/new/").content.decode()
    permission = Permission.objects.get(codename="delete_feedbackresponse")
    assert f'value="{permission.pk}"' in group_form
