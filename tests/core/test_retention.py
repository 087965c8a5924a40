"""Every daily purge of personal data keeps what its setting says, takes --days instead, refuses a
negative number and, with --dry-run, only counts."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

PURGES = {
    "purge_feedback_comments": "FEEDBACK_COMMENT_RETENTION_DAYS",
    "purge_registrations": "REGISTRATION_RETENTION_DAYS",
    "purge_search_terms": "SEARCH_TERM_RETENTION_DAYS",
}


def _dry_run(command, *args):
    out = io.StringIO()
    call_command(command, "--dry-run", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("command", PURGES)
def test_the_setting_gives_the_days_unless_the_command_is_told(command, settings):
    setattr(settings, PURGES[command], 17)

    assert "17 dagar" in _dry_run(command)
    assert "3 dagar" in _dry_run(command, "--days", "3")


@pytest.mark.parametrize("command", PURGES)
def test_a_negative_number_of_days_is_refused(command):
    with pytest.raises(CommandError, match="Antalet dagar kan inte vara negativt."):
        call_command(command, "--days", "-1")
