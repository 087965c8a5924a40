"""Factories for knowledge pages, stored embeds and media documents."""

import datetime as dt

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from knowledge.models import KnowledgeIndexPage, KnowledgePage

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VIMEO_URL = "https://vimeo.com/76979871"
SOUNDCLOUD_URL = "https://soundcloud.com/skr-podd/kjell-ringer-en-digitaliseringsdirektor"


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KnowledgeIndexPage

    title = "Kunskap"
    slug = "kunskap"
    intro = "Webbkurser, webbsändningar och poddar om kommunernas och regionernas arbete."


class KnowledgePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KnowledgePage

    title = factory.Sequence(lambda n: f"Kunskapssida {n}")
    intro = factory.Faker("sentence", locale="sv_SE")
    publication_date = dt.date(2021, 6, 22)


def iframe_html(url):
    """Iframe HTML in the shape each provider's oEmbed answer has (no title on purpose)."""
    if "soundcloud" in url:
        return (
            '<iframe width="100%" height="166" scrolling="no" frameborder="no" '
            'src="https://w.soundcloud.com/player/?visual=true&url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F1"'
            "></iframe>"
        )
    if "vimeo" in url:
        return (
            '<iframe src="https://player.vimeo.com/video/76979871?dnt=1" width="640" height="360" '
            'frameborder="0" allow="autoplay; fullscreen" style="border:0"></iframe>'
        )
    video_id = url.rsplit("=", 1)[-1]
    return (
        f'<iframe width="200" height="113" src="https://www.youtube.com/embed/{video_id}?feature=oembed" '
        'frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture" allowfullscreen></iframe>'
    )


def make_embed(url, title="Inspelning", html=None):
    """A stored Embed record, as wagtail.embeds makes it when an editor saves (no network)."""
    provider = "SoundCloud" if "soundcloud" in url else "Vimeo" if "vimeo" in url else "YouTube"
    return Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={
            "url": url,
            "type": "rich" if provider == "SoundCloud" else "video",
            "html": iframe_html(url) if html is None else html,
            "title": title,
            "provider_name": provider,
            "width": 200,
            "height": 113,
        },
    )[0]


def make_document(filename, content=b"data", title=None):
    document = Document(title=title or filename, file=ContentFile(content, name=filename))
    document.save()
    return document


def webcast(url=YOUTUBE_URL, **extra):
    value = {"title": "Digitalisering och det politiska uppdraget, del 1", "length": 8, "video_url": url}
    value.update(extra)
    return {"type": "webcast", "value": value}


def podcast(url=SOUNDCLOUD_URL, **extra):
    value = {
        "series_title": "Jakten på den perfekta digitaliseringen",
        "title": "Kjell ringer en digitaliseringsdirektör",
        "length": 11,
        "audio_url": url,
        "quote": "Med AI kan invånarna få svar dygnet runt.",
        "quote_source": "Jörgen Sandström, Västerås stad",
    }
    value.update(extra)
    return {"type": "podcast", "value": value}


def web_course(**extra):
    value = {
        "title": "Att leda i en digital tid",
        "length": 45,
        "link": {"external_url": "https://example.se/webbkurs"},
        "link_text": "Att leda i en digital tid, webbkurs",
    }
    value.update(extra)
    return {"type": "web_course", "value": value}
