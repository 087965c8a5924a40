"""The reports' daily summary: finished days are summed by the periodic job, triage and deletes write
their day again, a deleted page takes its rows, and the report adds today's answers from the rows."""

import datetime as dt
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale

from feedback.models import FeedbackDay, FeedbackState, FeedbackTotal
from feedback.summary import PageTotals, rebuild, summarize, summarized_through
from tests.feedback.factories import FeedbackResponseFactory
from tests.feedback.test_reports import REPORT, cells, make_user
from tests.home.factories import ContentPageFactory
from tests.pages import table_rows

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - dt.timedelta(days=1)


def at(day, hour=12):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def answer(page, day, helpful=True, **fields):
    return FeedbackResponseFactory(page=page, helpful=helpful, created_at=at(day), locale=page.locale, **fields)


@contextmanager
def recorded_sql():
    """The SQL of every query run inside the block (the test client's query log keeps only 9,000)."""
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield queries


def counts(rows, page):
    row = next((row for row in rows if row.page == page.pk), None)
    return (row.yes_count, row.no_count) if row else (0, 0)


@pytest.fixture
def pages(home_page):
    return (
        ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss"),
        ContentPageFactory(parent=home_page, title="Kontakt", slug="kontakt"),
    )


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin", superuser=True))
    return client


def test_the_periodic_job_sums_each_finished_day_once(pages):
    about, contact = pages
    answer(about, YESTERDAY - dt.timedelta(days=10))
    answer(about, YESTERDAY, helpful=False)
    answer(about, YESTERDAY)
    answer(contact, TODAY)

    assert summarize() is True
    assert summarize() is False  # nothing new until tomorrow

    assert summarized_through() == YESTERDAY
    days = {(row.page_id, row.day): (row.yes_count, row.no_count) for row in FeedbackDay.objects.all()}
    assert days == {(about.pk, YESTERDAY - dt.timedelta(days=10)): (1, 0), (about.pk, YESTERDAY): (1, 1)}
    assert [(total.page_id, total.yes_count, total.no_count) for total in FeedbackTotal.objects.all()] == [
        (about.pk, 2, 1)
    ]
    # Today's answer is read from the answers themselves.
    assert counts(PageTotals(), contact) == (1, 0)


def test_a_days_answers_are_added_incrementally(pages):
    about, _contact = pages
    answer(about, YESTERDAY - dt.timedelta(days=1))
    summarize(today=YESTERDAY)
    answer(about, YESTERDAY, helpful=False)

    summarize(today=TODAY)

    assert FeedbackDay.objects.filter(page=about).count() == 2
    assert FeedbackTotal.objects.get(page=about).no_count == 1
    assert counts(PageTotals(), about) == (1, 1)


def test_the_report_reads_the_summary_and_todays_answers(admin_client, pages):
    about, _contact = pages
    for _ in range(3):
        answer(about, YESTERDAY - dt.timedelta(days=100))
    answer(about, YESTERDAY, helpful=False)
    summarize()
    answer(about, TODAY, helpful=False)

    html = admin_client.get(REPORT).content.decode()
    assert cells(html, "Om oss")[1:4] == ["3", "2", "5"]

    week = {"period_from": str(TODAY - dt.timedelta(days=7)), "period_to": str(TODAY)}
    html = admin_client.get(REPORT, week).content.decode()
    assert cells(html, "Om oss")[1:4] == ["0", "2", "2"]


def test_marking_an_answer_as_spam_takes_it_out_of_the_summed_day_and_back(admin_client, pages):
    about, _contact = pages
    spam = answer(about, YESTERDAY, helpful=False, comment="Köp klockor")
    answer(about, YESTERDAY)
    summarize()
    edit = f"/admin/aterkoppling-svar/edit/{spam.pk}/"

    response = admin_client.post(edit, {"state": FeedbackState.SPAM, "note": ""})

    assert response.status_code == 302
    assert FeedbackDay.objects.get(page=about).no_count == 0
    assert FeedbackTotal.objects.get(page=about).no_count == 0
    assert counts(PageTotals(), about) == (1, 0)

    admin_client.post(edit, {"state": FeedbackState.HANDLED, "note": ""})

    assert counts(PageTotals(), about) == (1, 1)
    assert FeedbackTotal.objects.get(page=about).no_count == 1


def test_a_day_of_nothing_but_spam_leaves_no_row(admin_client, pages):
    about, _contact = pages
    spam = answer(about, YESTERDAY, helpful=False, comment="Köp klockor")
    summarize()

    admin_client.post(f"/admin/aterkoppling-svar/edit/{spam.pk}/", {"state": FeedbackState.SPAM, "note": ""})

    assert not FeedbackDay.objects.filter(page=about).exists()
    assert not FeedbackTotal.objects.filter(page=about).exists()
    assert counts(PageTotals(), about) == (0, 0)


def test_deleting_an_answer_takes_it_out_of_the_summary(admin_client, pages):
    about, _contact = pages
    gone = answer(about, YESTERDAY, helpful=False, comment="Mitt telefonnummer är 070-1234567")
    answer(about, YESTERDAY)
    summarize()

    response = admin_client.post(f"/admin/aterkoppling-svar/delete/{gone.pk}/")

    assert response.status_code == 302
    assert counts(PageTotals(), about) == (1, 0)
    assert FeedbackTotal.objects.get(page=about).no_count == 0


def test_a_deleted_page_takes_its_summed_days_with_it(pages):
    about, contact = pages
    answer(about, YESTERDAY)
    answer(contact, YESTERDAY, helpful=False)
    summarize()

    about.delete()

    assert not FeedbackDay.objects.filter(page_id=about.pk).exists()
    assert not FeedbackTotal.objects.filter(page_id=about.pk).exists()
    assert [row.page for row in PageTotals()] == [contact.pk]


def test_a_period_reads_the_summed_days_and_the_answers_after_them(pages):
    about, _contact = pages
    for days_ago in (1, 5, 40):
        answer(about, TODAY - dt.timedelta(days=days_ago), helpful=False)
    answer(about, TODAY)
    summarize()

    def no_count(start, end=None):
        rows = PageTotals(at(start, 0), at(end, 0) if end else None)
        return counts(rows, about)

    assert no_count(TODAY - dt.timedelta(days=30)) == (1, 2)
    assert no_count(TODAY - dt.timedelta(days=5), TODAY - dt.timedelta(days=4)) == (0, 1)
    assert no_count(TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=30)) == (0, 1)


def test_rebuild_sums_answers_added_with_earlier_dates(pages):
    about, _contact = pages
    answer(about, YESTERDAY)
    summarize()
    answer(about, YESTERDAY - dt.timedelta(days=400))  # as grow_site and the demo add them

    rebuild()

    assert FeedbackTotal.objects.get(page=about).yes_count == 2


def test_the_language_filter_reads_the_summary_per_language(pages):
    about, _contact = pages
    answer(about, YESTERDAY)
    summarize()
    other = Locale.objects.get_or_create(language_code="en")[0]

    assert counts(PageTotals(locale=about.locale), about) == (1, 0)
    assert counts(PageTotals(locale=other), about) == (0, 0)


def test_the_summary_is_a_periodic_job():
    jobs = {name: target for name, _seconds, target in settings.PERIODIC_JOBS}
    assert jobs["summarize_feedback"] == "feedback.summary.summarize"


def test_a_page_of_the_report_sorts_summary_and_todays_answers_together(home_page):
    summed, today, both = (ContentPageFactory(parent=home_page, title=title) for title in ("B", "C", "A"))
    for _ in range(3):
        answer(summed, YESTERDAY, helpful=False)
    answer(today, TODAY, helpful=False)
    answer(both, YESTERDAY, helpful=False)
    answer(both, TODAY, helpful=False)
    answer(both, TODAY, helpful=False)
    summarize()

    rows = PageTotals(ordering=["-no_count"])

    assert rows.count() == 3
    # A and B have three Nej each: the title decides, so pages never change places between views.
    assert [(row.title, row.no_count) for row in rows[0:3]] == [("A", 3), ("B", 3), ("C", 1)]
    assert [row.title for row in rows[1:2]] == ["B"]
    rows.prefetch(2, 2)  # a window read with the count, as the report's paginator asks for its last page
    assert (rows.count(), rows[2].title) == (3, "C")
    assert [row.title for row in PageTotals(ordering=["-latest_response_at"])][2] == "B"  # answered yesterday only
    assert rows[2].latest_response_at == at(TODAY)


def test_the_report_reads_only_the_rows_it_shows(admin_client, home_page):
    for number in range(55):
        answer(ContentPageFactory(parent=home_page, title=f"Sida {number:02}"), YESTERDAY, helpful=False)
    summarize()

    with recorded_sql() as queries:
        first = [row[0] for row in table_rows(admin_client.get(REPORT, {"ordering": "title"}))]
    second = [row[0] for row in table_rows(admin_client.get(REPORT, {"ordering": "title", "p": "2"}))]

    assert first + second == [f"Sida {number:02}" for number in range(55)]
    [rows_query] = [sql for sql in queries if "UNION ALL" in sql]  # the rows and their count in one query
    # A page past the end or no number at all shows the last page or the first, as Wagtail's listings do.
    assert table_rows(admin_client.get(REPORT, {"ordering": "title", "p": "99"}))[0][0] == "Sida 50"
    assert table_rows(admin_client.get(REPORT, {"ordering": "title", "p": "sista"}))[0][0] == "Sida 00"
    assert "LIMIT 50" in rows_query  # sorted and cut in the database, not in Python


def test_the_least_helpful_panel_reads_its_eight_rows_from_the_database(admin_client, home_page):
    for number in range(12):
        page = ContentPageFactory(parent=home_page, title=f"Sida {number:02}")
        for helpful in (True, False, False):
            answer(page, YESTERDAY if number % 2 else TODAY, helpful=helpful)
    summarize()

    with recorded_sql() as queries:
        assert admin_client.get("/admin/").status_code == 200

    rows_query = next(sql for sql in queries if "UNION ALL" in sql and "ORDER BY" in sql)
    assert "LIMIT 8" in rows_query
