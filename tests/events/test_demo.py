"""The demo builder publishes seeds 000, 001, 003 and 004 with every element a visitor must see."""

import pytest

from events import demo
from events.models import ConferencePage, EventIndexPage, NetworkPage, SeminarPart, SeminarSeriesPage
from tests.pages import assert_all_in, visible

pytestmark = pytest.mark.django_db


def test_demo_registers_the_listing_and_the_four_event_pages(demo_ctx):
    pages = demo_ctx.pages
    assert isinstance(pages["events_index"], EventIndexPage)
    assert pages["events_index"].slug == "kurser-och-konferenser"
    assert pages["events_index"].show_in_menus
    assert pages["events_index"].get_parent().pk == demo_ctx.home.pk
    assert isinstance(pages["conference"], ConferencePage)
    assert isinstance(pages["network"], NetworkPage)
    assert isinstance(pages["webinar_series"], SeminarSeriesPage)
    assert isinstance(pages["themes_conference"], ConferencePage)
    for key in ("conference", "network", "webinar_series", "themes_conference"):
        assert pages[key].live
        assert pages[key].get_parent().pk == pages["events_index"].pk


def test_seed_000_conference_shows_programme_speakers_contacts_and_registration(client, demo_ctx):
    page = demo_ctx.pages["conference"]
    assert page.start.date() > demo_ctx.today
    text = visible(client, page)
    assert_all_in(
        text,
        [
            "<h1>Fullmäktiges presidiekonferens, Göteborg</h1>",
            "Anmäl dig",
            "Stärka de politiska institutionerna",
            "Med reservation för ändringar.",
            "Programinnehåll",
            "Inledning",
            "Korruption och jäv",
            "Vad är korrupt beteende?",
            "Var går gränsen för muta eller jäv?",
            "Fullmäktige och jäv",
            "Nämnd och jäv",
            "Rättsfall om jäv",
            "Mänskliga rättigheter",
            "Mänskliga rättigheter, objektivitet och rättssäkerhet",
            "Vad innebär det att arbeta rättighetsbaserat?",
            "Vad utmärker en MR kommun?",
            "Digitaliseringens möjligheter",
            "Varför behöver kommun och region ta tillvara digitaliseringens möjligheter?",
            "Vilka möjligheter finns med digitalisering av den kommunala verksamheten?",
            "Hur kan fullmäktige arbeta strategiskt med frågan?",
            "Hur kan fullmäktige leda digitaliseringsarbetet?",
            "Hur kan fullmäktige styra nämnderna?",
            "Medverkande",
            "Elin Wihlborg",
            "professor, Linköpings universitet",
            "Cecilia Berglin",
            "Ann-Sofi Agnevik",
            "Anders Nordh",
            "Martin Lidhamn",
            "Frågor om anmälan",
            "Informationsansvarig",
            "Handläggare",
            "Göteborg",
        ],
    )
    assert '<p class="programme__break">Lunch</p>' in text
    assert 'href="https://example.se/anmalan/presidiekonferens-goteborg"' in text


def test_seed_001_network_shows_sections_facts_and_contacts(client, demo_ctx):
    text = visible(client, demo_ctx.pages["network"])
    assert_all_in(
        text,
        [
            "Publicerad: ",
            "23 september 2019",
            "<h1>Korruptionsbekämpning, nätverk</h1>",
            "Förutsättningar för deltagande och målgrupp",
            "Nätverksträffarnas innehåll",
            "Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.",
            "Kunskap, metoder och goda exempel kring hur korruptionsskyddet kan stärkas.",
            "Erfarenhetsutbyte och nätverksbyggande.",
            "Fakta",
            "Informationsansvarig",
            "Cecilia Berglin",
            "Handläggare",
            "Ann-Sofi Agnevik",
            "Förbundsjurist",
            "Kontakt",
            "Välkommen att skicka din fråga",
            "Gäller din fråga arbetsrätt eller kollektivavtal/förhandling?",
        ],
    )
    assert text.count("<li>") >= 4


def test_seed_003_webinar_series_shows_every_part_with_time_and_inspirer(client, demo_ctx):
    page = demo_ctx.pages["webinar_series"]
    parts = page.ordered_parts
    assert len(parts) == 4
    assert parts[0].is_held
    assert not any(part.is_held for part in parts[1:])
    text = visible(client, page)
    assert_all_in(
        text,
        [
            "<h1>Att fatta svåra beslut och möta motstånd - webbseminarium</h1>",
            "Anmäl dig",
            "Teman i hela seminarieserien",
            "Programinnehåll",
            "Ökad delaktighet vid förändringar av välfärdstjänster",
            "Det demokratiska samtalet har fått en hårdare ton",
            "Att möta andra värderingar och attityder",
            "Strategier för att inte censurera beslut",
            "Sändningen sker 13.15–14.00.",
            "Sändningen sker 09.00–09.45.",
            "Tid meddelas senare.",
            "Lena Langlet",
            "samordnare Demokratifrågor på SKL",
            "Vian Tahir",
            "Nätsäkerhetsexpert",
            "Lennart Koskinen",
            "Inspiratör: meddelas senare.",
            "Om webbsändningen och efterföljande diskussioner",
            "Varje webbsändning pågår i 45 minuter",
            "Ansvariga",
            "Anna-Lena Pogulis",
            "projektledare för hot och hat mot förtroendevalda",
            "Lena Lindgren",
            "projektledare för att stärka och utveckla det politiska ledarskapet",
            "Frågor om anmälan",
            "Informationsansvarig",
            "Projektledare",
            "Gäller din fråga arbetsrätt eller kollektivavtal/förhandling?",
        ],
    )
    assert text.count("Sändningen sker 09.00–09.45.") == 2
    for part in parts:
        assert f"{part.day_month} – {part.theme}" in text
        assert f"Tema den {part.day_month}: {part.theme}" in text
    # Sub-bullets of the webcast notes stay nested.
    assert "<ul><li>Hur kan du som förtroendevald" in text.replace("\n", "")
    assert "Har sänts" in text and "Kommande:" in text


def test_seed_004_themes_conference_shows_every_theme_and_seminar_and_is_past(client, demo_ctx):
    page = demo_ctx.pages["themes_conference"]
    assert page.is_past
    text = visible(client, page)
    assert "Tema och sessioner" in text
    for number, (title, _description, seminars) in enumerate(demo.THEMES, start=1):
        assert f"Tema {number} – {title}" in text
        for seminar_number, seminar in enumerate(seminars, start=1):
            assert f"<strong>Seminarium {seminar_number}:</strong> {seminar}" in text
    assert "Evenemanget har ägt rum." in text
    assert "Anmäl dig" not in text


def test_the_archive_lists_the_past_conference(client, demo_ctx):
    index = demo_ctx.pages["events_index"]
    archive = visible(client, index) and client.get(index.url + "?arkiv=1").content.decode()
    assert "Kommek: Tema och sessioner" in archive
    upcoming = client.get(index.url).content.decode()
    assert "Kommek: Tema och sessioner" not in upcoming
    assert "Fullmäktiges presidiekonferens, Göteborg" in upcoming


def test_building_twice_creates_no_duplicates(demo_ctx):
    counts = [model.objects.count() for model in (EventIndexPage, ConferencePage, NetworkPage, SeminarSeriesPage)]
    part_count = SeminarPart.objects.count()
    demo.build(demo_ctx)
    again = [model.objects.count() for model in (EventIndexPage, ConferencePage, NetworkPage, SeminarSeriesPage)]
    assert again == counts == [1, 2, 1, 1]
    assert SeminarPart.objects.count() == part_count == 4
