"""Rate limits of public forms: a sliding window per scope and client, counted in the database.

The feedback and registration tests specify what visitors see (429, Retry-After, Swedish text);
these specify the counting that all limits share.
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory

from core import rate_limits
from core.models import RateLimitHit
from core.rate_limits import RateLimit, client_key
from tests.concurrency import run_in_threads
from tests.core.factories import RateLimitHitFactory

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def from_address(address):
    return RequestFactory().post("/aterkoppling/", REMOTE_ADDR=address)


def at_second(seconds):
    return time_machine.travel(START + dt.timedelta(seconds=seconds), tick=False)


@pytest.mark.django_db
class TestSlidingWindow:
    def test_a_burst_across_a_minute_boundary_gets_no_more_than_the_limit(self):
        # A fixed window starting every 600 s would let 10 through at 590 s and 10 more at 605 s.
        limit = RateLimit("feedback", limit=10, window=600)
        with at_second(590):
            assert all(limit.hit(from_address("192.0.2.1")).allowed for _ in range(10))
        with at_second(605):
            assert not limit.hit(from_address("192.0.2.1")).allowed

    def test_retry_after_is_the_time_until_the_oldest_hit_leaves_the_window(self):
        limit = RateLimit("feedback", limit=2, window=600)
        with at_second(0):
            limit.hit(from_address("192.0.2.1"))
        with at_second(100):
            limit.hit(from_address("192.0.2.1"))
        with at_second(250.5):
            refused = limit.hit(from_address("192.0.2.1"))

        assert not refused.allowed
        assert refused.retry_after == 350  # 599.5 s rounded up: the first hit leaves at 600 s

    def test_the_client_is_let_in_again_when_the_oldest_hit_has_left(self):
        limit = RateLimit("feedback", limit=2, window=600)
        for second in (0, 100):
            with at_second(second):
                limit.hit(from_address("192.0.2.1"))

        with at_second(599):
            assert not limit.hit(from_address("192.0.2.1")).allowed
        with at_second(600):
            assert limit.hit(from_address("192.0.2.1")).allowed
        with at_second(601):
            assert not limit.hit(from_address("192.0.2.1")).allowed  # the hit at 100 s still counts

    def test_refused_requests_do_not_count_so_retrying_does_not_lock_a_client_out(self):
        limit = RateLimit("feedback", limit=1, window=600)
        with at_second(0):
            limit.hit(from_address("192.0.2.1"))
        for second in range(10, 600, 10):
            with at_second(second):
                assert not limit.hit(from_address("192.0.2.1")).allowed

        with at_second(600):
            assert limit.hit(from_address("192.0.2.1")).allowed
        assert RateLimitHit.objects.count() == 2  # the accepted ones


@pytest.mark.django_db
class TestWhatIsCounted:
    def test_each_client_has_its_own_count(self):
        limit = RateLimit("feedback", limit=1, window=600)

        assert limit.hit(from_address("198.51.100.1")).allowed
        assert not limit.hit(from_address("198.51.100.1")).allowed
        assert limit.hit(from_address("198.51.100.2")).allowed

    def test_each_scope_has_its_own_count(self):
        feedback = RateLimit("feedback", limit=1, window=600)
        registrations = RateLimit("registrations", limit=1, window=600)

        assert feedback.hit(from_address("198.51.100.1")).allowed
        assert registrations.hit(from_address("198.51.100.1")).allowed
        assert not feedback.hit(from_address("198.51.100.1")).allowed
        assert set(RateLimitHit.objects.values_list("scope", flat=True)) == {"feedback", "registrations"}

    def test_no_ip_address_is_stored_only_a_daily_key(self):
        address = "203.0.113.77"
        RateLimit("feedback", limit=5, window=600).hit(from_address(address))

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {RateLimitHit._meta.db_table}")
            rows = cursor.fetchall()
        assert len(rows) == 1
        assert not any(address in str(value) for value in rows[0])
        assert RateLimitHit.objects.get().client_key == client_key(from_address(address))

    def test_the_key_is_not_the_address_and_changes_every_day(self):
        request = from_address("192.0.2.77")
        with time_machine.travel(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)):
            today = client_key(request)
        with time_machine.travel(dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC)):
            tomorrow = client_key(request)

        assert "192.0.2.77" not in today
        assert today != tomorrow


@pytest.mark.django_db
class TestPurge:
    def test_a_hit_now_and_then_deletes_its_limits_expired_rows(self, monkeypatch):
        monkeypatch.setattr(rate_limits, "PURGE_EVERY", 1)
        with at_second(1000):
            expired = RateLimitHitFactory.create_batch(3, at=START)
            recent = RateLimitHitFactory(at=START + dt.timedelta(seconds=500))
            other_limit = RateLimitHitFactory(scope="registrations", at=START)

            RateLimit("feedback", limit=5, window=600).hit(from_address("192.0.2.1"))

        remaining = set(RateLimitHit.objects.values_list("pk", flat=True))
        assert not remaining & {hit.pk for hit in expired}
        assert {recent.pk, other_limit.pk} <= remaining  # another limit purges with its own window

    def test_under_steady_traffic_the_table_holds_about_one_window_of_hits(self):
        limit = RateLimit("feedback", limit=5, window=600)
        for number in range(400):  # a new visitor every 30 s for over three hours
            with at_second(number * 30):
                limit.hit(from_address(f"10.0.{number // 250}.{number % 250}"))

        assert RateLimitHit.objects.count() <= 600 // 30 + rate_limits.PURGE_EVERY


def test_requests_are_not_wrapped_in_a_transaction():
    # A hit inside a request-long transaction would be invisible to other workers' counts.
    assert connection.settings_dict["ATOMIC_REQUESTS"] is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_from_one_client_never_get_past_the_limit():
    limit = RateLimit("feedback", limit=5, window=600)
    threads, in_flight = (60, 30) if connection.vendor == "postgresql" else (20, 1)

    results = run_in_threads(threads, in_flight, lambda number: limit.hit(from_address("192.0.2.1")).allowed)

    # Hits that arrive in the same instant may all see each other and all be refused, never the reverse.
    assert sum(results) <= 5
    assert RateLimitHit.objects.count() == sum(results)
