"""Dates in the admin: a typed date the form cannot read is kept, with a Swedish error naming the format."""

import datetime as dt

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from core.admin_dates import DateTimeInput, spelled_out
from events.formatting import STOCKHOLM
from tests.events.factories import ConferencePageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db

UNREADABLE = "10 maj 2027 9.00"


@pytest.fixture
def conference(event_index):
    start = dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM)
    return ConferencePageFactory(parent=event_index, start=start, end=start + dt.timedelta(hours=7))


def post_start(client, page, start):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["start"] = start
    for name in ("body", "speakers", "contacts"):
        data.setdefault(f"{name}-count", "0")
    return client.post(url, data)


def test_an_unreadable_date_is_kept_with_a_swedish_error_naming_the_format(client_for, superuser, conference):
    response = post_start(client_for(superuser), conference, UNREADABLE)
    assert response.status_code == 200
    errors = response.context["form"].errors["start"]
    assert errors == ["Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM, till exempel 2027-05-10 09:00."]
    assert f'value="{UNREADABLE}"' in response.content.decode()
    conference.refresh_from_db()
    assert conference.get_latest_revision_as_object().start == dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM)


def test_a_date_in_the_pickers_format_is_saved(client_for, superuser, conference):
    response = post_start(client_for(superuser), conference, "2027-03-12 10:15")
    assert response.status_code == 302
    conference.refresh_from_db()
    latest = conference.get_latest_revision_as_object()
    assert latest.start == dt.datetime(2027, 3, 12, 10, 15, tzinfo=STOCKHOLM)


def test_an_american_date_is_not_read_as_month_first(client_for, superuser, conference):
    response = post_start(client_for(superuser), conference, "03/12/2027 10:15")
    assert "start" in response.context["form"].errors


def test_the_picker_does_not_replace_what_was_typed():
    assert DateTimeInput().get_config()["validateOnBlur"] is False


def test_formats_are_spelled_out_for_editors():
    assert spelled_out("%Y-%m-%d %H:%M") == "ÅÅÅÅ-MM-DD TT:MM"


def post_meeting(client, page, date, start_time=""):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for name in ("body", "speakers", "contacts"):
        data.setdefault(f"{name}-count", "0")
    data.update(
        {
            "meetings-count": "1",
            "meetings-0-type": "meeting",
            "meetings-0-deleted": "",
            "meetings-0-order": "0",
            "meetings-0-id": "",
            "meetings-0-value-date": date,
            "meetings-0-value-start_time": start_time,
            "meetings-0-value-end_time": "",
            "meetings-0-value-place": "",
            "meetings-0-value-note": "",
        }
    )
    return client.post(url, data)


def meeting_errors(response):
    error = response.context["form"].errors["meetings"].as_data()[0]
    return error.as_json_data()["blockErrors"][0]["blockErrors"]


def test_a_meeting_date_in_a_block_gets_the_same_swedish_error(client_for, superuser, event_index):
    network = NetworkPageFactory(parent=event_index)
    response = post_meeting(client_for(superuser), network, "10 maj 2027")
    assert response.status_code == 200
    assert meeting_errors(response)["date"]["messages"] == ["Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-05-10."]


def test_a_meeting_time_in_a_block_gets_the_same_swedish_error(client_for, superuser, event_index):
    network = NetworkPageFactory(parent=event_index)
    response = post_meeting(client_for(superuser), network, "2027-05-10", start_time="9.00")
    assert meeting_errors(response)["start_time"]["messages"] == ["Skriv tiden som TT:MM, till exempel 09:00."]


def test_a_meeting_date_in_the_pickers_format_is_saved(client_for, superuser, event_index):
    network = NetworkPageFactory(parent=event_index)
    response = post_meeting(client_for(superuser), network, "2027-05-10", start_time="09:30")
    assert response.status_code == 302
    network.refresh_from_db()
    meeting = network.get_latest_revision_as_object().meetings[0].value
    assert (meeting["date"], meeting["start_time"]) == (dt.date(2027, 5, 10), dt.time(9, 30))


def test_block_pickers_keep_what_was_typed():
    from core.blocks import DateBlock, TimeBlock

    assert DateBlock().field.widget.get_config()["validateOnBlur"] is False
    assert TimeBlock().field.widget.get_config()["validateOnBlur"] is False
