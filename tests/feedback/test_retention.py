"""Comments are kept for a limited time: the purge command blanks exactly the old ones."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from feedback.models import FeedbackResponse
from tests.feedback.factories import FeedbackResponseFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def responses(page):
    def at(days_ago, hours=0, **kwargs):
        created_at = NOW - dt.timedelta(days=days_ago, hours=hours)
        return FeedbackResponseFactory(page=page, created_at=created_at, **kwargs)

    return {
        "old_comment": at(400, helpful=False, comment="Gammal kommentar"),
        "just_too_old": at(365, hours=1, helpful=False, comment="Precis för gammal"),
        "recent_comment": at(364, hours=23, helpful=False, comment="Ny nog"),
        "old_without_comment": at(500, helpful=True),
    }


def run(*args):
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_feedback_comments", *args, stdout=out)
    return out.getvalue()


def test_the_command_blanks_exactly_the_comments_older_than_the_retention(responses):
    output = run()

    comments = {key: FeedbackResponse.objects.get(pk=response.pk).comment for key, response in responses.items()}
    assert comments == {
        "old_comment": "",
        "just_too_old": "",
        "recent_comment": "Ny nog",
        "old_without_comment": "",
    }
    assert "Tömde 2 kommentarer" in output


def test_the_answers_themselves_are_kept(responses):
    run()

    assert FeedbackResponse.objects.count() == 4
    assert FeedbackResponse.objects.get(pk=responses["old_comment"].pk).helpful is False


@override_settings(FEEDBACK_COMMENT_RETENTION_DAYS=30)
def test_the_retention_comes_from_the_setting(responses):
    run()

    assert not FeedbackResponse.objects.with_comment().exists()


def test_days_on_the_command_line_override_the_setting(responses):
    run("--days", "450")

    assert FeedbackResponse.objects.get(pk=responses["old_comment"].pk).comment == "Gammal kommentar"


def test_a_dry_run_changes_nothing(responses):
    output = run("--dry-run")

    assert "2 kommentarer" in output
    assert FeedbackResponse.objects.with_comment().count() == 3


def test_running_twice_is_harmless(responses):
    run()
    assert "Tömde 0 kommentarer" in run()
