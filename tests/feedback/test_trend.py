"""Specification: per page, the share of Ja over time and per published version, with answer counts and a
Wilson interval, drawn as an accessible SVG chart with a table alternative."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from feedback.models import FeedbackState
from feedback.trends import shares_by_period, shares_by_revision, wilson_interval
from tests.feedback.factories import FeedbackResponseFactory
from tests.feedback.test_reports import make_user
from tests.home.factories import ContentPageFactory
from tests.pages import soup, table_rows

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def edited_page(home_page):
    """10 Nej on the first version (week 9), then an edit, then 10 Ja on the second (week 11)."""
    page = ContentPageFactory(parent=home_page, title="Bygglov", slug="bygglov")
    with time_machine.travel(MONDAY, tick=False):
        first = page.save_revision()
        first.publish()
    for hour in range(10):
        FeedbackResponseFactory(page=page, revision=first, helpful=False, created_at=MONDAY + dt.timedelta(hours=hour))
    with time_machine.travel(MONDAY + dt.timedelta(days=14), tick=False):
        page.intro = "Nu med blanketten"
        second = page.save_revision()
        second.publish()
    for hour in range(10):
        FeedbackResponseFactory(
            page=page, revision=second, helpful=True, created_at=MONDAY + dt.timedelta(days=14, hours=hour)
        )
    return page


def test_the_wilson_interval_is_honest_about_small_numbers():
    low, high = wilson_interval(10, 10)
    assert round(low, 1) == 72.2 and high == 100
    low, high = wilson_interval(500, 1000)
    assert round(low, 1) == 46.9 and round(high, 1) == 53.1
    assert wilson_interval(0, 0) is None


def test_the_share_per_version_shows_the_rise_after_an_edit(edited_page):
    before, after = shares_by_revision(edited_page)
    assert (before.share, before.total, after.share, after.total) == (0, 10, 100, 10)
    assert after.change == 100
    assert (before.number, after.number) == (1, 2)


def test_spam_is_left_out_of_the_chart(edited_page):
    FeedbackResponseFactory(page=edited_page, helpful=False, created_at=MONDAY, state=FeedbackState.SPAM)
    assert [period.total for period in shares_by_period(edited_page, "vecka")] == [10, 10]


def test_answers_are_grouped_by_week_or_month(edited_page):
    assert [(p.label, p.yes, p.total) for p in shares_by_period(edited_page, "vecka")] == [
        ("v. 9 2027", 0, 10),
        ("v. 11 2027", 10, 10),
    ]
    assert [(p.label, p.yes, p.total) for p in shares_by_period(edited_page, "manad")] == [("2027-03", 10, 20)]


def test_the_chart_has_a_title_a_description_and_a_table_alternative(admin_client, edited_page):
    response = admin_client.get(reverse("feedback_page_trend", args=[edited_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    svg = soup(html).select_one("svg[role=img]")
    assert svg["aria-labelledby"] == "trend-title trend-desc"
    assert svg.select_one("title#trend-title").text == "Andel ja per vecka: Bygglov"
    assert "20 svar" in svg.select_one("desc#trend-desc").text
    assert len(svg.select("rect")) == 2
    assert len(svg.select("line.feedback-trend__version")) == 2
    versions = table_rows(html, "table:nth-of-type(1)")
    assert versions[1][-1] == "+100 procentenheter"
    # Row headers (the version, the week) are th cells; table_rows gives the data cells.
    assert versions[0][:3] == ["10 (få svar)", "0\xa0%", "0–28\xa0%"]
    assert versions[1][:3] == ["10 (få svar)", "100\xa0%", "72–100\xa0%"]
    weeks = table_rows(html, "table:nth-of-type(2)")
    assert [row[:2] for row in weeks] == [["0", "10 (få svar)"], ["10", "10 (få svar)"]]
    assert [th.text for th in soup(html).select("table:nth-of-type(2) tbody th")] == ["v. 9 2027", "v. 11 2027"]


def test_a_bad_period_falls_back_to_weeks(admin_client, edited_page):
    response = admin_client.get(reverse("feedback_page_trend", args=[edited_page.pk]), {"per": "år'"})
    assert response.status_code == 200
    assert "Andel ja per vecka" in response.content.decode()


def test_the_chart_is_for_feedback_readers_and_the_owner_only(client, edited_page):
    client.force_login(make_user("ingen"))
    assert client.get(reverse("feedback_page_trend", args=[edited_page.pk])).status_code in (302, 403)
