"""`grow_site` grows the demo site to a given size with pages that work like any editor's pages."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import Client
from wagtail.models import Page

from events.models import ConferencePage
from feedback.models import FeedbackResponse
from knowledge.models import KnowledgePage
from registrations.models import Registration, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(home_page):
    call_command("load_demo_content")
    return home_page


def grow(**sizes):
    call_command("grow_site", *[f"--{name}={value}" for name, value in sizes.items()], "--seed=7")


def sizes():
    return Page.objects.count(), FeedbackResponse.objects.count(), Registration.objects.count()


def test_the_site_grows_to_the_sizes_given_and_no_further(demo_site):
    pages, answers, registrations = sizes()
    target = {"pages": pages + 40, "answers": answers + 500, "registrations": registrations + 200}
    grow(**target)
    assert sizes() == tuple(target.values())
    grow(**target)
    assert sizes() == tuple(target.values())
    assert Status.CONFIRMED in set(Registration.objects.values_list("status", flat=True))


def test_the_page_with_most_answers_grows_to_the_number_given(demo_site):
    grow(answers=FeedbackResponse.objects.count() + 300)
    busiest = FeedbackResponse.objects.values("page").annotate(n=Count("pk")).order_by("-n", "page").first()

    grow(**{"busiest-page-answers": busiest["n"] + 250})
    grow(**{"busiest-page-answers": busiest["n"] + 250})

    assert FeedbackResponse.objects.filter(page=busiest["page"]).count() == busiest["n"] + 250


def test_new_pages_keep_the_tree_valid_and_are_served_and_found(demo_site):
    grow(pages=Page.objects.count() + 40)
    # treebeard's own check of paths, depths and child counts.
    assert Page.find_problems() == ([], [], [], [], [])
    knowledge = KnowledgePage.objects.live().last()
    conference = ConferencePage.objects.live().last()
    assert knowledge.get_parent().specific_class.__name__ == "KnowledgeIndexPage"
    for page in (knowledge, conference):
        assert Client().get(page.url).status_code == 200
    assert knowledge.title in Client().get("/sok/", {"q": knowledge.title}).content.decode()
    # Editors can add a page after the grown ones: the next tree path is free.
    knowledge.get_parent().add_child(instance=KnowledgePage(title="Efter tillväxten", slug="efter-tillvaxten"))
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_empty_site_is_refused_with_a_message(home_page):
    with pytest.raises(CommandError, match="load_demo_content"):
        grow(pages=50)
