"""Privacy-first embeds: known providers, fetching at save time and safe iframes at render time.

oEmbed data is fetched only when an editor saves (through wagtail.embeds, which stores an Embed
record); a visitor's page view only reads those stored records and never calls a provider.
"""

import functools
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

import requests
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Provider:
    """A third-party host whose content we embed only after the visitor's consent."""

    key: str
    name: str
    kind: str  # "video" or "audio"
    url_patterns: tuple
    # Hosts an iframe from this provider may load; anything else is dropped.
    frame_hosts: tuple
    example: str

    def matches(self, url):
        return any(re.match(pattern, url) for pattern in self.url_patterns)


_YT_ID = r"[\w-]{11}"
PROVIDERS = (
    Provider(
        key="youtube",
        name="YouTube",
        kind="video",
        url_patterns=(
            rf"^https?://(?:www\.|m\.)?youtube\.com/watch\?(?:[^#]*&)?v={_YT_ID}(?:[&#].*)?$",
            rf"^https?://(?:www\.)?youtube\.com/(?:embed|shorts|live)/{_YT_ID}(?:[?#].*)?$",
            rf"^https?://youtu\.be/{_YT_ID}(?:[?#].*)?$",
        ),
        frame_hosts=("www.youtube-nocookie.com", "youtube-nocookie.com"),
        example="https://www.youtube.com/watch?v=abcdefghijk",
    ),
    Provider(
        key="vimeo",
        name="Vimeo",
        kind="video",
        url_patterns=(r"^https?://(?:www\.)?vimeo\.com/\d+(?:/\w+)?/?(?:[?#].*)?$",),
        frame_hosts=("player.vimeo.com",),
        example="https://vimeo.com/123456789",
    ),
    Provider(
        key="soundcloud",
        name="SoundCloud",
        kind="audio",
        url_patterns=(r"^https://soundcloud\.com/[\w-]+/(?:sets/)?[\w-]+/?(?:[?#].*)?$",),
        frame_hosts=("w.soundcloud.com",),
        example="https://soundcloud.com/namn/avsnitt",
    ),
)


def find_provider(url, kind=None):
    """The known provider whose URL shape matches, or None."""
    for provider in PROVIDERS:
        if (kind is None or provider.kind == kind) and provider.matches(url or ""):
            return provider
    return None


def providers_for(kind):
    return [provider for provider in PROVIDERS if provider.kind == kind]


def validate_media_url(url, kind):
    """Raise a Swedish ValidationError unless the address has the shape of a known provider's content."""
    provider = find_provider(url, kind)
    if provider:
        return provider
    names = " eller ".join(p.name for p in providers_for(kind))
    examples = ", ".join(p.example for p in providers_for(kind))
    raise ValidationError(
        f"Adressen känns inte igen som en länk till ett klipp hos {names}. "
        f"Klistra in adressen till själva klippet, till exempel {examples}."
    )


def fetch_at_save(url):
    """Fetch and store the oEmbed data for a URL while an editor saves.

    Returns the Embed record, or None when the provider could not be reached: the editor may still
    save, and the page then shows a link until the page is saved again. A provider that answers
    that the content does not exist raises a Swedish ValidationError.
    """
    try:
        return get_embed(url)
    except EmbedException as error:
        cause = error.__cause__
        response = getattr(cause, "response", None)
        if response is not None and response.status_code in (400, 404):
            raise ValidationError(
                "Klippet finns inte hos tjänsten (adressen kan vara felstavad eller klippet borttaget)."
            ) from error
        logger.warning("Could not fetch oEmbed data for %s: %s", url, error)
    except (requests.RequestException, OSError, ValueError) as error:
        logger.warning("Could not fetch oEmbed data for %s: %s", url, error)
    return None


def stored_embeds(urls):
    """The stored Embed records for these URLs, keyed by URL, in one query (never a provider call).

    Expired records are still used: refreshing them is the editor's save, not the visitor's view.
    """
    urls = {url for url in urls if url}
    if not urls:
        return {}
    found = {}
    for embed in Embed.objects.filter(url__in=urls).order_by("pk"):
        # Prefer the record made without a width limit, which is what a save stores.
        if embed.url not in found or (embed.max_width is None and found[embed.url].max_width is not None):
            found[embed.url] = embed
    return found


def lookup_embed(url, context=None):
    """The stored Embed for a URL, from the batch a page put in the context when there is one."""
    if not url:
        return None
    batch = context.get("knowledge_embeds") if context is not None else None
    if batch is not None:
        return batch.get(url)
    return stored_embeds([url]).get(url)


@dataclass(frozen=True)
class PlaceholderTexts:
    """What a player's placeholder says, in the active language, as plain text for the template to escape.

    Made here rather than with {% blocktranslate %}: the template engine translating and filling in
    each sentence was half of every placeholder's render (4 M of a knowledge page's 84 M instructions).
    """

    link: str
    notice: str = ""
    show: str = ""
    remember: str = ""
    forget: str = ""
    forgotten: str = ""


def placeholder_texts(provider, title, with_player):
    """The link to the content, and with a player the consent sentences naming its provider."""
    name = provider.name if provider else ""
    words = {"name": name, "title": title or "", "service": name or _("tjänsten")}
    if provider and provider.kind == "audio":
        link = _("Lyssna på ”%(title)s” hos %(service)s") % words
    else:
        link = _("Titta på ”%(title)s” hos %(service)s") % words
    if not with_player:
        return PlaceholderTexts(link=link)
    return PlaceholderTexts(
        link=link,
        notice=_(
            "Innehållet kommer från %(name)s. Om du väljer att visa det här kan %(name)s spara uppgifter om ditt besök."
        )
        % words,
        show=_("Visa innehåll från %(name)s") % words,
        remember=_("Kom ihåg mitt val för %(name)s") % words,
        forget=_("Glöm mitt val för %(name)s") % words,
        forgotten=_("Ditt val för %(name)s är glömt. Nästa gång frågar vi igen.") % words,
    )


class _IframeParser(HTMLParser):
    """Finds the first iframe in a provider's embed HTML."""

    def __init__(self):
        super().__init__()
        self.attrs = None

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and self.attrs is None:
            self.attrs = dict(attrs)


def _nocookie(src):
    parts = urlsplit(src)
    host = parts.netloc.lower()
    if host in ("www.youtube.com", "youtube.com", "m.youtube.com"):
        parts = parts._replace(netloc="www.youtube-nocookie.com")
    return urlunsplit(parts._replace(scheme="https"))


def safe_iframe(embed, title):
    """A clean iframe built from a stored embed: known host only, a title, no inline styles or scripts.

    Returns "" when the stored HTML has no iframe from the provider's player host.
    """
    if not embed or not embed.html:
        return ""
    return _clean_iframe(embed.html, embed.url, embed.width, embed.height, embed.title, title)


@functools.lru_cache(maxsize=512)
def _clean_iframe(html, url, width, height, embed_title, title):
    # A pure function of the stored record, so each record is parsed once per process.
    parser = _IframeParser()
    parser.feed(html)
    attrs = parser.attrs
    if not attrs or not attrs.get("src"):
        return ""
    src = _nocookie(attrs["src"].strip())
    provider = find_provider(url)
    host = urlsplit(src).netloc.lower()
    if not provider or host not in provider.frame_hosts:
        return ""
    frame_title = attrs.get("title") or title or embed_title or f"Innehåll från {provider.name}"
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" allow="{}" loading="lazy"'
        ' referrerpolicy="strict-origin-when-cross-origin"{}></iframe>',
        src,
        frame_title,
        _dimension(attrs.get("width"), width, 640),
        _dimension(attrs.get("height"), height, 360 if provider.kind == "video" else 166),
        attrs.get("allow") or "encrypted-media; picture-in-picture; fullscreen",
        " allowfullscreen" if provider.kind == "video" else "",
    )


def _dimension(*candidates):
    for candidate in candidates:
        try:
            value = int(candidate)
        except (TypeError, ValueError):
            continue
        if value > 0:
            return value
    return ""
