"""Embed helpers: which addresses we accept, and the iframe a visitor gets after consenting."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.embeds import find_provider, safe_iframe, stored_embeds, validate_media_url

from .factories import SOUNDCLOUD_URL, VIMEO_URL, YOUTUBE_URL, make_embed


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        (YOUTUBE_URL, "youtube"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube"),
        ("https://www.youtube.com/watch?list=PL1&v=dQw4w9WgXcQ&t=10", "youtube"),
        (VIMEO_URL, "vimeo"),
        (SOUNDCLOUD_URL, "soundcloud"),
    ],
)
def test_known_provider_addresses_are_recognised(url, provider):
    assert find_provider(url).key == provider


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/",
        "https://example.se/video.mp4",
        "https://soundcloud.com/bara-en-anvandare",
        "javascript:alert(1)",
        "",
    ],
)
def test_broken_or_unknown_addresses_get_a_swedish_message(url):
    with pytest.raises(ValidationError) as error:
        validate_media_url(url, "video")
    assert "känns inte igen" in error.value.messages[0]
    assert "YouTube eller Vimeo" in error.value.messages[0]


def test_a_soundcloud_address_is_not_accepted_as_a_video():
    with pytest.raises(ValidationError):
        validate_media_url(SOUNDCLOUD_URL, "video")
    assert validate_media_url(SOUNDCLOUD_URL, "audio").name == "SoundCloud"


@pytest.mark.django_db
def test_youtube_iframes_use_the_nocookie_host_and_get_a_title():
    html = safe_iframe(make_embed(YOUTUBE_URL), "Föreläsning 1")
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed"' in html
    assert 'title="Föreläsning 1"' in html
    assert "allowfullscreen" in html


@pytest.mark.django_db
def test_inline_styles_and_scripts_from_the_provider_are_dropped():
    embed = make_embed(VIMEO_URL)
    embed.html += "<script>alert(1)</script>"
    embed.save()
    html = safe_iframe(embed, "Film")
    assert "style=" not in html
    assert "<script" not in html
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in html


@pytest.mark.django_db
def test_an_iframe_from_an_unexpected_host_is_not_shown():
    embed = make_embed(YOUTUBE_URL, html='<iframe src="https://evil.example/embed"></iframe>')
    assert safe_iframe(embed, "Film") == ""


@pytest.mark.django_db
def test_an_existing_title_is_kept():
    embed = make_embed(SOUNDCLOUD_URL, html='<iframe title="Kjell ringer" src="https://w.soundcloud.com/player/?u=1">')
    assert 'title="Kjell ringer"' in safe_iframe(embed, "Annat")


@pytest.mark.django_db
def test_stored_embeds_are_read_in_one_query(django_assert_num_queries):
    make_embed(YOUTUBE_URL)
    make_embed(SOUNDCLOUD_URL)
    with django_assert_num_queries(1):
        found = stored_embeds([YOUTUBE_URL, SOUNDCLOUD_URL, VIMEO_URL])
    assert set(found) == {YOUTUBE_URL, SOUNDCLOUD_URL}
