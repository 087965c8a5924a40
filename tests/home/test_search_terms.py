"""Visitors' search terms are kept only as daily counts per term, for the promotions report, and no
longer than SEARCH_TERM_RETENTION_DAYS; a term editors promote results for stays, without old counts."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 5, 31, 12, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[2]


def search_on(day, client, query):
    with time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=False):
        assert client.get("/sok/", {"q": query}).status_code == 200


def purge(*args):
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_search_terms", *args, stdout=out)
    return out.getvalue()


def terms():
    return {query.query_string: sorted(query.daily_hits.values_list("date", "hits")) for query in Query.objects.all()}


def test_a_search_is_kept_only_as_a_count_per_term_and_day(client, home_page):
    day = NOW.date()
    for query in ("Anna Andersson", "anna  andersson", "Digitalisering"):
        search_on(day, client, query)

    assert terms() == {"anna andersson": [(day, 2)], "digitalisering": [(day, 1)]}


def test_the_purge_removes_terms_and_counts_older_than_the_retention(client, home_page):
    def days_ago(days):
        return NOW.date() - dt.timedelta(days=days)

    search_on(days_ago(31), client, "gammalt sökord")
    search_on(days_ago(31), client, "blandat")
    search_on(days_ago(2), client, "blandat")
    search_on(days_ago(30), client, "precis inom")

    output = purge()

    assert terms() == {"blandat": [(days_ago(2), 1)], "precis inom": [(days_ago(30), 1)]}
    assert "Tog bort 2 dagliga antal sökningar och 1 sökord" in output


def test_a_promoted_term_stays_without_its_old_counts(client, home_page):
    search_on(NOW.date() - dt.timedelta(days=60), client, "lönestatistik")
    SearchPromotion.objects.create(
        query=Query.get("lönestatistik"), page=ContentPageFactory(parent=home_page), sort_order=0, description=""
    )

    purge()

    assert terms() == {"lönestatistik": []}
    assert SearchPromotion.objects.count() == 1


def test_a_dry_run_only_counts_and_days_can_be_overridden(client, home_page):
    search_on(NOW.date() - dt.timedelta(days=10), client, "tio dagar")

    assert "1 dagliga antal sökningar är äldre än 7 dagar" in purge("--days", "7", "--dry-run")
    assert QueryDailyHits.objects.count() == 1
    purge("--days", "7")
    assert not Query.objects.exists()


def test_the_retention_is_thirty_days_and_wagtails_own_clean_up_agrees():
    assert settings.SEARCH_TERM_RETENTION_DAYS == 30
    assert settings.WAGTAILSEARCH_HITS_MAX_AGE == settings.SEARCH_TERM_RETENTION_DAYS


def test_every_retention_period_is_in_the_deployment_docs_and_every_purge_among_the_periodic_jobs():
    deployment = (ROOT / "docs" / "deployment.md").read_text()
    jobs = [target for _name, _seconds, target in settings.PERIODIC_JOBS]
    retention = [name for name in dir(settings) if name.endswith("_RETENTION_DAYS")]

    assert retention
    for name in retention:
        assert f"`{name}`" in deployment, name
    for command in ("purge_registrations", "purge_feedback_comments", "purge_search_terms", "clearsessions"):
        assert f"command:{command}" in jobs, command
        assert f"`{command}`" in deployment, command
