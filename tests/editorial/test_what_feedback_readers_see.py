"""A Feedbackläsare reads answers and comments, but of pages only what visitors can read: the titles of
live public pages. Drafts, private pages and editors' names stay with those who may edit them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction, Workflow

from core.page_titles import HIDDEN_TITLE
from tests.downloads import parse_csv
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/aterkoppling/"


@pytest.fixture
def answered(home_page, communicator):
    """Three pages with three Nej each: one public (renamed in a draft), one private, one taken down
    and waiting for approval."""
    public = ContentPageFactory(parent=home_page, title="Öppen sida", slug="oppen")
    public.title = "Nytt namn i utkastet"
    public.save_revision(user=communicator)
    private = ContentPageFactory(parent=home_page, title="Lönekartläggning 2027", slug="lonekartlaggning")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    withdrawn = ContentPageFactory(parent=home_page, title="Varsel om uppsägningar", slug="varsel")
    withdrawn.unpublish()
    withdrawn.save_revision(user=communicator)
    Workflow.objects.get(name="Granskning").start(withdrawn, communicator)
    for page in (public, private, withdrawn):
        FeedbackResponseFactory.create_batch(3, page=page, helpful=False, comment=f"Svar om sida {page.pk}")
    return {"public": public, "private": private, "withdrawn": withdrawn}


SECRETS = ("Nytt namn i utkastet", "Lönekartläggning", "lonekartlaggning", "Varsel", "varsel")


def feedback_reader_group():
    return Group.objects.get(name="Feedbackläsare")


def assert_no_secrets(text):
    for secret in SECRETS:
        assert secret not in text


def test_the_report_shows_a_feedback_reader_only_public_titles(client_for, feedback_reader, answered):
    html = client_for(feedback_reader).get(REPORT).content.decode()

    assert "Öppen sida" in html
    assert html.count(HIDDEN_TITLE) == 2
    assert f"Svar om sida {answered['private'].pk}" in html  # the answers themselves are what they read
    assert_no_secrets(html)


def test_the_export_shows_a_feedback_reader_only_public_titles_and_paths(client_for, feedback_reader, answered):
    response = client_for(feedback_reader).get(REPORT, {"export": "csv"})

    table = parse_csv(response)
    assert sorted(row[0] for row in table[1:]) == sorted(["Öppen sida", HIDDEN_TITLE, HIDDEN_TITLE])
    assert {row[1] for row in table[1:] if row[0] == HIDDEN_TITLE} == {""}
    assert_no_secrets(str(table))


def test_a_private_pages_own_report_names_it_only_for_its_editors(client_for, feedback_reader, communicator, answered):
    communicator.groups.add(feedback_reader_group())
    url = f"{REPORT}{answered['private'].pk}/"

    reader_html = client_for(feedback_reader).get(url).content.decode()
    export = client_for(feedback_reader).get(url, {"export": "csv"})
    editor_html = client_for(communicator).get(url).content.decode()

    assert HIDDEN_TITLE in reader_html
    assert_no_secrets(reader_html)
    assert "lonekartlaggning" not in export["Content-Disposition"]
    assert "Lönekartläggning 2027" in editor_html


def test_editors_see_every_title_in_the_report(client_for, communicator, answered):
    communicator.groups.add(feedback_reader_group())

    html = client_for(communicator).get(REPORT).content.decode()

    assert "Lönekartläggning 2027" in html and "Varsel om uppsägningar" in html
    assert HIDDEN_TITLE not in html


def test_the_dashboard_shows_a_feedback_reader_no_drafts_private_titles_or_editors(
    client_for, feedback_reader, answered
):
    html = client_for(feedback_reader).get("/admin/").content.decode()

    assert "Sidor som hjälper minst" in html
    assert "Öppen sida" in html
    assert HIDDEN_TITLE in html
    assert "Sidor som väntar på granskning" not in html
    assert "kommunikator" not in html
    assert_no_secrets(html)


def test_editors_still_see_what_waits_for_approval(client_for, communicator, answered):
    html = client_for(communicator).get("/admin/").content.decode()

    panel = html.split('id="editorial-in-moderation', 1)[1].split("</section>", 1)[0]
    assert "Varsel om uppsägningar" in panel
    assert "kommunikator" in panel
