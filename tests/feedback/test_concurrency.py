"""Under load nothing is lost or doubled: many visitors answering at once are each stored exactly once.

It runs on every database. PostgreSQL gets 200 threads; its connection limit (100 by default, shared with
other test runs) caps how many talk to the database at the same moment. SQLite's in-memory test database
cannot take concurrent writers, so there fewer threads take turns.
"""

import pytest
from django.db import connection
from django.test import Client

from feedback.models import FeedbackResponse
from tests.concurrency import run_in_threads
from tests.feedback.conftest import ORIGIN
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory

# serialized_rollback restores the site and home page that the flush after each such test removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def load_profile():
    """(threads, how many may use the database at once) for the database under test."""
    if connection.vendor == "postgresql":
        return 200, 40
    return 40, 1


def visitor(number):
    """A browser of its own, from an address of its own, so the rate limit does not interfere."""
    return Client(
        HTTP_ORIGIN=ORIGIN, HTTP_ACCEPT="application/json", REMOTE_ADDR=f"10.{number // 250}.{number % 250}.1"
    )


def test_simultaneous_answers_are_all_stored_exactly_once(home_page):
    page = ContentPageFactory(parent=home_page, slug="populär")
    threads, in_flight = load_profile()

    def answer(number):
        response = visitor(number).post("/aterkoppling/", {"page": page.pk, "svar": "ja" if number % 2 else "nej"})
        return response.status_code, response.json().get("token")

    results = run_in_threads(threads, in_flight, answer)

    assert [status for status, _ in results] == [200] * threads
    tokens = [token for _, token in results]
    assert len(set(tokens)) == threads
    assert FeedbackResponse.objects.count() == threads
    assert set(FeedbackResponse.objects.values_list("token", flat=True)) == set(tokens)
    assert FeedbackResponse.objects.filter(helpful=True).count() == threads // 2


def test_racing_comments_on_one_answer_store_only_the_first(home_page):
    page = ContentPageFactory(parent=home_page, slug="omtvistad")
    answer = FeedbackResponseFactory(page=page, helpful=False)
    threads, in_flight = load_profile()
    threads = min(threads, 30)

    def comment(number):
        response = visitor(number).post(
            "/aterkoppling/kommentar/", {"token": answer.token, "kommentar": f"nr {number}"}
        )
        return response.status_code

    statuses = run_in_threads(threads, in_flight, comment)

    assert sorted(statuses) == [200] + [400] * (threads - 1)
    answer.refresh_from_db()
    assert answer.comment.startswith("nr ")
