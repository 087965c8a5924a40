"""Views that gather from several apps: site search, topic pages and robots.txt."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from core.images import prefetch_card_images
from core.models import Topic, localized_topics
from core.pagination import filter_query, paginate, requested_page
from core.search_backend import count_at_most
from core.sites import site_root
from events.models.index import event_ids, load_events
from home.search import clean_query, excerpt, type_label
from knowledge.models import KnowledgePage

RESULTS_PER_PAGE = 10
# Results are counted up to this many; past it the page says "more than" and offers as many pages.
COUNT_LIMIT = 1000
TOPIC_LIMIT = 20
TOPIC_SLUG = re.compile(r"[-\w]{1,100}")


@require_GET
def search(request):
    """Search results across every live, public page, with editors' promoted results first.

    Everything the results need (promotions, the count, the page of rows) is read when the template
    first asks for them, inside a `{% cache %}` fragment keyed on the cache generation, the query and
    the page number: a query asked again before the next change to the site (common words are asked
    often) is answered without searching. Saving or removing a promotion starts a new generation.
    """
    query = clean_query(request.GET.get("q", ""))
    results = None
    # Asked once here; the menu and the feed links read the start page from the context.
    locale = Locale.get_active()
    root = site_root(request, locale)
    if query:
        # Counted for the editors' search statistics whether the answer comes from the cache or not.
        search_query = Query.get(query)
        search_query.add_hit()
        results = SimpleLazyObject(lambda: _results_page(query, search_query, locale, root, request.GET))
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "filters": filter_query({"q": query}),
            "page_number": requested_page(request.GET),
            "searched": "q" in request.GET,
            "site_root": root,
        },
    )


def _results_page(query, search_query, locale, root, params):
    """The page of results asked for, after the promotions: rows, the total count including the
    promotions, and `more` when a common word matches more pages than are counted."""
    # Per language: /sok/ finds the Swedish pages, /en/sok/ the English ones (docs/translation.md).
    pages = Page.objects.live().public().filter(locale=locale)
    if root:
        pages = pages.descendant_of(root, inclusive=True)
    # Only promotions of pages the search itself may show: live, public and in this site.
    promotions = list(search_query.editors_picks.filter(page__in=pages).select_related("page"))
    for promo in promotions:
        promo.row = _row(promo.page.specific)
    found = pages.exclude(pk__in=[promo.page_id for promo in promotions]).search(query, operator="or")
    counted = CountedResults(found, COUNT_LIMIT)
    results = paginate(counted, RESULTS_PER_PAGE, params)
    found_pages = prefetch_card_images(list(Page.objects.filter(pk__in=[p.pk for p in results]).specific()))
    specific = {page.pk: page for page in found_pages}
    results.rows = [_row(specific.get(page.pk, page)) for page in results]
    results.promotions = promotions
    results.total = counted.count() + len(promotions)
    results.more = counted.more
    # "1 000" in Swedish, "1,000" in English.
    results.limit_text = number_format(COUNT_LIMIT, force_grouping=True)
    return results


class CountedResults:
    """Search results for the paginator, counted up to a limit: a common word on 9,300 of 10,000 pages
    is "more than 1,000 results" and 100 pages of them, as the big search engines do, instead of
    counting every match before showing the first ten (core.search_backend.count_at_most)."""

    def __init__(self, results, limit):
        self.results = results
        found = count_at_most(results, limit)
        self.more = found > limit
        self.found = min(found, limit)

    def count(self):
        return self.found

    def __getitem__(self, key):
        return self.results[key]


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
