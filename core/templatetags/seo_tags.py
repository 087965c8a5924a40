"""Metadata for search engines and link previews: description, canonical URL, Open Graph."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
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
    share_image = getattr(page, "share_image", None)
    # The page's teaser image as a 1200x630 rendition (made ahead of time), else the site's own.
    if share_image:
        rendition = share_image.get_rendition(SHARE)
        image_url, width, height = rendition.url, rendition.width, rendition.height
        image_alt = getattr(page, "share_image_alt", "")
    else:
        image_url, width, height, image_alt = static("img/share.png"), 1200, 630, ""
    if request is not None and image_url.startswith("/"):
        image_url = request.build_absolute_uri(image_url)
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page is not None else ""
    return {
        "title": title,
        "description": meta_description(page),
        "canonical": canonical,
        "image_url": image_url,
        "image_width": width,
        "image_height": height,
        "image_alt": image_alt,
        "og_type": getattr(page, "og_type", "website"),
        "site_name": context.get("SITE_NAME", ""),
    }
