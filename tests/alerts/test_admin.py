"""Admin: counts per topic for every editor, addresses only with the export permission, the pause."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from alerts.models import AlertSettings, Frequency

from .factories import SubscriptionFactory, unconfirmed

pytestmark = pytest.mark.django_db
COUNTS = "/admin/reports/bevakningar/"
EXPORT = "/admin/reports/bevakningar/export/"


def row(html, topic):
    """Direkt, Veckovis and Totalt of a topic's row in the table."""
    match = re.search(rf'<th scope="row">{topic}</th>\s*((?:<td>\d+</td>)+)', html)
    return re.findall(r"<td>(\d+)</td>", match.group(1))


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("kommunikator", password="ett-långt-lösenord-123")
    user.groups.add(Group.objects.get(name="Kommunikatörer"))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def subscribers(digitalisering, demokrati):
    SubscriptionFactory(email="a@kommun.se", topics=[digitalisering, demokrati])
    SubscriptionFactory(email="b@kommun.se", frequency=Frequency.WEEKLY, topics=[digitalisering])
    unconfirmed(email="c@kommun.se", topics=[digitalisering])


def test_an_editor_sees_counts_per_topic_and_no_address(editor, subscribers):
    _user, client = editor
    response = client.get(COUNTS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 bekräftade bevakare, 1 som ännu inte har bekräftat" in html
    assert row(html, "Digitalisering") == ["1", "1", "2"]
    assert row(html, "Demokrati") == ["1", "0", "1"]
    assert "@kommun.se" not in html
    assert "Exportera adresser" not in html
    refused = client.get(EXPORT)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission"


def test_the_export_permission_gives_the_confirmed_addresses_only(editor, subscribers):
    user, client = editor
    user.user_permissions.add(Permission.objects.get(codename="export_subscription"))
    assert "Exportera adresser" in client.get(COUNTS).content.decode()
    response = client.get(EXPORT)
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == "E-postadress;Ämnen;Hur ofta;Samtycke"
    assert "a@kommun.se;Demokrati, Digitalisering;Direkt;" in text
    assert "b@kommun.se;Digitalisering;Veckovis;" in text
    assert "c@kommun.se" not in text


def test_a_publicist_can_pause_all_alerts(django_user_model):
    user = django_user_model.objects.create_user("publicist", password="ett-långt-lösenord-123")
    user.groups.add(Group.objects.get(name="Publicister"))
    client = Client()
    client.force_login(user)
    url = client.get("/admin/settings/alerts/alertsettings/")["Location"]
    assert client.get(url).status_code == 200
    response = client.post(url, {"paused": "on"})
    assert response.status_code == 302
    assert AlertSettings.alerts_paused()


def test_a_communicator_cannot_pause_them(editor):
    _user, client = editor
    AlertSettings.load()
    response = client.get("/admin/settings/alerts/alertsettings/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
