"""A visitor answers "Hjälpte informationen på sidan dig?", with or without JavaScript."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from feedback.models import FeedbackResponse
from tests.feedback.factories import FeedbackResponseFactory
from tests.pages import soup

pytestmark = pytest.mark.django_db

URL = "/aterkoppling/"
COMMENT_URL = "/aterkoppling/kommentar/"


def test_without_javascript_an_answer_is_stored_once_and_redirects_to_the_thanks(widget_client, page):
    response = widget_client.post(URL, {"page": page.pk, "svar": "nej"})

    assert FeedbackResponse.objects.count() == 1
    answer = FeedbackResponse.objects.get()
    assert answer.page_id == page.pk
    assert answer.helpful is False
    assert answer.revision_id == page.live_revision_id
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}?tack={answer.token}#feedback"


def test_the_thanks_page_shows_the_comment_form_for_that_answer(widget_client, page):
    location = widget_client.post(URL, {"page": page.pk, "svar": "nej"})["Location"]

    html = widget_client.get(location.split("#")[0]).content.decode()
    token = FeedbackResponse.objects.get().token
    assert "Tack för att du hjälper oss!" in html
    assert "Vad saknade du?" in html
    assert "personuppgifter" in html
    assert f'name="token" value="{token}"' in html
    assert 'name="svar"' not in html


def test_a_yes_gets_the_thanks_but_no_comment_form(widget_client, page):
    location = widget_client.post(URL, {"page": page.pk, "svar": "ja"})["Location"]

    html = widget_client.get(location.split("#")[0]).content.decode()
    assert FeedbackResponse.objects.get().helpful is True
    assert "Tack för att du hjälper oss!" in html
    # CSS selectors skip the inert <template> the script fills in after a "Nej".
    assert soup(html).select(f'form[action="{COMMENT_URL}"]') == []


def test_without_javascript_a_comment_attaches_to_the_answer_and_thanks_again(widget_client, page):
    answer = FeedbackResponseFactory(page=page, helpful=False)

    response = widget_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Var finns anmälan?"})

    answer.refresh_from_db()
    assert answer.comment == "Var finns anmälan?"
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}?tack={answer.token}#feedback"
    html = widget_client.get(response["Location"].split("#")[0]).content.decode()
    assert "Tack för din kommentar!" in html
    assert soup(html).select('[name="kommentar"]') == []


def test_with_javascript_the_answer_returns_the_thanks_as_json(json_client, page):
    response = json_client.post(URL, {"page": page.pk, "svar": "nej"})

    assert response.status_code == 200
    answer = FeedbackResponse.objects.get()
    assert response.json() == {"message": "Tack för att du hjälper oss!", "token": answer.token, "comment": True}


def test_with_javascript_a_yes_offers_no_comment(json_client, page):
    assert json_client.post(URL, {"page": page.pk, "svar": "ja"}).json()["comment"] is False


def test_with_javascript_the_comment_returns_the_thanks_as_json(json_client, page):
    answer = FeedbackResponseFactory(page=page, helpful=False)

    response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Mer om tider"})

    assert response.status_code == 200
    assert response.json() == {"message": "Tack för din kommentar!"}
    answer.refresh_from_db()
    assert answer.comment == "Mer om tider"


def test_a_comment_keeps_line_breaks_and_counts_them_as_one_character(json_client, page):
    answer = FeedbackResponseFactory(page=page, helpful=False)
    text = "a" * 998 + "\r\nb"

    assert json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": text}).status_code == 200
    answer.refresh_from_db()
    assert answer.comment == "a" * 998 + "\nb"


def test_the_answer_stores_nothing_that_identifies_the_visitor(widget_client, page):
    response = widget_client.post(URL, {"page": page.pk, "svar": "ja"}, HTTP_USER_AGENT="Firefox/140")

    stored = {field.name for field in FeedbackResponse._meta.get_fields()}
    # state and note are the editors' triage, written in the admin, never from the request;
    # locale is the page's language (for per-language reports), not the visitor's.
    assert stored == {"id", "page", "revision", "locale", "helpful", "comment", "created_at", "token", "state", "note"}
    assert FeedbackResponse.objects.get().locale_id == page.locale_id
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


class TestTheCommentToken:
    def test_a_token_takes_a_comment_only_once(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)
        json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Första"})

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Andra"})

        assert response.status_code == 400
        answer.refresh_from_db()
        assert answer.comment == "Första"

    def test_a_yes_takes_no_comment(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=True)

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Bra"})

        assert response.status_code == 400
        assert "går inte att komplettera" in response.json()["error"]
        answer.refresh_from_db()
        assert answer.comment == ""

    def test_a_token_takes_a_comment_only_within_an_hour(self, json_client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False, created_at=timezone.now() - dt.timedelta(minutes=61))

        response = json_client.post(COMMENT_URL, {"token": answer.token, "kommentar": "Sent"})

        assert response.status_code == 400
        answer.refresh_from_db()
        assert answer.comment == ""

    def test_a_made_up_token_is_refused(self, json_client, page):
        FeedbackResponseFactory(page=page, helpful=False)

        response = json_client.post(COMMENT_URL, {"token": "A" * 24, "kommentar": "Hej"})

        assert response.status_code == 400
        assert not FeedbackResponse.objects.with_comment().exists()

    def test_tokens_are_long_random_and_distinct(self, page):
        tokens = {FeedbackResponseFactory(page=page).token for _ in range(50)}
        assert len(tokens) == 50
        assert all(len(token) >= 22 and not token.isdigit() for token in tokens)


class TestTheWidget:
    def test_renders_on_a_content_page_without_any_visitor_state(self, client, page):
        html = client.get(page.url).content.decode()

        assert 'id="feedback"' in html
        assert "Hjälpte informationen på sidan dig?" in html
        assert f'<input type="hidden" name="page" value="{page.pk}">' in html
        assert '<button class="feedback__button" type="submit" name="svar" value="ja">Ja</button>' in html
        assert '<button class="feedback__button" type="submit" name="svar" value="nej">Nej</button>' in html
        assert 'role="status"' in html
        assert "Tack för att du hjälper oss!" not in html
        assert "csrfmiddlewaretoken" not in html
        assert "feedback.js" in html and "feedback.css" in html

    def test_is_absent_when_the_page_turns_it_off(self, client, home_page):
        from tests.home.factories import ContentPageFactory

        quiet = ContentPageFactory(parent=home_page, slug="tyst", show_feedback=False)

        assert 'id="feedback"' not in client.get(quiet.url).content.decode()

    def test_is_absent_on_the_home_page_whose_type_turns_it_off(self, client, home_page):
        assert 'id="feedback"' not in client.get("/").content.decode()

    def test_a_malformed_or_unknown_token_shows_the_thanks_but_no_form(self, client, page):
        html = client.get(page.url, {"tack": "<script>alert(1)</script>"}).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert 'name="svar"' in html

        html = client.get(page.url, {"tack": "B" * 24}).content.decode()
        assert "Tack för att du hjälper oss!" in html
        assert 'name="token" value=""' in html  # only the inert template, without a token

    def test_the_comment_form_expires_with_the_token(self, client, page):
        answer = FeedbackResponseFactory(page=page, helpful=False)
        with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
            html = client.get(page.url, {"tack": answer.token}).content.decode()
        assert "Tack för att du hjälper oss!" in html
        assert f'value="{answer.token}"' not in html
