"""Template tags for pages in more than one language: hreflang alternates and the language switch."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from wagtail.models import Page

register = template.Library()


def language_versions(page, request=None):
    """(language code, language name, full URL, page) of the page and each live, public translation,
    in the order of WAGTAIL_CONTENT_LANGUAGES; just the page itself when it has no translation.

    Both the hreflang links and the language switch ask, so the pages are read once per page object:
    one query for a page without translations, which most are.
    """
    if page is None or not hasattr(page, "get_translations"):
        return []
    pages = getattr(page, "language_versions_read", None)
    if pages is None:
        pages = _versions_by_language(page)
        page.language_versions_read = pages
    versions = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code in pages and (url := pages[code].get_full_url(request)):
            versions.append((code, name, url, pages[code]))
    return versions


def _versions_by_language(page):
    found = list(Page.objects.filter(translation_key=page.translation_key).live().select_related("locale"))
    others = [other.pk for other in found if other.pk != page.pk]
    # Only a translation may be private: check the restrictions when there is one.
    public = set(Page.objects.filter(pk__in=others).public().values_list("pk", flat=True)) if others else set()
    pages = {other.locale.language_code: other for other in found if other.pk in public}
    own = next((other for other in found if other.pk == page.pk), None)
    pages[own.locale.language_code if own else page.locale.language_code] = page
    return pages


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for every language version, and x-default (the Swedish one);
    nothing on a page that exists in one language only."""
    versions = language_versions(context.get("page"), context.get("request"))
    if len(versions) < 2:
        return {"versions": []}
    default = next((url for code, _name, url, _page in versions if code == settings.LANGUAGE_CODE), versions[0][2])
    return {"versions": versions, "default_url": default}


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to the page's translations, each in its own language; none when there is no translation."""
    page = context.get("page")
    versions = language_versions(page, context.get("request"))
    others = [(code, name, url) for code, name, url, other in versions if other.pk != page.pk]
    return {"others": others}


@register.simple_tag(takes_context=True)
def other_lang(context, language_code):
    """` lang="sv"` for a passage in a language other than the page's (e.g. Swedish text on an
    English page), else nothing: `<h2{% other_lang text.lang %}>`."""
    if not language_code or language_code == context.get("LANGUAGE_CODE"):
        return ""
    return format_html(' lang="{}"', language_code)
