"""Specification: every content page has an owner and a review date that falls due."""

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models.ownership import review_due_after
from home.models import ContentPage
from tests.events.factories import ConferencePageFactory, EventIndexPageFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

STOCKHOLM_NOON = dt.datetime(2027, 3, 15, 12, 0, tzinfo=dt.UTC)


def publish(page, user=None):
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return type(page).objects.get(pk=page.pk)


def test_a_page_published_without_a_review_date_is_due_a_year_later(home_page):
    with time_machine.travel(STOCKHOLM_NOON, tick=False):
        page = publish(ContentPageFactory(parent=home_page))
    assert page.review_due == dt.date(2028, 3, 15)


def test_the_default_review_date_is_in_the_revision_so_the_editor_sees_it(home_page):
    with time_machine.travel(STOCKHOLM_NOON, tick=False):
        page = publish(ContentPageFactory(parent=home_page))
    assert page.get_latest_revision_as_object().review_due == dt.date(2028, 3, 15)


@override_settings(PAGE_REVIEW_MONTHS=6)
def test_the_review_period_is_configurable():
    assert review_due_after(dt.date(2027, 8, 31)) == dt.date(2028, 2, 29)


def test_a_review_date_the_editor_chose_is_kept_on_publishing(home_page):
    page = ContentPageFactory(parent=home_page, review_due=dt.date(2027, 6, 1))
    assert publish(page).review_due == dt.date(2027, 6, 1)


def test_a_review_falls_due_on_its_date(home_page):
    page = publish(ContentPageFactory(parent=home_page, review_due=dt.date(2027, 6, 1)))
    with time_machine.travel(dt.datetime(2027, 6, 1, 10, tzinfo=dt.UTC), tick=False):
        due = ContentPage.needing_review(timezone.now()).filter(review_due__lte=timezone.localdate())
        assert list(due) == [page]
    with time_machine.travel(dt.datetime(2027, 5, 31, 10, tzinfo=dt.UTC), tick=False):
        assert not ContentPage.needing_review(timezone.now()).filter(review_due__lte=timezone.localdate()).exists()


def test_a_past_event_needs_no_review(home_page):
    events = EventIndexPageFactory(parent=home_page)
    past = ConferencePageFactory(parent=events, start=timezone.now() - dt.timedelta(days=10), end=None)
    coming = ConferencePageFactory(parent=events, start=timezone.now() + dt.timedelta(days=10), end=None)
    assert list(type(past).needing_review(timezone.now())) == [coming]


def test_the_creator_is_the_preselected_owner_of_a_new_page(home_page, admin_client, admin_user):
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk])
    content = admin_client.get(url).content.decode()
    assert f'<option value="{admin_user.pk}" selected>' in content


def test_the_owner_is_the_user_who_creates_the_page_in_the_admin(home_page, admin_client, admin_user):
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk])
    data = nested_form_data(
        {"title": "Om oss", "slug": "om-oss", "intro": "", "body": streamfield([]), "contacts": streamfield([])}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert ContentPage.objects.get(slug="om-oss").owner == admin_user


def test_the_editor_shows_owner_and_review_date(home_page, admin_client):
    page = ContentPageFactory(parent=home_page)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    content = response.content.decode()
    assert "Ansvar och granskning" in content
    assert 'name="owner"' in content and 'name="review_due"' in content


def test_visitors_see_senast_granskad_only_when_the_editor_wants(home_page, client):
    page = publish(ContentPageFactory(parent=home_page, slug="om", last_reviewed=dt.date(2027, 1, 20)))
    assert "Senast granskad" not in client.get(page.url).content.decode()
    page.show_last_reviewed = True
    publish(page)
    shown = '<time datetime="2027-01-20">20 januari 2027</time>'
    assert f"Senast granskad {shown}" in client.get(page.url).content.decode()


def test_an_owner_chosen_in_the_editor_takes_over_the_page_even_in_a_draft(home_page, admin_client, django_user_model):
    colleague = django_user_model.objects.create_superuser("kollega", "kollega@example.se", "x-langt-losenord")
    page = publish(ContentPageFactory(parent=home_page, slug="om-oss", title="Om oss"))
    data = nested_form_data(
        {
            "title": "Om oss",
            "slug": "om-oss",
            "intro": "",
            "body": streamfield([]),
            "contacts": streamfield([]),
            "owner": colleague.pk,
            "show_site_contact": "on",
            "show_feedback": "on",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert ContentPage.objects.get(pk=page.pk).owner == colleague


def test_two_versions_of_a_page_can_be_compared_with_the_owner_panel_in_them(home_page, admin_client):
    page = publish(ContentPageFactory(parent=home_page, title="Första"))
    first = page.live_revision_id
    page.title = "Andra"
    page = publish(page)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first, page.live_revision_id])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Andra" in response.content.decode()
