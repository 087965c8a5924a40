"""Editors can open the add and edit forms of every event page type in the admin."""

import pytest

from tests.events.factories import ConferencePageFactory, SeminarPartFactory, SeminarSeriesPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "redaktor@example.se", "ett-langt-losenord")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model_name", ["conferencepage", "seminarseriespage", "networkpage"])
def test_add_forms_open_under_the_listing(editor_client, event_index, model_name):
    response = editor_client.get(f"/admin/pages/add/events/{model_name}/{event_index.pk}/")
    assert response.status_code == 200


def test_edit_and_preview_of_a_series_work(editor_client, event_index):
    series = SeminarSeriesPageFactory(parent=event_index)
    series.parts = [SeminarPartFactory.build()]
    series.save_revision().publish()
    assert editor_client.get(f"/admin/pages/{series.pk}/edit/").status_code == 200
    conference = ConferencePageFactory(parent=event_index)
    assert editor_client.get(f"/admin/pages/{conference.pk}/edit/").status_code == 200
