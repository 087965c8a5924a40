"""Template tags for the site chrome (menu, breadcrumbs, notices) and Swedish dates."""

import datetime as dt

from django import template
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page

from core import dates, pagination
from core.models import SiteNotice, SiteText
from core.models.notices import next_notice_change
from core.sites import site_root

register = template.Library()
register.filter("page_window", pagination.page_window)

# As long as the {% cache %} fragments of the site chrome are kept (templates/base.html).
FRAGMENT_SECONDS = 600


@register.filter
def long_date(value):
    """A date (or a moment, in Stockholm time) in Swedish: 10 september 2027; anything else, like |date, gives ""."""
    return dates.long_date(value) if isinstance(value, dt.date) else ""


def _site_root(context):
    # The start page in the page's language: the English pages' menu and breadcrumbs start at its translation.
    if "site_root" in context:  # a view that has found it already (search)
        return context["site_root"]
    # A view without a page (search, topics) asks for the active language's.
    return site_root(context.get("request"), getattr(context.get("page"), "locale_id", None))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The live, public pages under the site root that editors marked "visa i menyer"."""
    root = _site_root(context)
    items = root.get_children().live().in_menu().public() if root else []
    current = context.get("page")
    return {
        "items": items,
        "current_path": current.path if current else "",
        "root": root,
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def menu_position(context):
    """Where the current page lies in the main menu, the only part of the menu that differs
    between pages (for its fragment's cache key): the path of its top-level section, with "+"
    below that section's own page; "" on pages outside the site's tree and on other views."""
    page = context.get("page")
    root = _site_root(context)
    path = getattr(page, "path", "") or ""
    if not root or not path.startswith(root.path):
        return ""
    section = path[: len(root.path) + Page.steplen]
    return section if path == section else f"{section}+"


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page (none on the home page itself)."""
    page = context.get("page")
    root = _site_root(context)
    if not page or not root or page.depth <= root.depth:
        return {"ancestors": [], "page": page}
    request = context.get("request")
    ancestors = page.get_ancestors().filter(depth__gte=root.depth).live()
    return {"ancestors": ancestors, "page": page, "request": request}


@register.simple_tag(takes_context=True)
def site_notices(context):
    """The banner of the notices showing now, each in the page's language when translated (else in
    Swedish, marked as such).

    Every page shows it, so it is a fragment like the footer's, per generation, language and host,
    kept until the next notice starts or ends. It is written by hand rather than with {% cache %},
    because how long it may be kept is known only once the notices are read.
    """
    request = context.get("request")
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    host = request.get_host() if request else ""
    fragments = _fragment_cache()
    key = make_template_fragment_key("site_notices", [context.get("CACHE_GENERATION"), language, host])
    html = fragments.get(key)
    if html is None:
        now = timezone.now()
        notices = _notices_showing(now, language)
        # Each link's address once, with the request's site root paths (Wagtail keeps them per request).
        html = render_to_string(
            "components/site_notices.html",
            {"notices": [(notice, notice.get_url(request)) for notice in notices], "LANGUAGE_CODE": language},
        )
        # The page cache's own clock boundary for notices (PAGE_CACHE_TIME_BOUNDARIES).
        next_change = next_notice_change(now)
        seconds = FRAGMENT_SECONDS
        if next_change is not None:
            seconds = min((next_change - now).total_seconds(), seconds)
        if seconds >= 1:  # a change less than a second away: read again next time
            fragments.set(key, html, seconds)
    return html


def _fragment_cache():
    # The cache {% cache %} uses: its own when settings name one, else the default.
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def _notices_showing(now, language):
    """The notices showing at `now`, one per translation group: in `language` when translated."""
    # A linked page's address needs only its url_path; all of Page's columns doubled the query's cost.
    fields = ("message", "level", "link_url", "link_text", "link_page__url_path", "translation_key", "locale")
    notices = SiteNotice.objects.active(now).select_related("link_page", "locale").only(*fields)
    chosen = {}
    for notice in notices:
        current = chosen.get(notice.translation_key)
        if current is None or notice.locale.language_code == language:
            chosen[notice.translation_key] = notice
    return list(chosen.values())


@register.filter
def is_in_section(menu_page_path, current_path):
    """True when the current page is the menu page or lies below it."""
    return bool(current_path) and current_path.startswith(menu_page_path)


@register.simple_tag
def site_texts():
    """The footer's and the Kontakt box's words in the active language, else in Swedish (a SiteText,
    whose `lang` says which); read inside their cached fragments."""
    return SiteText.for_language(translation.get_language())
