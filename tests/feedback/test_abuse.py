"""The endpoint is the site's only public write path: bad input, spam, other sites and floods get nothing stored."""

import datetime as dt

import pytest
import time_machine
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from feedback.models import FeedbackResponse
from tests.feedback.conftest import ORIGIN
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db

URL = "/aterkoppling/"
COMMENT_URL = "/aterkoppling/kommentar/"
WINDOW_START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)  # a multiple of 600 s since the epoch


def redis_that_is_down():
    """The production cache settings, pointing at a port where nothing listens."""
    return {
        "BACKEND": "core.caching.backends.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def assert_refused(response, status, message_part=None):
    assert response.status_code == status
    assert FeedbackResponse.objects.count() == 0 or not FeedbackResponse.objects.with_comment().exists()
    if message_part is not None:
        assert message_part in response.json()["error"]


class TestBadInput:
    @pytest.mark.parametrize(
        "data, message",
        [
            ({}, "Det framgår inte vilken sida"),
            ({"svar": "ja"}, "Det framgår inte vilken sida"),
            ({"page": "abc", "svar": "ja"}, "Det framgår inte vilken sida"),
            ({"page": "-3", "svar": "ja"}, "Det framgår inte vilken sida"),
            ({"page": str(2**31), "svar": "ja"}, "Det framgår inte vilken sida"),
            ({"page": "99999", "svar": "ja"}, "Sidan finns inte"),
            ({"page": "PAGE", "svar": "kanske"}, "Välj Ja eller Nej"),
            ({"page": "PAGE"}, "Välj Ja eller Nej"),
            ({"page": "PAGE", "svar": "ja\x00"}, "Välj Ja eller Nej"),
            ({"page": "PAGE", "svar": "ja", "webbplats": "a\x07b"}, "tecken som inte är tillåtna"),
        ],
    )
    def test_an_answer_with_missing_or_invalid_fields_gets_400_in_swedish(self, json_client, page, data, message):
        data = {key: str(page.pk) if value == "PAGE" else value for key, value in data.items()}

        response = json_client.post(URL, data)

        assert response.status_code == 400
        assert message in response.json()["error"]
        assert FeedbackResponse.objects.count() == 0

    @pytest.mark.parametrize(
        "comment, message",
        [
            ("", "Skriv en kommentar"),
            ("   \n ", "Skriv en kommentar"),
            ("x" * 1001, "högst 1\u00a0000 tecken"),
            ("Hej\x00då", "tecken som inte är tillåtna"),
            ("Hej\x1bdå", "tecken som inte är tillåtna"),
            ("Hej \u202edå", "tecken som inte är tillåtna"),
        ],
    )
    def test_a_bad_comment_gets_400_and_leaves_the_answer_as_it_was(self, json_client, page, comment, message):
        answer = FeedbackResponseFactory(page=page, helpful=False)

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": comment})

        assert response.status_code == 400
        assert message in response.json()["error"]
        answer.refresh_from_db()
        assert answer.comment == ""

    @pytest.mark.parametrize("token", ["", "kort", "1", "../../admin", "A" * 40, "abc def ghi jkl mno"])
    def test_a_malformed_token_gets_400(self, json_client, page, token):
        FeedbackResponseFactory(page=page, helpful=False)

        response = json_client.post(COMMENT_URL, {"token": token, "kommentar": "Hej"})

        assert response.status_code == 400
        assert not FeedbackResponse.objects.with_comment().exists()

    def test_bytes_that_are_not_utf8_get_400(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)
        body = f"token={answer.token}&kommentar=R%E4ksm%F6rg%E5s".encode()

        response = json_client.post(COMMENT_URL, body, content_type="application/x-www-form-urlencoded")

        assert response.status_code == 400
        assert "teckenkodning" in response.json()["error"]
        answer.refresh_from_db()
        assert answer.comment == ""

    def test_an_oversized_body_gets_400_in_swedish(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "x" * 3_000_000})

        assert response.status_code == 400
        assert "för stort" in response.json()["error"]
        answer.refresh_from_db()
        assert answer.comment == ""

    def test_without_javascript_an_error_is_a_small_swedish_page_with_a_way_back(self, widget_client, page):
        response = widget_client.post(URL, {"page": page.pk, "svar": "kanske"}, HTTP_REFERER=f"{ORIGIN}{page.url}")

        html = response.content.decode()
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert '<html lang="sv">' in html
        assert "<h1>Vi kunde inte ta emot ditt svar</h1>" in html
        assert "Välj Ja eller Nej." in html
        assert f'<a href="{page.url}">Tillbaka till sidan</a>' in html
        assert FeedbackResponse.objects.count() == 0

    def test_the_way_back_never_leads_to_another_site(self, widget_client, page):
        response = widget_client.post(URL, {"page": page.pk, "svar": "kanske"}, HTTP_REFERER="https://evil.example/")

        assert '<a href="/">Tillbaka till sidan</a>' in response.content.decode()

    def test_a_get_is_not_allowed(self, client):
        assert client.get(URL).status_code == 405

    def test_the_comment_is_stored_as_plain_text_and_escaped_on_the_page(self, json_client, client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)
        json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "<b>fet</b>"})

        answer.refresh_from_db()
        assert answer.comment == "<b>fet</b>"
        assert "<b>fet</b>" not in client.get(page.url, {"tack": answer.token}).content.decode()


class TestPagesThatTakeNoAnswers:
    def test_a_draft_is_refused(self, json_client, home_page):
        draft = ContentPageFactory(parent=home_page, slug="utkast", live=False)

        response = json_client.post(URL, {"page": draft.pk, "svar": "ja"})

        assert_refused(response, 400, "Sidan finns inte")
        assert FeedbackResponse.objects.count() == 0

    def test_a_private_page_is_refused(self, json_client, page):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

        response = json_client.post(URL, {"page": page.pk, "svar": "ja"})

        assert response.status_code == 400
        assert FeedbackResponse.objects.count() == 0

    def test_a_page_below_a_private_page_is_refused(self, json_client, page):
        child = ContentPageFactory(parent=page, slug="under")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")

        assert json_client.post(URL, {"page": child.pk, "svar": "ja"}).status_code == 400
        assert FeedbackResponse.objects.count() == 0

    def test_a_page_with_the_widget_switched_off_is_refused(self, json_client, home_page):
        quiet = ContentPageFactory(parent=home_page, slug="tyst", show_feedback=False)

        assert json_client.post(URL, {"page": quiet.pk, "svar": "ja"}).status_code == 400
        assert json_client.post(URL, {"page": home_page.pk, "svar": "ja"}).status_code == 400
        assert FeedbackResponse.objects.count() == 0


class TestOtherSites:
    def test_a_post_from_another_origin_is_refused(self, page):
        response = Client(HTTP_ORIGIN="https://evil.example").post(URL, {"page": page.pk, "svar": "ja"})

        assert response.status_code == 403
        assert "annan webbplats" in response.content.decode()
        assert FeedbackResponse.objects.count() == 0

    def test_a_post_marked_cross_site_by_the_browser_is_refused(self, page):
        client = Client(HTTP_ORIGIN=ORIGIN, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ACCEPT="application/json")

        response = client.post(URL, {"page": page.pk, "svar": "ja"})

        assert response.status_code == 403
        assert "error" in response.json()
        assert FeedbackResponse.objects.count() == 0

    def test_an_opaque_null_origin_is_refused(self, page):
        assert Client(HTTP_ORIGIN="null").post(URL, {"page": page.pk, "svar": "ja"}).status_code == 403

    def test_without_origin_a_same_site_referer_is_accepted_and_a_foreign_one_refused(self, page):
        foreign = Client(HTTP_REFERER="https://evil.example/form").post(URL, {"page": page.pk, "svar": "ja"})
        own = Client(HTTP_REFERER=f"{ORIGIN}{page.url}").post(URL, {"page": page.pk, "svar": "ja"})

        assert foreign.status_code == 403
        assert own.status_code == 303
        assert FeedbackResponse.objects.count() == 1

    def test_a_post_with_neither_origin_nor_referer_is_refused(self, page):
        assert Client().post(URL, {"page": page.pk, "svar": "ja"}).status_code == 403
        assert FeedbackResponse.objects.count() == 0

    def test_a_comment_from_another_origin_is_refused(self, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)

        response = Client(HTTP_ORIGIN="https://evil.example").post(
            COMMENT_URL, {"token": answer.token, "kommentar": "Hej"}
        )

        assert response.status_code == 403
        answer.refresh_from_db()
        assert answer.comment == ""

    def test_the_endpoint_needs_no_csrf_token_so_cached_pages_keep_working(self, page):
        client = Client(enforce_csrf_checks=True, HTTP_ORIGIN=ORIGIN)

        assert client.post(URL, {"page": page.pk, "svar": "ja"}).status_code == 303


class TestHoneypot:
    def test_a_filled_honeypot_gets_the_same_thanks_and_stores_nothing(self, widget_client, page):
        response = widget_client.post(URL, {"page": page.pk, "svar": "nej", "webbplats": "http://spam.example"})

        assert response.status_code == 303
        assert response["Location"].startswith(f"{page.url}?tack=")
        assert FeedbackResponse.objects.count() == 0

    def test_with_javascript_the_bot_sees_the_usual_answer(self, json_client, page):
        response = json_client.post(URL, {"page": page.pk, "svar": "nej", "webbplats": "spam"})

        assert response.status_code == 200
        assert response.json()["message"] == "Tack för att du hjälper oss!"
        assert FeedbackResponse.objects.count() == 0

    def test_a_comment_with_a_filled_honeypot_is_not_stored(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Köp!", "webbplats": "x"})

        assert response.status_code == 200
        answer.refresh_from_db()
        assert answer.comment == ""


class TestRateLimit:
    @override_settings(FEEDBACK_RATE_LIMIT=10, FEEDBACK_RATE_WINDOW=600)
    def test_the_window_slides_so_a_burst_across_a_boundary_gets_no_more_than_the_limit(self, json_client, page):
        def post_at(seconds):
            with time_machine.travel(WINDOW_START + dt.timedelta(seconds=seconds), tick=False):
                return json_client.post(URL, {"page": page.pk, "svar": "ja"})

        assert [post_at(590).status_code for _ in range(10)] == [200] * 10
        refused = post_at(605)  # a fixed window starting at 600 s would have let it through

        assert refused.status_code == 429
        assert "Vänta en stund" in refused.json()["error"]
        assert refused["Retry-After"] == "585"  # when the hits of 590 s leave the window
        assert post_at(1189).status_code == 429
        assert post_at(1190).status_code == 200
        assert FeedbackResponse.objects.count() == 11

    def test_with_redis_down_the_limit_counts_as_before(self, widget_client, page, settings):
        # The old counter lived in the cache, and with Redis down every POST answered 500.
        settings.CACHES = {**settings.CACHES, "default": redis_that_is_down()}
        settings.FEEDBACK_RATE_LIMIT = 2

        statuses = [widget_client.post(URL, {"page": page.pk, "svar": "ja"}).status_code for _ in range(3)]

        assert statuses == [303, 303, 429]
        assert FeedbackResponse.objects.count() == 2

    @override_settings(FEEDBACK_RATE_LIMIT=1)
    def test_the_limit_is_per_client(self, page):
        first = Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="198.51.100.1")
        second = Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="198.51.100.2")

        assert first.post(URL, {"page": page.pk, "svar": "ja"}).status_code == 303
        assert first.post(URL, {"page": page.pk, "svar": "ja"}).status_code == 429
        assert second.post(URL, {"page": page.pk, "svar": "ja"}).status_code == 303

    @override_settings(FEEDBACK_RATE_LIMIT=1)
    def test_without_javascript_the_429_is_a_swedish_page(self, widget_client, page):
        widget_client.post(URL, {"page": page.pk, "svar": "ja"})

        response = widget_client.post(URL, {"page": page.pk, "svar": "ja"})

        assert response.status_code == 429
        assert "<h1>För många svar</h1>" in response.content.decode()

    @override_settings(FEEDBACK_RATE_LIMIT=1)
    def test_spam_and_bad_input_count_too(self, widget_client, page):
        widget_client.post(URL, {"page": page.pk, "svar": "kanske"})

        assert widget_client.post(URL, {"page": page.pk, "svar": "ja"}).status_code == 429

    @override_settings(FEEDBACK_RATE_LIMIT=1, TRUSTED_PROXY_COUNT=1)
    def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(self, page):
        def post(forwarded_for):
            client = Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
            return client.post(URL, {"page": page.pk, "svar": "ja"}).status_code

        assert post("203.0.113.5") == 303
        assert post("203.0.113.6") == 303
        assert post("1.2.3.4, 203.0.113.5") == 429  # a forged first hop does not help
