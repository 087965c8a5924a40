"""Editors read the answers in the admin: counts per page, comments, exports, and who may see them."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.downloads import download_name, parse_csv, xlsx_sheet
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.pages import soup, table_rows

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/aterkoppling/"


def make_user(username, *codenames, superuser=False):
    user = get_user_model().objects.create_user(username, f"{username}@example.se", "lösenord-som-är-långt")
    user.is_superuser = superuser
    user.save()
    if codenames:
        group = Group.objects.create(name=f"grupp-{username}")
        group.permissions.set(Permission.objects.filter(codename__in=codenames))
        user.groups.add(group)
    return user


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin", superuser=True))
    return client


@pytest.fixture
def answered_pages(home_page):
    """Two pages: "Om oss" 3 ja / 1 nej, "Kontakt" 1 ja / 3 nej, with comments on the latter."""
    now = timezone.now()
    about = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    contact = ContentPageFactory(parent=home_page, title="Kontakt", slug="kontakt")
    ContentPageFactory(parent=home_page, title="Ingen har svarat", slug="tyst")
    for _ in range(3):
        FeedbackResponseFactory(page=about, helpful=True, created_at=now - dt.timedelta(days=1))
    FeedbackResponseFactory(page=about, helpful=False, created_at=now - dt.timedelta(days=1))
    FeedbackResponseFactory(page=contact, helpful=True, created_at=now - dt.timedelta(days=40))
    FeedbackResponseFactory(page=contact, helpful=False, comment="Telefontider saknas", created_at=now)
    FeedbackResponseFactory(page=contact, helpful=False, comment="<script>alert(1)</script>", created_at=now)
    FeedbackResponseFactory(page=contact, helpful=False, comment='=HYPERLINK("x")', created_at=now)
    return about, contact


def cells(html, title):
    """The text of each cell in the row of the page with this title."""
    return next(row for row in table_rows(html) if row[0] == title)


def test_the_report_counts_yes_and_no_and_the_share_of_yes_per_page(admin_client, answered_pages):
    html = admin_client.get(REPORT).content.decode()

    assert cells(html, "Om oss")[1:5] == ["3", "1", "4", "75\u00a0%"]
    assert cells(html, "Kontakt")[1:5] == ["1", "3", "4", "25\u00a0%"]
    assert "Ingen har svarat" not in html


def test_the_report_puts_the_pages_with_most_no_first_and_sorts_on_request(admin_client, answered_pages):
    def titles(params):
        return [row[0] for row in table_rows(admin_client.get(REPORT, params))]

    assert titles({}) == ["Kontakt", "Om oss"]
    assert titles({"ordering": "-yes_share"}) == ["Om oss", "Kontakt"]
    assert titles({"ordering": "title"}) == ["Kontakt", "Om oss"]
    assert titles({"ordering": "-title"}) == ["Om oss", "Kontakt"]


def test_a_bad_ordering_falls_back_to_the_default(admin_client, answered_pages):
    response = admin_client.get(REPORT, {"ordering": "password"})

    assert response.status_code == 200


def test_the_date_range_limits_the_counts(admin_client, answered_pages):
    since = (timezone.localdate() - dt.timedelta(days=7)).isoformat()

    html = admin_client.get(REPORT, {"period_from": since}).content.decode()

    assert cells(html, "Kontakt")[1:5] == ["0", "3", "3", "0\u00a0%"]


def test_a_nonsense_date_shows_the_report_unfiltered(admin_client, answered_pages):
    response = admin_client.get(REPORT, {"period_from": "igår"})

    assert response.status_code == 200
    assert "Kontakt" in response.content.decode()


def test_the_report_shows_the_latest_comments_escaped(admin_client, answered_pages):
    html = admin_client.get(REPORT).content.decode()

    assert "Telefontider saknas" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_the_csv_export_holds_every_page_with_its_counts(admin_client, answered_pages):
    response = admin_client.get(REPORT, {"export": "csv"})

    table = parse_csv(response)
    assert table[0] == ["Sida", "Adress", "Ja", "Nej", "Svar", "Andel ja (%)", "Senaste kommentarer"]
    by_title = {row[0]: row for row in table[1:]}
    assert set(by_title) == {"Om oss", "Kontakt"}
    assert by_title["Om oss"][2:6] == ["3", "1", "4", "75"]
    assert by_title["Kontakt"][2:6] == ["1", "3", "4", "25"]
    assert "Telefontider saknas" in by_title["Kontakt"][6]


def test_the_csv_heading_goes_out_before_the_rows_are_summed(admin_client, answered_pages):
    response = admin_client.get(REPORT, {"export": "csv"})
    chunks = iter(response.streaming_content)

    with CaptureQueriesContext(connection) as queries:
        first = next(chunks)

    assert first.decode("utf-8-sig").startswith("Sida;Adress;Ja;Nej")
    assert len(queries) == 0
    assert b"Om oss" in b"".join(chunks)


def test_the_csv_export_cannot_smuggle_in_a_formula(admin_client, answered_pages):
    content = b"".join(admin_client.get(REPORT, {"export": "csv"}).streaming_content).decode("utf-8-sig")

    assert content.startswith("Sida;") and ";=HYPERLINK" not in content and '"=HYPERLINK' not in content


def test_the_xlsx_export_holds_every_page_with_its_counts(
    admin_client, answered_pages, django_capture_on_commit_callbacks
):
    sheet = xlsx_sheet(admin_client, REPORT, {"export": "xlsx"}, django_capture_on_commit_callbacks)

    values = list(sheet.values)
    assert values[0][:6] == ("Sida", "Adress", "Ja", "Nej", "Svar", "Andel ja (%)")
    by_title = {row[0]: row for row in values[1:]}
    assert by_title["Om oss"][2:6] == (3, 1, 4, 75)
    assert by_title["Kontakt"][2:5] == (1, 3, 4)


def test_the_page_report_lists_each_answer_with_its_comment_escaped(admin_client, answered_pages):
    about, contact = answered_pages

    html = admin_client.get(f"{REPORT}{contact.pk}/").content.decode()

    assert "Kontakt" in html
    assert len(table_rows(html)) == 4
    assert "Telefontider saknas" in html
    assert "&lt;script&gt;" in html and "<script>alert(1)</script>" not in html


def test_the_page_report_filters_to_comments_and_exports(admin_client, answered_pages):
    about, contact = answered_pages

    html = admin_client.get(f"{REPORT}{contact.pk}/", {"has_comment": "true"}).content.decode()
    table = parse_csv(admin_client.get(f"{REPORT}{contact.pk}/", {"export": "csv"}))

    assert len(table_rows(html)) == 3
    assert table[0] == ["Tidpunkt", "Svar", "Kommentar"]
    assert sorted(row[1] for row in table[1:]) == ["Ja", "Nej", "Nej", "Nej"]


def test_a_swedish_slug_names_the_export_in_utf8(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, title="Göteborg", slug="göteborg")
    FeedbackResponseFactory(page=page, helpful=False, comment="Bra\r\nmen\x0blång")

    response = admin_client.get(f"{REPORT}{page.pk}/", {"export": "csv"})

    assert download_name(response) == "aterkoppling-göteborg.csv"
    assert parse_csv(response)[1][2] == "Bra\r\nmen\x0blång"


def test_the_page_report_of_a_missing_page_is_404(admin_client):
    assert admin_client.get(f"{REPORT}999999/").status_code == 404


class TestWhoMaySee:
    def test_an_editor_without_the_permission_is_turned_away(self, client, answered_pages):
        client.force_login(make_user("redaktor", "access_admin", "change_page"))

        response = client.get(REPORT)

        assert response.status_code in (302, 403)
        assert "Telefontider saknas" not in response.content.decode()
        assert client.get(f"{REPORT}{answered_pages[1].pk}/").status_code in (302, 403)
        assert client.get(REPORT, {"export": "csv"}).status_code in (302, 403)

    def test_a_visitor_is_sent_to_the_login(self, client, answered_pages):
        response = client.get(REPORT)

        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_a_user_with_only_admin_access_and_the_feedback_permission_sees_the_report(self, client, answered_pages):
        client.force_login(make_user("kommunikator", "access_admin", "view_feedbackresponse"))

        response = client.get(REPORT)

        assert response.status_code == 200
        assert "Telefontider saknas" in response.content.decode()
        assert client.get(f"{REPORT}{answered_pages[1].pk}/").status_code == 200

    def test_the_reports_menu_offers_the_report_only_with_the_permission(self, client, answered_pages):
        client.force_login(make_user("kommunikator", "access_admin", "view_feedbackresponse"))
        with_permission = client.get("/admin/").content.decode()
        client.force_login(make_user("redaktor", "access_admin"))
        without = client.get("/admin/").content.decode()

        assert REPORT in with_permission
        assert REPORT not in without

    def test_the_permission_can_be_given_to_groups(self, admin_client):
        html = admin_client.get("/admin/groups/new/").content.decode()

        permission = Permission.objects.get(codename="view_feedbackresponse")
        assert f'value="{permission.pk}"' in html


class TestSummaryInThePageEditor:
    def test_the_editor_header_shows_the_counts_and_links_to_the_answers(self, admin_client, answered_pages):
        about, contact = answered_pages

        html = admin_client.get(f"/admin/pages/{contact.pk}/edit/").content.decode()

        assert "Återkoppling: 1 ja, 3 nej (25\u00a0% ja)" in html
        assert f'href="{REPORT}{contact.pk}/"' in html

    def test_the_summary_is_hidden_without_the_permission(self, client, answered_pages):
        about, contact = answered_pages
        editor = make_user("redaktor", "access_admin", "add_page", "change_page", "publish_page")
        from wagtail.models import GroupPagePermission

        GroupPagePermission.objects.create(
            group=editor.groups.get(),
            page=contact.get_parent(),
            permission=Permission.objects.get(codename="change_page"),
        )
        client.force_login(editor)

        response = client.get(f"/admin/pages/{contact.pk}/edit/")

        assert response.status_code == 200
        assert "Återkoppling:" not in response.content.decode()


def test_the_report_needs_no_more_queries_for_more_pages(admin_client, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with(pages):
        for number in range(pages):
            page = ContentPageFactory(parent=home_page, title=f"Sida {number}", slug=f"sida-{pages}-{number}")
            FeedbackResponseFactory(page=page, helpful=False, comment="Saknar datum")
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(REPORT).status_code == 200
        return len(context.captured_queries)

    queries_with(1)  # the first report reads the sites' root paths, which Wagtail then keeps in the cache
    assert queries_with(2) == queries_with(8)


def test_the_csv_export_opens_in_swedish_excel(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, title="Tre svar")
    for helpful in (True, True, False):
        FeedbackResponseFactory(page=page, helpful=helpful)

    response = admin_client.get(REPORT, {"export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    row = next(row for row in parse_csv(response) if row[0] == "Tre svar")
    assert row[5] == "66,7"  # a share of two in three: one decimal, after a comma


def test_the_xlsx_export_rounds_shares(admin_client, home_page, django_capture_on_commit_callbacks):
    page = ContentPageFactory(parent=home_page, title="Tre svar")
    for helpful in (True, True, False):
        FeedbackResponseFactory(page=page, helpful=helpful)

    sheet = xlsx_sheet(admin_client, REPORT, {"export": "xlsx"}, django_capture_on_commit_callbacks)
    row = next(row for row in sheet.values if row[0] == "Tre svar")
    assert row[5] == 66.7


def test_the_export_lists_public_addresses_and_a_pages_report_links_to_the_live_page(admin_client, home_page):
    page = ContentPageFactory(parent=home_page, title="Kontakta oss", slug="kontakta-oss")
    FeedbackResponseFactory(page=page, helpful=False)

    row = next(row for row in parse_csv(admin_client.get(REPORT, {"export": "csv"})) if row[0] == "Kontakta oss")
    assert row[1] == "http://localhost/kontakta-oss/"

    html = admin_client.get(f"{REPORT}{page.pk}/").content.decode()
    links = [a for a in soup(html).select("a[href]") if "Visa sidan" in a.get_text()]
    assert links
    assert links[0]["href"] == "http://localhost/kontakta-oss/"
