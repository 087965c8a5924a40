"""Views that gather from several apps: site search, topic pages and robots.txt."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from core.images import prefetch_card_images
from core.models import Topic, localized_topics
from core.pagination import filter_query, paginate, requested_page
from core.sites import site_root
from events.models.index import event_ids, load_events
from home.search import clean_query, excerpt, type_label
from knowledge.models import KnowledgePage

RESULTS_PER_PAGE = 10
TOPIC_LIMIT = 20
TOPIC_SLUG = re.compile(r"[-\w]{1,100}")


@require_GET
def search(request):
    """Search results across every live, public page, with editors' promoted results first.

    The results are read when the template first asks for them, inside a `{% cache %}` fragment keyed
    on the cache generation, the query and the page number: a query asked again before the next change
    to the site (common words are asked often) is answered without searching again.
    """
    query = clean_query(request.GET.get("q", ""))
    promotions, results = [], None
    # Asked once here; the menu and the feed links read the start page from the context.
    locale = Locale.get_active()
    root = site_root(request, locale)
    if query:
        # Per language: /sok/ finds the Swedish pages, /en/sok/ the English ones (docs/translation.md).
        pages = Page.objects.live().public().filter(locale=locale)
        if root:
            pages = pages.descendant_of(root, inclusive=True)
        search_query = Query.get(query)
        search_query.add_hit()
        # Only promotions of pages the search itself may show: live, public and in this site.
        promotions = list(search_query.editors_picks.filter(page__in=pages).select_related("page"))
        promoted_ids = {promo.page_id for promo in promotions}
        for promo in promotions:
            promo.row = _row(promo.page.specific)
        found = pages.exclude(pk__in=promoted_ids).search(query, operator="or")
        results = SimpleLazyObject(lambda: _results_page(found, request.GET, len(promotions)))
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "filters": filter_query({"q": query}),
            "promotions": promotions,
            "promoted": ",".join(str(promo.page_id) for promo in promotions),
            "page_number": requested_page(request.GET),
            "searched": "q" in request.GET,
            "site_root": root,
        },
    )


def _results_page(found, query, promoted):
    """The page of results asked for, with a row per result and the total count including promotions."""
    results = paginate(found, RESULTS_PER_PAGE, query)
    found_pages = prefetch_card_images(list(Page.objects.filter(pk__in=[p.pk for p in results]).specific()))
    specific = {page.pk: page for page in found_pages}
    results.rows = [_row(specific.get(page.pk, page)) for page in results]
    results.total = results.paginator.count + promoted
    return results


def _row(page):
    return {
        "page": page,
        "type": type_label(page),
        "meta": getattr(page, "card_meta", "") or "",
        "excerpt": excerpt(page),
    }


@require_GET
def robots_txt(request):
    """Allow everything public, keep crawlers out of the admin, and point at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /aterkoppling/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def topic_index(request):
    """Every topic, for visitors who browse by subject."""
    return render(request, "home/topic_index.html", {"topics": Topic.listed()})


@require_GET
def topic_detail(request, slug):
    """The upcoming events and the knowledge pages of one topic."""
    # Only slug-shaped values reach the database (PostgreSQL refuses NUL bytes in text).
    if not TOPIC_SLUG.fullmatch(slug):
        raise Http404("Okänt ämne")
    # The Swedish topic, whose slug its translations share; shown with the name in the page's language.
    topic = get_object_or_404(Topic.objects.sources(), slug=slug)
    locale = Locale.get_active()
    events = load_events(event_ids(topic=topic, locale=locale)[:TOPIC_LIMIT])
    knowledge = KnowledgePage.for_topic(topic, limit=TOPIC_LIMIT, locale=locale)
    [shown] = localized_topics([topic], locale.language_code)
    return render(request, "home/topic_detail.html", {"topic": shown, "events": events, "knowledge": knowledge})
