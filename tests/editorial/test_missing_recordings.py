"""The dashboard lists held broadcasts that still lack a recording or its captions once the grace period
(RECORDING_GRACE_DAYS) has passed, so editors meet the law's demand for captioned recordings."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.formatting import STOCKHOLM
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
from tests.pages import part, texts

pytestmark = pytest.mark.django_db
HELD = dt.date(2027, 3, 10)
PANEL = 'section[id^="editorial-missing-recordings"]'


def at(day):
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=STOCKHOLM)


@pytest.fixture
def series(event_index):
    page = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut")
    page.parts = [
        SeminarPartFactory.build(date=HELD, theme="Utan inspelning"),
        SeminarPartFactory.build(date=HELD, theme="Utan undertexter", recording_url="https://vimeo.com/123456789"),
        SeminarPartFactory.build(
            date=HELD, theme="Med undertexter", recording_url="https://vimeo.com/1", recording_captions_on_platform=True
        ),
        SeminarPartFactory.build(date=HELD, theme="Inställd", cancelled=True),
    ]
    page.save_revision().publish()
    return page


def panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return part(response.content.decode(), PANEL)


def test_nothing_is_listed_within_the_grace_period(client_for, publisher, series, settings):
    settings.RECORDING_GRACE_DAYS = 14
    with time_machine.travel(at(HELD + dt.timedelta(days=14)), tick=False):
        html = panel(client_for(publisher))
    assert "har inspelning och undertexter" in html


def test_after_the_grace_period_parts_without_recording_or_captions_are_listed(client_for, publisher, series, settings):
    settings.RECORDING_GRACE_DAYS = 14
    with time_machine.travel(at(HELD + dt.timedelta(days=15)), tick=False):
        html = panel(client_for(publisher))
    rows = texts(html, "tbody tr")
    assert len(rows) == 2
    assert "Svåra beslut: Utan inspelning" in rows[0] or "Svåra beslut: Utan inspelning" in rows[1]
    assert any("Utan undertexter" in row and row.endswith("Undertexter") for row in rows)
    assert any("Utan inspelning" in row and row.endswith("Inspelning") for row in rows)
    assert "Med undertexter" not in html and "Inställd" not in html


def test_the_grace_period_is_a_setting(client_for, publisher, series, settings):
    settings.RECORDING_GRACE_DAYS = 30
    with time_machine.travel(at(HELD + dt.timedelta(days=15)), tick=False):
        assert "för mer än 30 dagar sedan har inspelning" in panel(client_for(publisher))


def test_the_panel_reads_one_query_whatever_the_number_of_parts(client_for, publisher, series, event_index):
    with time_machine.travel(at(HELD + dt.timedelta(days=30)), tick=False):
        client = client_for(publisher)
        panel(client)
        with CaptureQueriesContext(connection) as before:
            panel(client)
        more = SeminarSeriesPageFactory(parent=event_index, title="Fler delar")
        more.parts = [SeminarPartFactory.build(date=HELD, theme=f"Extra {n}") for n in range(5)]
        more.save_revision().publish()
        with CaptureQueriesContext(connection) as after:
            panel(client)
    assert len(after) <= len(before) + 1
