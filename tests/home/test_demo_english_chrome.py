"""The English demo pages name their topics, and show the footer and the Kontakt box, in English;
the footer's and the box's words are one set per language."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Locale, Page

from core.models import SiteText

pytestmark = pytest.mark.django_db


def test_the_english_demo_pages_show_english_topics_footer_and_contact(client, home_page):
    call_command("load_demo_content")
    english = {page.title: page for page in Page.objects.filter(locale__language_code="en").live()}
    knowledge = client.get(english["Leading, governing and organising for digitalisation"].url).content.decode()

    assert '?amne=digitalisering">Digitalisation</a>' in knowledge
    assert '?amne=ledarskap-och-styrning">Leadership and governance</a>' in knowledge
    assert "Swedish Association of Local Authorities and Regions" in knowledge
    assert '<h2 id="site-contact-heading">Contact</h2>' in knowledge
    assert "Do you have a question about the ongoing outbreak of the virus?" in knowledge
    # The required pages have no English version: their Swedish titles are marked as Swedish.
    assert 'lang="sv">Tillgänglighetsredogörelse</a>' in knowledge
    assert "Sveriges Kommuner och Regioner" not in knowledge and "Har du en fråga" not in knowledge

    topics = client.get("/en/amnen/").content.decode()
    assert '<a href="/en/amnen/digitalisering/">Digitalisation</a>' in topics
    swedish = client.get("/amnen/").content.decode()
    assert '<a href="/amnen/digitalisering/">Digitalisering</a>' in swedish
    assert "Sveriges Kommuner och Regioner" in swedish


def test_a_second_set_of_texts_in_one_language_is_refused_with_a_message(db):
    SiteText.objects.create(organisation_name="Sveriges Kommuner och Regioner")
    second = SiteText(organisation_name="Ett annat namn", locale=Locale.get_default())
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert "Det finns redan texter på det här språket" in str(refused.value)
