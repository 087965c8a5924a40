"""Admin reports registered in one call: each stands in the Reports menu with its view's title and icon,
only for those it lets in, and answers at its address and at the results address its filters fetch."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import reports_menu

pytestmark = pytest.mark.django_db

REPORTS = [
    ("feedback", "Återkoppling", "/admin/reports/aterkoppling/", "comment", 1300),
    ("feedback-comments", "Kommentarer", "/admin/reports/kommentarer/", "comment", 1310),
    ("registrations", "Anmälningar per evenemang", "/admin/reports/anmalningar/", "group", 1310),
    ("overdue-reviews", "Försenade granskningar", "/admin/reports/granskningar/", "time", 1320),
    ("broken-links", "Länkar till opublicerade sidor", "/admin/reports/trasiga-lankar/", "warning", 1330),
]
NAMES = {name for name, *_rest in REPORTS}


def _items(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [
        (item.name, item.label, item.url, item.icon_name, item.order)
        for item in reports_menu.menu_items_for_request(request)
        if item.name in NAMES
    ]


def _user(username, *codenames, superuser=False):
    user = get_user_model().objects.create_user(username, f"{username}@example.se", "lösenord-som-är-långt")
    user.is_superuser = superuser
    user.save()
    user.user_permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return get_user_model().objects.get(pk=user.pk)


def test_every_report_stands_in_the_reports_menu_with_its_title_and_icon():
    assert sorted(_items(_user("admin", superuser=True)), key=lambda item: item[4]) == REPORTS


def test_a_report_is_offered_only_to_those_it_lets_in():
    assert _items(_user("redaktor")) == []
    assert [item[0] for item in _items(_user("arrangor", "view_registration"))] == ["registrations"]


@pytest.mark.parametrize(
    "name",
    [
        "feedback_report",
        "feedback_comments",
        "registrations_summary",
        "editorial_overdue_reviews",
        "editorial_broken_links",
    ],
)
def test_every_report_answers_at_its_address_and_its_results_address(client, name):
    client.force_login(_user("admin", superuser=True))

    assert reverse(f"{name}_results") == f"{reverse(name)}results/"
    assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse(f"{name}_results")).status_code == 200
