"""Every media block renders itself, with a stored embed and without one, and validates what editors save."""

import pytest
import requests
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.embeds.models import Embed

from knowledge.blocks import KnowledgeStreamBlock, PodcastBlock, WebcastBlock
from tests.pages import part, soup

from .factories import SOUNDCLOUD_URL, VIMEO_URL, YOUTUBE_URL, make_document, make_embed

pytestmark = pytest.mark.django_db

SECOND_YOUTUBE_URL = "https://www.youtube.com/watch?v=abcdefghijk"


def render(block_type, value, context=None):
    stream = KnowledgeStreamBlock()
    child = stream.child_blocks[block_type]
    data = StreamValue(stream, [(block_type, child.to_python(value))])
    return data[0].render(context or {})


VALUES = {
    "webcast": {
        "title": "Digitalisering och det politiska uppdraget, del 1",
        "length": 8,
        "video_url": YOUTUBE_URL,
        "people": [{"name": "Elin Wihlborg", "title": "professor i statsvetenskap"}],
    },
    "podcast": {
        "series_title": "Jakten på den perfekta digitaliseringen",
        "title": "Kjell ringer en digitaliseringsdirektör",
        "length": 11,
        "audio_url": SOUNDCLOUD_URL,
        "quote": "Med AI kan invånarna få svar dygnet runt.",
        "quote_source": "Jörgen Sandström, Västerås stad",
    },
    "interview_series": {
        "title": "Fem perspektiv på utmaningar och ledarskap",
        "interviews": [
            {
                "speaker": {"name": "Vesna Jovic", "title": "VD SKR 2017-2019"},
                "media": [{"type": "webcast", "value": {"title": "Intervju med Vesna Jovic", "video_url": VIMEO_URL}}],
            }
        ],
    },
    "webinar": {
        "title": "Digitalt kompetenslyft för förtroendevalda och tjänstepersoner",
        "people_heading": "Medverkande, urval",
        "people": [{"name": "Anders Knape", "title": "ordförande, SKR"}],
        "parts": [
            {"title": "Del 1", "length": 50, "video_url": YOUTUBE_URL},
            {"title": "Del 2", "length": 40, "video_url": SECOND_YOUTUBE_URL},
        ],
    },
}

# What each block shows in both cases, and what only appears once the embed is stored.
EXPECTED = {
    "webcast": ("Elin Wihlborg", "Visa innehåll från YouTube", "youtube-nocookie.com"),
    "podcast": ("Avsnittet är 11 minuter långt.", "Visa innehåll från SoundCloud", "w.soundcloud.com"),
    "interview_series": ("Vesna Jovic", "Visa innehåll från Vimeo", "player.vimeo.com"),
    "webinar": ("Medverkande, urval", "Visa innehåll från YouTube", "youtube-nocookie.com"),
}
URLS = {
    "webcast": [YOUTUBE_URL],
    "podcast": [SOUNDCLOUD_URL],
    "interview_series": [VIMEO_URL],
    "webinar": [YOUTUBE_URL, SECOND_YOUTUBE_URL],
}


@pytest.mark.parametrize("block_type", sorted(VALUES))
def test_media_block_with_a_stored_embed_shows_a_consent_placeholder(block_type):
    for url in URLS[block_type]:
        make_embed(url)
    html = render(block_type, VALUES[block_type])
    always, consent, player_host = EXPECTED[block_type]
    assert always in html
    assert consent in html
    # The player waits inside a <template> and every iframe has a title.
    assert player_host in part(html, "template")
    # CSS selectors do not look inside a <template> (it is not part of the page until used); find_all does.
    iframes, templates = soup(html).find_all("iframe"), soup(html).find_all("template")
    assert all(iframe.has_attr("title") for iframe in iframes)
    assert len(iframes) == len(templates)


@pytest.mark.parametrize("block_type", sorted(VALUES))
def test_media_block_without_embed_data_shows_a_plain_link(block_type):
    html = render(block_type, VALUES[block_type])
    always, consent, player_host = EXPECTED[block_type]
    assert always in html
    assert consent not in html
    assert "<iframe" not in html
    assert f'href="{URLS[block_type][0]}"' in html


def test_web_course_renders_a_card_linking_to_the_course():
    html = render(
        "web_course",
        {
            "title": "Att leda i en digital tid",
            "description": "<p>Framtagen med professor Elin Wihlborg.</p>",
            "length": 45,
            "link": {"external_url": "https://example.se/webbkurs"},
            "link_text": "Att leda i en digital tid, webbkurs",
        },
    )
    assert "Webbkurs: </span>Att leda i en digital tid" in html
    assert (
        '<a class="button button--primary" href="https://example.se/webbkurs">Att leda i en digital tid, webbkurs</a>'
        in html
    )
    assert "45 minuter" in html


def test_the_placeholder_link_names_the_content_and_works_without_javascript():
    make_embed(YOUTUBE_URL)
    html = render("webcast", VALUES["webcast"])
    assert (
        f'<a class="embed__link" href="{YOUTUBE_URL}">Titta på ”Digitalisering och det politiska uppdraget, del 1”'
        in html
    )
    assert "(8 minuter)" in html
    assert '<div class="embed__consent" hidden>' in html
    assert "Kom ihåg mitt val för YouTube" in html
    assert "style=" not in html
    assert "<script" not in html


def test_the_placeholder_speaks_the_pages_language_and_escapes_the_title():
    make_embed(YOUTUBE_URL)
    value = dict(VALUES["webcast"], title="Budget <2027> & framåt")
    with translation.override("en"):
        html = render("webcast", value)
    assert (
        f'<a class="embed__link" href="{YOUTUBE_URL}">Watch “Budget &lt;2027&gt; &amp; framåt” on YouTube</a>' in html
    )
    assert 'data-forget-label="Forget my choice for YouTube"' in html
    assert "Show content from YouTube" in html
    assert "Remember my choice for YouTube" in html
    assert "<2027>" not in html


def test_without_a_stored_player_the_placeholder_is_only_the_link():
    html = render("podcast", VALUES["podcast"])
    assert "embed--link" in html
    assert "Lyssna på ”Kjell ringer en digitaliseringsdirektör” hos SoundCloud</a>" in html
    assert "Visa innehåll från" not in html
    assert "data-forget-label" not in html


def test_uploaded_video_has_a_swedish_captions_track_and_a_transcript():
    video = make_document("forelasning.mp4")
    captions = make_document("forelasning.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHej\n")
    html = render(
        "webcast",
        {
            "title": "Föreläsning",
            "length": 12,
            "video_file": video.pk,
            "captions": captions.pk,
            "transcript": "<p>Hej och välkommen.</p>",
        },
    )
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" srclang="sv" label="Svenska" src="{captions.url}" default>' in html
    assert "<summary>Textversion" in html
    assert "Hej och välkommen." in html


def test_uploaded_audio_plays_in_an_audio_element():
    audio = make_document("avsnitt.mp3")
    html = render("podcast", {"title": "Avsnitt", "audio_file": audio.pk, "transcript": "<p>Text</p>"})
    assert f'<source src="{audio.url}" type="audio/mpeg">' in html


def test_nested_recordings_get_lower_heading_levels():
    html = render("webinar", VALUES["webinar"])
    assert '<h2 class="media__title">Digitalt kompetenslyft' in html
    assert '<h3 class="media__title">Del 1</h3>' in html
    html = render("interview_series", VALUES["interview_series"])
    assert '<h4 class="media__title">Intervju med Vesna Jovic</h4>' in html


# --- What editors get when they save -------------------------------------------------------------


def clean(block, value):
    return block.clean(block.to_python(value))


def errors_of(excinfo):
    error = excinfo.value
    messages = [str(e.message) for e in error.non_block_errors.as_data()]
    for child_error in error.block_errors.values():
        messages.extend(child_error.messages)
    return " ".join(messages)


class FakeResponse:
    def __init__(self, status=200, data=None):
        self.status_code = status
        self._data = data or {}

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code}", response=self)

    def json(self):
        return self._data


def test_saving_fetches_and_stores_the_embed(monkeypatch):
    answer = {
        "type": "video",
        "title": "Föreläsning",
        "html": '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    }
    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", lambda *a, **k: FakeResponse(data=answer))
    clean(WebcastBlock(), {"title": "Föreläsning", "video_url": YOUTUBE_URL, "captions_on_platform": True})
    assert Embed.objects.get(url=YOUTUBE_URL).title == "Föreläsning"


def test_saving_with_an_unreachable_provider_keeps_the_address(no_network):
    value = clean(WebcastBlock(), {"title": "Föreläsning", "video_url": YOUTUBE_URL})
    assert value["video_url"] == YOUTUBE_URL
    assert no_network, "the provider was tried"
    assert not Embed.objects.exists()


def test_a_clip_the_provider_does_not_know_gets_a_swedish_error(monkeypatch):
    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", lambda *a, **k: FakeResponse(status=404))
    with pytest.raises(ValidationError) as excinfo:
        clean(PodcastBlock(), {"title": "Avsnitt", "audio_url": SOUNDCLOUD_URL})
    assert "Klippet finns inte hos tjänsten" in errors_of(excinfo)


def test_an_unknown_address_gets_a_swedish_error(no_network):
    with pytest.raises(ValidationError) as excinfo:
        clean(WebcastBlock(), {"title": "Film", "video_url": "https://example.se/film"})
    assert "känns inte igen" in errors_of(excinfo)
    assert not no_network, "an unknown address is never fetched"


def test_an_address_and_a_file_cannot_both_be_given():
    video = make_document("film.mp4")
    make_embed(YOUTUBE_URL)
    with pytest.raises(ValidationError) as excinfo:
        clean(WebcastBlock(), {"title": "Film", "video_url": YOUTUBE_URL, "video_file": video.pk})
    assert "exakt en av dem" in errors_of(excinfo)
    with pytest.raises(ValidationError):
        clean(WebcastBlock(), {"title": "Film"})


def test_captions_must_be_webvtt_and_video_files_must_be_video():
    with pytest.raises(ValidationError) as excinfo:
        clean(
            WebcastBlock(),
            {"title": "Film", "video_file": make_document("film.pdf").pk, "captions": make_document("text.txt").pk},
        )
    message = errors_of(excinfo)
    assert "WebVTT" in message
    assert ".mp4" in message


def test_an_emptied_transcript_shows_no_text_version_and_counts_as_missing():
    block = WebcastBlock()
    value = block.to_python({"title": "Film", "video_url": YOUTUBE_URL, "transcript": '<p data-block-key="x"></p>'})
    assert not value.has_text_alternative
    assert "Textversion" not in block.render(value)


# Image and table are shared blocks without a preview value (they need an image or data).
@pytest.mark.parametrize("block_type", sorted(set(KnowledgeStreamBlock().child_blocks) - {"image", "table"}))
def test_every_block_preview_renders(block_type):
    block = KnowledgeStreamBlock().child_blocks[block_type]
    value = block.get_preview_value()
    assert block.render(value, {}).strip()


def test_an_interview_series_on_an_english_page_has_english_headings():
    # An empty heading falls back to the page's language; an editor's heading is content, translated as such.
    value = {**VALUES["interview_series"], "length": 25, "people_heading": ""}
    with translation.override("en"):
        html = render("interview_series", value)
    assert "Interview series, 25 minutes in all" in html
    assert '<h3 class="media__people-heading">Speakers</h3>' in html
    with translation.override("sv"):
        html = render("interview_series", value)
    assert "Intervjuserie, sammanlagt 25 minuter" in html
    assert '<h3 class="media__people-heading">Medverkande</h3>' in html
