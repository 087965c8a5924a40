"""Every page type renders in a bounded number of queries that does not grow with its content.

The builders put 5 or 50 of each kind of item on a page: body blocks, people, programme items,
series parts and listed pages. The counts are of a render with warm Wagtail caches (site root
paths, renditions) and template fragments (menu, breadcrumbs, feed links, footer, Kontakt), and
the page cache switched off.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.models import Person, Topic

from .builders import BUILDERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# Today's counts as ceilings, so that any new query per render shows up here; the issue allows
# at most 20 for every page type. Wagtail routes each page (the site, then the tree one path
# segment at a time) and checks its view restrictions; each .public() reads the private
# sections; each StreamField reads the people, pages and images its blocks choose. Since pages exist in
# English too, Wagtail looks up the active locale while routing and each page reads its language
# versions (a query, three when it has a translation); the search view asks for the locale twice more.
BUDGET = {
    "home.HomePage": 15,
    "home.ContentPage": 12,
    "events.ConferencePage": 16,
    "events.SeminarSeriesPage": 17,
    "events.NetworkPage": 14,
    "events.EventIndexPage": 14,
    "knowledge.KnowledgeIndexPage": 12,
    "knowledge.KnowledgePage": 18,
    "search /sok/": 15,
    "topic /amnen/<slug>/": 10,
}


def render_queries(client, url):
    """The SQL of a render after a first one has warmed Wagtail's own caches."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"][:200] for query in queries.captured_queries]


def _empty_site(home_page):
    for child in Page.objects.get(pk=home_page.pk).get_children():
        child.delete()
    Person.objects.all().delete()
    Topic.objects.all().delete()
    return type(home_page).objects.get(pk=home_page.pk)


@pytest.mark.parametrize("page_type", BUDGET)
def test_a_page_renders_in_as_many_queries_with_50_items_as_with_5(client, home_page, page_type):
    few = render_queries(client, BUILDERS[page_type](home_page, 5))
    many = render_queries(client, BUILDERS[page_type](_empty_site(home_page), 50))

    assert len(few) <= BUDGET[page_type], "\n".join(few)
    assert len(many) <= len(few), "\n".join(many)
