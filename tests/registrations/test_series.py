"""A webinar series can ask which parts a visitor joins; each part may have its own seat limit."""

import pytest
from django.contrib.auth import get_user_model
from icalendar import Calendar

from registrations.models import Registration, Status
from tests.downloads import parse_csv
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
from tests.registrations.conftest import sign_up, signup_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(event_index):
    page = SeminarSeriesPageFactory.build(
        title="Svåra beslut", slug="svara-beslut", registration_url="", onsite_registration=True, ask_parts=True
    )
    page.parts = [
        SeminarPartFactory.build(theme="Mod", seat_limit=1),
        SeminarPartFactory.build(theme="Motstånd", seat_limit=None),
    ]
    event_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def part(series, theme):
    return series.parts.get(theme=theme)


def test_the_form_lists_the_upcoming_parts(client, series):
    html = client.get(signup_url(series)).content.decode()

    assert "Vilka delar vill du delta i?" in html
    assert "Mod" in html and "Motstånd" in html


def test_at_least_one_part_must_be_chosen(client, series):
    response = sign_up(client, series)

    assert response.status_code == 400
    assert "Välj minst en del av seminarieserien." in response.content.decode()


def test_a_full_part_puts_the_visitor_on_the_waitlist_while_other_parts_have_room(client, series):
    mod, motstand = part(series, "Mod"), part(series, "Motstånd")
    sign_up(client, series, email="a@kommun.se", parts=[mod.pk])

    waiting = sign_up(client, series, email="b@kommun.se", parts=[mod.pk], ip="192.0.2.2")
    confirmed = sign_up(client, series, email="c@kommun.se", parts=[motstand.pk], ip="192.0.2.3")

    assert "Du står på reservlistan" in waiting.content.decode()
    assert "Du är anmäld" in confirmed.content.decode()
    assert Registration.objects.get(email="c@kommun.se").status == Status.CONFIRMED


def test_the_invitation_holds_only_the_chosen_parts(client, series, outbox):
    sign_up(client, series, parts=[part(series, "Motstånd").pk])

    (message,) = outbox
    (ics,) = [content for name, content, _ in message.attachments if name.endswith(".ics")]
    summaries = [str(event["SUMMARY"]) for event in Calendar.from_ical(ics).walk("VEVENT")]
    assert summaries == ["Motstånd (Svåra beslut)"]
    assert "Delar: " in message.body and "Motstånd" in message.body


@pytest.mark.parametrize("part_id", ["9223372036854775808", "-9223372036854775809", "99999999999999999999999"])
def test_a_part_id_no_database_can_hold_is_refused_with_a_message(client, series, part_id):
    response = sign_up(client, series, parts=[part_id])

    assert response.status_code == 400
    assert "Välj bland delarna som visas." in response.content.decode()
    assert not series.registrations.exists()


def test_the_export_names_the_chosen_parts(client, series):
    sign_up(client, series, parts=[part(series, "Motstånd").pk, part(series, "Mod").pk])
    sign_up(client, series, email="b@kommun.se", parts=[part(series, "Mod").pk], ip="192.0.2.2")
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "lösenord-långt"))

    response = client.get("/admin/anmalningar/", {"export": "csv"})

    heading, *lines = parse_csv(response)
    rows = [dict(zip(heading, line, strict=True)) for line in lines]
    parts = {row["E-post"]: row["Delar"] for row in rows}
    assert "Mod" in parts["anna@kommun.se"] and "Motstånd" in parts["anna@kommun.se"]
    assert "Mod" in parts["b@kommun.se"] and "Motstånd" not in parts["b@kommun.se"]
