"""The demo builder publishes seed 002 with every element a visitor must see, and builds idempotently."""

import pytest
from wagtail.embeds.models import Embed
from wagtail.models import Page

from knowledge import demo
from knowledge.models import KnowledgeIndexPage, KnowledgePage
from tests.pages import assert_all_in, visible

pytestmark = pytest.mark.django_db


def test_demo_registers_the_listing_and_the_seed_page(demo_ctx):
    index, page = demo_ctx.pages["knowledge_index"], demo_ctx.pages["knowledge"]
    assert isinstance(index, KnowledgeIndexPage)
    assert (index.title, index.slug, index.show_in_menus, index.live) == ("Kunskap", "kunskap", True, True)
    assert index.get_parent().pk == demo_ctx.home.pk
    assert isinstance(page, KnowledgePage)
    assert page.live
    assert page.get_parent().pk == index.pk
    assert {topic.slug for topic in page.topics.all()} >= {"digitalisering"}


def test_seed_002_shows_every_element(client, demo_ctx):
    text = visible(client, demo_ctx.pages["knowledge"])
    assert_all_in(
        text,
        [
            # Publication date and title
            "Publicerad",
            "22 juni 2021",
            "<h1>Ledning, styrning och organisation för att digitalisera</h1>",
            # Key-point bullets (paraphrased)
            '<ul class="key-points"',
            "sätta mål, fördela resurser och följa upp",
            "rättssäker",
            "klargörande frågor",
            "likabehandling och opartiskhet",
            # Web course link
            "Webbkurs: </span>Att leda i en digital tid",
            f'href="{demo.COURSE_URL}">Att leda i en digital tid, webbkurs</a>',
            "professor Elin Wihlborg",
            # Recorded lectures with lengths
            "Digitalisering och det politiska uppdraget",
            'Elin Wihlborg</span><span class="speaker__title">, professor i statsvetenskap',
            "Webbsändning, 8 minuter",
            "Webbsändning, 12 minuter",
            # Interview series and its participants
            "Fem perspektiv på utmaningar och ledarskap",
            'Vesna Jovic</span><span class="speaker__title">, VD SKR 2017-2019',
            'Peder Björk</span><span class="speaker__title">, Kommunstyrelsens ordförande i Sundsvalls kommun',
            'Marie Larsson</span><span class="speaker__title">, avdelningschef i Skellefteå kommun',
            'Mikael Lindfors</span><span class="speaker__title">, Kommunstyrelsens ordförande i Norsjö kommun',
            'Kerstin Westerberg</span><span class="speaker__title">, Cesam Öst i Norrköpings kommun',
            # Podcast episode on SoundCloud, 11 minutes, with a quote
            "Podcast: Jakten på den perfekta digitaliseringen",
            "Kjell ringer en digitaliseringsdirektör",
            "Jörgen Sandström, Västerås stad:",
            "dygnet runt",
            "Avsnittet är 11 minuter långt.",
            "Visa innehåll från SoundCloud",
            f'href="{demo.PODCAST_URL}"',
            # Two-part webinar with its participant list
            "Digitalt kompetenslyft för förtroendevalda och tjänstepersoner",
            "Webbinarium i 2 delar",
            "Del 1: Att leda digitaliseringsarbetet som förtroendevald",
            "Del 2: Att leda digitaliseringsarbetet som tjänsteperson",
            "Medverkande, urval",
            'Anders Knape</span><span class="speaker__title">, ordförande, SKR',
            'Vesna Jovic</span><span class="speaker__title">, tidigare vd, SKR',
            'Jörgen Sandström</span><span class="speaker__title">, digitaliseringsdirektör, Västerås stad',
            'Elin Wihlborg</span><span class="speaker__title">, professor, Linköpings Universitet',
            # Kontakt
            "Kontakta SKR",
            "Kontakt</h2>",
            "Har du en fråga med anledning av det pågående virusutbrottet?",
        ],
    )


def test_seed_002_players_wait_for_consent_and_have_titles(client, demo_ctx):
    text = visible(client, demo_ctx.pages["knowledge"])
    assert text.count("Visa innehåll från YouTube") == 9  # two lectures, five interviews, two webinar parts
    assert text.count("Visa innehåll från SoundCloud") == 1
    assert text.count('<template class="embed__template">') == 10
    assert text.count("<iframe") == text.count('<iframe src="https://') == 10
    assert text.count(' title="') >= 10
    assert "https://www.youtube.com/embed" not in text
    assert text.count("https://www.youtube-nocookie.com/embed/") == 9


def test_seed_002_is_listed_with_its_kinds_of_content(client, demo_ctx):
    text = visible(client, demo_ctx.pages["knowledge_index"])
    assert "Ledning, styrning och organisation för att digitalisera" in text
    assert "Publicerad 22 juni 2021 · Webbsändning, Podd, Webbkurs, Webbinarium" in text


def test_seed_002_raises_no_editor_warnings(demo_ctx):
    assert demo_ctx.pages["knowledge"].editor_warnings() == []


def test_building_twice_creates_no_duplicates(demo_ctx):
    counts = (Page.objects.count(), KnowledgePage.objects.count(), Embed.objects.count())
    demo.build(demo_ctx)
    assert (Page.objects.count(), KnowledgePage.objects.count(), Embed.objects.count()) == counts
    assert KnowledgeIndexPage.objects.filter(slug="kunskap").count() == 1
    assert demo_ctx.pages["knowledge"].topics.count() == 3
