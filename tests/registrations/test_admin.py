"""Editors with the registration permission see registrations per event, search and export them, and can
cancel one; everyone else sees nothing."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from registrations.models import Registration, Status
from tests.downloads import parse_csv
from tests.pages import table_rows
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/anmalningar/"
SUMMARY = "/admin/reports/anmalningar/"


def login(client, username, *codenames):
    user = get_user_model().objects.create_user(username, f"{username}@example.se", "lösenord-som-är-långt")
    group = Group.objects.create(name=f"grupp-{username}")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def registrations(event, event_index):
    other = OnsiteConferenceFactory(parent=event_index, title="Nätverksdag")
    RegistrationFactory(event=event, name="Anna Andersson", email="anna@kommun.se", organisation="Umeå kommun")
    RegistrationFactory(event=event, name="Bo Berg", email="bo@region.se")
    RegistrationFactory(event=event, name="Cecilia Ek", email="cecilia@kommun.se", status=Status.WAITLISTED)
    RegistrationFactory(event=other, name='=HYPERLINK("x")', email="david@kommun.se")
    return event, other


def test_without_the_permission_nothing_is_shown(client, registrations):
    login(client, "redaktor")

    assert client.get(LIST).status_code in (302, 403)
    assert client.get(SUMMARY).status_code in (302, 403)
    assert "Anmälningar" not in client.get("/admin/").content.decode()


def test_with_the_view_permission_the_list_and_menu_are_shown(client, registrations):
    login(client, "arrangor", "view_registration")

    html = client.get(LIST).content.decode()

    assert "Anna Andersson" in html and "Cecilia Ek" in html
    assert "/admin/anmalningar/" in client.get("/admin/").content.decode()
    assert "/admin/anmalningar/avboka/" not in html


def test_the_list_filters_by_event_and_searches(client, registrations):
    event, other = registrations
    login(client, "arrangor", "view_registration")

    by_event = client.get(LIST, {"event": event.pk}).content.decode()
    searched = client.get(LIST, {"q": "umeå"}).content.decode()

    assert "Anna Andersson" in by_event and "david@kommun.se" not in by_event
    assert "Anna Andersson" in searched and "Bo Berg" not in searched


def row_cells(html, title):
    """The text of each cell in the table row that mentions this title."""
    for row in table_rows(html):
        if any(title in cell for cell in row):
            return row
    raise AssertionError(f"{title} not in the table")


def test_the_summary_counts_registrations_per_event(client, registrations):
    login(client, "arrangor", "view_registration")

    html = client.get(SUMMARY).content.decode()

    assert row_cells(html, "Presidiekonferens")[1:4] == ["2", "1", "0"]
    assert row_cells(html, "Nätverksdag")[1:4] == ["1", "0", "0"]


def test_the_export_as_csv_guards_against_formulas(client, registrations):
    login(client, "arrangor", "view_registration")

    response = client.get(LIST, {"export": "csv"})

    rows = parse_csv(response)
    assert rows[0][:3] == ["Evenemang", "Namn", "E-post"]
    assert len(rows) == 5
    names = {row[1] for row in rows[1:]}
    assert "Anna Andersson" in names
    assert '\'=HYPERLINK("x")' in names


def test_the_export_as_xlsx(client, registrations):
    event, _ = registrations
    login(client, "arrangor", "view_registration")

    response = client.get(LIST, {"export": "xlsx", "event": event.pk})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][1] == "Namn"
    assert sorted(row[1] for row in values[1:]) == ["Anna Andersson", "Bo Berg", "Cecilia Ek"]


def test_cancelling_needs_the_change_permission(client, registrations):
    login(client, "arrangor", "view_registration")
    anna = Registration.objects.get(email="anna@kommun.se")

    response = client.post(f"/admin/anmalningar/avboka/{anna.pk}/")

    assert response.status_code in (302, 403)
    anna.refresh_from_db()
    assert anna.status == Status.CONFIRMED


def test_an_editor_cancels_a_registration_and_the_waitlist_moves_up(client, registrations, outbox):
    login(client, "arrangor", "view_registration", "change_registration")
    anna = Registration.objects.get(email="anna@kommun.se")
    assert f"/admin/anmalningar/avboka/{anna.pk}/" in client.get(LIST).content.decode()

    confirm = client.get(f"/admin/anmalningar/avboka/{anna.pk}/")
    response = client.post(f"/admin/anmalningar/avboka/{anna.pk}/", follow=True)

    assert "Vill du avboka anmälan från" in confirm.content.decode()
    assert "Från reservlistan fick Cecilia Ek en plats." in response.content.decode()
    anna.refresh_from_db()
    assert anna.status == Status.CANCELLED
    assert Registration.objects.get(email="cecilia@kommun.se").status == Status.CONFIRMED
    assert {message.to[0] for message in outbox} == {"anna@kommun.se", "cecilia@kommun.se"}


def test_editors_cannot_add_or_edit_registrations(client, registrations):
    get_user_model().objects.create_superuser("admin", "admin@example.se", "lösenord-som-är-långt")
    client.force_login(get_user_model().objects.get(username="admin"))
    anna = Registration.objects.get(email="anna@kommun.se")

    assert client.get(LIST).status_code == 200
    assert client.get(f"/admin/anmalningar/inspect/{anna.pk}/").status_code == 200
    assert client.get("/admin/anmalningar/new/").status_code == 404
    assert client.get(f"/admin/anmalningar/edit/{anna.pk}/").status_code == 404
