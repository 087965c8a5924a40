"""Where each event page type may be created, and that every field reaches the visitor."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.models import Topic
from events.formatting import STOCKHOLM
from events.models import ConferencePage, EventIndexPage, NetworkPage, SeminarSeriesPage
from home.models import ContentPage, HomePage
from tests.core.factories import PersonFactory
from tests.events.factories import (
    ConferencePageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
)
from tests.pages import texts

pytestmark = pytest.mark.django_db

EVENT_TYPES = (ConferencePage, SeminarSeriesPage, NetworkPage)


def test_the_listing_lives_under_the_home_page_only(home_page, event_index):
    assert EventIndexPage.can_create_at(home_page)
    assert not EventIndexPage.can_create_at(event_index)
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize("model", EVENT_TYPES)
def test_event_pages_live_only_under_the_listing(home_page, event_index, model):
    assert model.can_create_at(event_index)
    assert not model.can_create_at(home_page)
    assert model.allowed_subpage_models() == []


def test_the_listing_allows_only_event_pages(event_index):
    assert set(event_index.specific_class.allowed_subpage_models()) == set(EVENT_TYPES)
    assert not ContentPage.can_create_at(event_index)


def test_a_conference_needs_a_start_and_an_end_after_it(event_index):
    page = ConferencePage(title="Utan datum", slug="utan-datum", event_format="konferens")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Ange när evenemanget börjar." in str(error.value)
    page.start = dt.datetime(2027, 3, 12, 9, 0, tzinfo=STOCKHOLM)
    page.end = dt.datetime(2027, 3, 11, 9, 0, tzinfo=STOCKHOLM)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Slutet måste vara efter starten." in str(error.value)


@time_machine.travel(dt.datetime(2027, 1, 10, 12, 0, tzinfo=STOCKHOLM), tick=False)
def test_a_conference_renders_every_field(client, event_index):
    person = PersonFactory(name="Elin Wihlborg", role="Professor", organisation="Linköpings universitet")
    contact = PersonFactory(name="Martin Lidhamn", role="Handläggare")
    topic = Topic.objects.create(name="Demokrati", slug="demokrati")
    page = ConferencePageFactory(
        parent=event_index,
        title="Presidiekonferens",
        intro="Om mutor och jäv.",
        start=dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM),
        end=dt.datetime(2027, 3, 13, 16, 0, tzinfo=STOCKHOLM),
        venue="Svenska Mässan",
        address="Mässans gata 10",
        city="Göteborg",
        webcast_url="https://example.se/live",
        status="flyttad",
        status_note="Flyttad från februari.",
        subject_to_change=True,
        registration_deadline=dt.date(2027, 3, 1),
        topics=[topic],
        body=[
            {"type": "heading", "value": {"text": "Stärka institutionerna", "level": "h2"}},
            {
                "type": "programme",
                "value": {
                    "heading": "Programinnehåll",
                    "items": [
                        {
                            "type": "session",
                            "value": {
                                "title": "Korruption och jäv",
                                "start_time": "09:45:00",
                                "end_time": "12:00:00",
                                "text": "<p>Ett pass om jäv.</p>",
                                "topics": ["Nämnd och jäv"],
                                "speakers": [{"person": person.pk, "name": "", "title": ""}],
                            },
                        },
                        {
                            "type": "pause",
                            "value": {"title": "Lunch", "start_time": "12:00:00", "end_time": "13:00:00"},
                        },
                    ],
                },
            },
            {
                "type": "themes_sessions",
                "value": {
                    "heading": "Tema och sessioner",
                    "themes": [
                        {
                            "title": "Arbetstiden",
                            "description": "<p>Om arbetstid.</p>",
                            "seminars": [
                                {
                                    "title": "Kortare arbetstid",
                                    "start_time": "13:15:00",
                                    "end_time": "14:00:00",
                                    "room": "Sal A",
                                    "speakers": [{"person": None, "name": "Meddelas senare", "title": ""}],
                                }
                            ],
                        }
                    ],
                },
            },
        ],
        speakers=[
            {
                "type": "speaker",
                "value": {"person": person.pk, "name": "", "title": "professor, Linköpings universitet"},
            },
            {"type": "speaker", "value": {"person": None, "name": "Anders Nordh", "title": "SKL"}},
        ],
        contacts=[
            {"type": "contact", "value": {"heading": "Informationsansvarig", "people": [contact.pk], "text": ""}}
        ],
    )
    html = client.get(page.url).content.decode()
    for expected in [
        "<h1>Presidiekonferens</h1>",
        '<p class="intro">Om mutor och jäv.</p>',
        "<strong>Flyttad</strong> – Flyttad från februari.",
        "12 mars 2027 kl. 09.30 – 13 mars 2027 kl. 16.00",
        "Svenska Mässan, Mässans gata 10, Göteborg",
        'href="https://example.se/live"',
        "<dd>Konferens</dd>",
        "<dd>Demokrati</dd>",
        "Med reservation för ändringar.",
        "Anmäl dig",
        "Sista anmälningsdag är 1 mars 2027.",
        f'href="{page.ics_url}" download',
        "Stärka institutionerna",
        '<p class="programme__time">09.45–12.00</p>',
        '<h3 class="programme__title">Korruption och jäv</h3>',
        "Ett pass om jäv.",
        "<li>Nämnd och jäv</li>",
        '<li class="programme__item programme__item--break">',
        '<p class="programme__break">Lunch</p>',
        '<h3 class="theme__title">Tema 1 – Arbetstiden</h3>',
        "Om arbetstid.",
        "<strong>Seminarium 1:</strong> Kortare arbetstid",
        "13.15–14.00, Sal A",
        "Meddelas senare",
        '<h2 id="event-speakers-heading">Medverkande</h2>',
        "Elin Wihlborg",
        "professor, Linköpings universitet",
        "Anders Nordh",
        "Informationsansvarig",
        "Martin Lidhamn",
        "Handläggare",
        'href="/static/css/events.css"',
    ]:
        assert expected in html, expected
    assert 'style="' not in html


@time_machine.travel(dt.datetime(2027, 3, 1, 12, 0, tzinfo=STOCKHOLM), tick=False)
def test_a_seminar_series_tells_held_parts_from_upcoming_ones(client, event_index):
    speaker = PersonFactory(name="Lena Langlet", role="Samordnare")
    responsible = PersonFactory(name="Anna-Lena Pogulis", role="Projektledare")
    series = SeminarSeriesPageFactory(
        parent=event_index,
        title="Svåra beslut",
        webcast_notes="<ul><li>Varje sändning är 45 minuter.<ul><li>Underpunkt</li></ul></li></ul>",
        responsible=[{"type": "speaker", "value": {"person": responsible.pk, "name": "", "title": "projektledare"}}],
    )
    series.parts = [
        SeminarPartFactory.build(
            date=dt.date(2027, 2, 10),
            theme="Delaktighet",
            speakers=[{"type": "speaker", "value": {"person": speaker.pk, "name": "", "title": ""}}],
            webcast_url="https://example.se/live-1",
            recording_url="https://example.se/inspelning-1",
        ),
        SeminarPartFactory.build(
            date=dt.date(2027, 3, 9),
            start_time=dt.time(9, 0),
            end_time=dt.time(9, 45),
            theme="Hårdare ton",
            webcast_url="https://example.se/live-2",
            recording_url="https://example.se/inspelning-2",
        ),
        SeminarPartFactory.build(date=dt.date(2027, 4, 5), start_time=None, end_time=None, theme="Värderingar"),
    ]
    series.save_revision().publish()
    html = client.get(series.url).content.decode()
    for expected in [
        "Teman i hela seminarieserien",
        "<li>10 februari – Delaktighet</li>",
        "<li>9 mars – Hårdare ton</li>",
        "<li>5 april – Värderingar</li>",
        "Tema den 10 februari: Delaktighet",
        "Har sänts 10 februari 2027",
        "Kommande: 9 mars 2027",
        "Sändningen sker 13.15–14.00.",
        "Sändningen sker 09.00–09.45.",
        "Tid meddelas senare.",
        'Inspiratör: <span class="speaker"><span class="speaker__name">Lena Langlet',
        "Inspiratör: meddelas senare.",
        'href="https://example.se/inspelning-1"',
        'href="https://example.se/live-2"',
        "Om webbsändningen och efterföljande diskussioner",
        "<li>Underpunkt</li>",
        "Ansvariga",
        "Anna-Lena Pogulis",
        "Anmäl dig",
        "<dd>Webbseminarium</dd>",
    ]:
        assert expected in html, expected
    # The recording shows only once a part is held; the webcast link only before.
    assert 'href="https://example.se/inspelning-2"' not in html
    assert 'href="https://example.se/live-1"' not in html


def test_a_network_page_renders_every_section(client, event_index):
    contact = PersonFactory(name="Cecilia Berglin", role="Handläggare")
    page = NetworkPageFactory(
        parent=event_index,
        title="Korruptionsbekämpning, nätverk",
        prerequisites="<p>En till två deltagare per kommun.</p>",
        target_group="<p>Ekonomer och jurister.</p>",
        meeting_contents="<ul><li>Erfarenhetsutbyte och nätverksbyggande.</li></ul>",
        facts="<p>Korruption skadar förtroendet.</p>",
        meetings=[
            {
                "type": "meeting",
                "value": {
                    "date": "2027-04-01",
                    "start_time": "10:00:00",
                    "end_time": "15:00:00",
                    "place": "Stockholm",
                    "note": "Första träffen",
                },
            }
        ],
        contacts=[
            {"type": "contact", "value": {"heading": "Informationsansvarig", "people": [contact.pk], "text": ""}},
            {
                "type": "contact",
                "value": {"heading": "Kontakt", "people": [], "text": "<p>Välkommen med din fråga!</p>"},
            },
        ],
    )
    html = client.get(page.url).content.decode()
    for expected in [
        'Publicerad: <time datetime="2019-09-23">23 september 2019</time>',
        "<h1>Korruptionsbekämpning, nätverk</h1>",
        "Ett nätverk för korruptionsbekämpning.",
        "Förutsättningar för deltagande och målgrupp",
        "En till två deltagare per kommun.",
        "Ekonomer och jurister.",
        "Nätverksträffarnas innehåll",
        "<li>Erfarenhetsutbyte och nätverksbyggande.</li>",
        '<h2 id="network-facts-heading" class="facts-box__heading">Fakta</h2>',
        "Korruption skadar förtroendet.",
        "Träffar",
        "Informationsansvarig",
        "Cecilia Berglin",
        "Välkommen med din fråga!",
        "<dd>Nätverksträff</dd>",
    ]:
        assert expected in html, expected
    assert "kl. 10.00–15.00, Stockholm – Första träffen" in texts(html, ".meeting")[0]
    assert page.start == dt.datetime(2027, 4, 1, 10, 0, tzinfo=STOCKHOLM)


def test_the_speakers_of_all_parts_of_a_series_are_read_in_one_query(event_index, django_assert_num_queries):
    people = [PersonFactory(name=f"Inspiratör {number}") for number in range(3)]
    series = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut")
    series.parts = [
        SeminarPartFactory.build(
            date=dt.date(2027, 2, day),
            speakers=[{"type": "speaker", "value": {"person": person.pk, "name": "", "title": ""}}],
        )
        for day, person in zip((10, 17, 24), people, strict=True)
    ]
    series.save()
    series = SeminarSeriesPage.objects.get(pk=series.pk)

    with django_assert_num_queries(2):  # the parts, then the people they name
        series.read_people()
        names = [block.value["person"].name for part in series.ordered_parts for block in part.speakers]

    assert names == ["Inspiratör 0", "Inspiratör 1", "Inspiratör 2"]
