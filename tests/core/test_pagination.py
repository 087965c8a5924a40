"""Listings link the first and last page and two pages on each side of the current one, whatever the
number of pages, with "…" for the gaps; screen readers skip the "…"."""

import re

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string

from core.pagination import page_window


def window(current, pages):
    return page_window(Paginator(range(pages * 10), 10).page(current))


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (1, [1, 2, 3, None, 455]),
        (5, [1, 2, 3, 4, 5, 6, 7, None, 455]),
        (200, [1, None, 198, 199, 200, 201, 202, None, 455]),
        (455, [1, None, 453, 454, 455]),
    ],
)
def test_a_long_listing_links_a_window_around_the_current_page(current, expected):
    assert window(current, 455) == expected


def test_a_short_listing_links_every_page():
    assert window(3, 6) == [1, 2, 3, 4, 5, 6]


def test_the_rendered_links_of_a_listing_of_455_pages():
    page = Paginator(range(4550), 10).page(200)

    html = render_to_string("components/pagination.html", {"page_obj": page, "filters": QueryDict("amne=x")})

    numbers = re.findall(r'href="\?amne=x&amp;sida=(\d+)">\d+<', html)
    assert numbers == ["1", "198", "199", "201", "202", "455"]
    assert '<span aria-current="page">200</span>' in html
    assert html.count('<li aria-hidden="true">…</li>') == 2
    assert 'rel="prev"' in html and 'rel="next"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("orphans", [0, 2])
def test_a_late_page_is_read_from_the_far_end_and_holds_the_same_rows(django_assert_num_queries, orphans):
    from core.models import Topic
    from core.pagination import Paginator as TailPaginator
    from tests.core.factories import TopicFactory

    for number in range(23):
        TopicFactory(name=f"Ämne {number:02d}", slug=f"amne-{number:02d}")
    topics = Topic.objects.order_by("name", "pk")
    expected = Paginator(topics, 5, orphans=orphans)
    paginator = TailPaginator(topics, 5, orphans=orphans)

    assert paginator.count == 23
    for number in paginator.page_range:
        with django_assert_num_queries(1):  # only the page's rows, from either end
            rows = list(paginator.page(number))
        assert rows == list(expected.page(number))
