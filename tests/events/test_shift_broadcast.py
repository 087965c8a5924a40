"""Demo: a command lets a series part start in a few minutes, so a browser shows every broadcast state."""

import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command

from events.formatting import STOCKHOLM
from events.models import SeminarSeriesPage

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2027, 3, 28, 10, 0, 20, tzinfo=STOCKHOLM)


def test_a_part_of_the_demo_series_starts_in_five_minutes(client, demo_ctx, capsys):
    with time_machine.travel(NOW, tick=False):
        call_command("shift_broadcast")
        series = SeminarSeriesPage.objects.live().get()
        (part,) = [part for part in series.parts.all() if part.date == NOW.date()]
        html = client.get(series.url).content.decode()
    assert part.start == dt.datetime(2027, 3, 28, 10, 5, tzinfo=STOCKHOLM)
    assert part.end == dt.datetime(2027, 3, 28, 10, 15, tzinfo=STOCKHOLM)
    assert "Börjar om 5 minuter" in html
    # The demo's own time, not an editor's move: no "Flyttad från" and no new calendar version.
    assert part.moved_from is None and "Flyttad från" not in html
    assert "börjar kl. 10.05 och slutar kl. 10.15" in capsys.readouterr().out


def test_a_series_that_does_not_exist_gets_a_swedish_message(demo_ctx):
    with pytest.raises(CommandError, match="Hittar ingen publicerad seminarieserie"):
        call_command("shift_broadcast", series="finns-inte")
