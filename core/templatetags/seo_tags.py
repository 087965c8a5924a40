"""Metadata for search engines and link previews: description, canonical URL, Open Graph."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.excerpts import excerpt
from core.images import SHARE

register = template.Library()

DESCRIPTION_WORDS = 30
# The same escapes as Django's json_script: no "</script>" or HTML can close the element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Structured data as <script type="application/ld+json">; data, not code, so a CSP allows it."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def meta_description(page):
    """The editor's search description, else the page's intro, as plain text."""
    if page is None:
        return ""
    return excerpt(page, DESCRIPTION_WORDS)


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    """Meta tags for the current page (or the plain defaults on views without a page)."""
    request = context.get("request")
    page = context.get("page")
    canonical = page.get_full_url(request) if page is not None and hasattr(page, "get_full_url") else ""
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page is not None else ""
    image_id, image_alt = getattr(page, "card_image_id", None), getattr(page, "share_image_alt", "")
    return {
        "title": title,
        "description": meta_description(page),
        "canonical": canonical,
        # The share image is a fragment for the cache generation (components/page_meta.html): read
        # only when it is made.
        "CACHE_GENERATION": context.get("CACHE_GENERATION"),
        "share_key": (image_id, image_alt, request.get_host() if request is not None else ""),
        "share": SimpleLazyObject(lambda: share_image(page, request)),
        "og_type": getattr(page, "og_type", "website"),
        "site_name": context.get("SITE_NAME", ""),
    }


def share_image(page, request):
    """The page's teaser image as a 1200x630 rendition (made ahead of time), else the site's own."""
    image = getattr(page, "share_image", None)
    if image:
        rendition = image.get_rendition(SHARE)
        url, width, height = rendition.url, rendition.width, rendition.height
        alt = getattr(page, "share_image_alt", "")
    else:
        url, width, height, alt = static("img/share.png"), 1200, 630, ""
    if request is not None and url.startswith("/"):
        url = request.build_absolute_uri(url)
    return {"url": url, "width": width, "height": height, "alt": alt}
