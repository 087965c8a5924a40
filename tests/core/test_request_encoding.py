"""Every public endpoint answers 400 with a Swedish message to what is not UTF-8, names another charset or
cannot be parsed, and stores nothing from it: no answer, no sign-up, not even a rate-limit hit."""

from urllib.parse import quote

import pytest
from django.test import Client

from core.models import RateLimitHit
from feedback.models import FeedbackResponse
from registrations.links import make_token
from registrations.models import Registration
from tests.feedback.conftest import ORIGIN
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BOUNDARY = "grans-4711"


@pytest.fixture
def endpoints(home_page):
    """Each public POST endpoint with a body that would be accepted if it were readable."""
    page = ContentPageFactory(parent=home_page)
    answer = FeedbackResponse.objects.create(page=page, helpful=False)
    event = OnsiteConferenceFactory(parent=home_page, seat_limit=None)
    registration = RegistrationFactory(event=event)
    return {
        # An unknown field is ignored, but it is part of the body all the same.
        "feedback": ("/aterkoppling/", {"page": str(page.pk), "svar": "nej", "sida": "Räksmörgås"}),
        "comment": ("/aterkoppling/kommentar/", {"token": answer.token, "kommentar": "Räksmörgås"}),
        "signup": (f"/anmalan/{event.pk}/", {"name": "Åsa Öberg", "email": "asa@kommun.se", "consent": "on"}),
        "cancel": (f"/anmalan/min-anmalan/{make_token(registration)}/", {"avboka": "1", "orsak": "Förhinder"}),
    }


def stored():
    """Everything a public POST can store."""
    return (
        FeedbackResponse.objects.count(),
        FeedbackResponse.objects.with_comment().count(),
        Registration.objects.count(),
        Registration.objects.active().count(),
        RateLimitHit.objects.count(),
    )


def urlencoded(fields, encoding):
    """A form body with its values written raw in `encoding`, as a careless client would."""
    return "&".join(f"{key}={value}" for key, value in fields.items()).encode(encoding)


def multipart(fields, encoding="utf-8"):
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
        for key, value in fields.items()
    ]
    return ("".join(parts) + f"--{BOUNDARY}--\r\n").encode(encoding)


def post(path, body, content_type, **headers):
    client = Client(HTTP_ORIGIN=ORIGIN, **headers)
    # CONTENT_TYPE goes to the server as written; the client would try to encode the body itself.
    return client.generic("POST", path, body, content_type="application/octet-stream", CONTENT_TYPE=content_type)


def assert_refused_in_swedish(response, before, message):
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv">' in html and message in html
    assert stored() == before


ENDPOINTS = ["feedback", "comment", "signup", "cancel"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_raw_bytes_that_are_not_utf8_are_refused_not_stored_as_mojibake(endpoints, endpoint):
    path, fields = endpoints[endpoint]
    before = stored()

    response = post(path, urlencoded(fields, "iso-8859-1"), "application/x-www-form-urlencoded")

    assert_refused_in_swedish(response, before, "ogiltig teckenkodning")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_percent_escapes_that_are_not_utf8_are_refused(endpoints, endpoint):
    path, fields = endpoints[endpoint]
    before = stored()
    # Percent-escaped Latin-1: what a form on an old Latin-1 page would send.
    body = "&".join(f"{key}={quote(value, encoding='iso-8859-1')}" for key, value in fields.items())

    response = post(path, body.encode(), "application/x-www-form-urlencoded")

    assert_refused_in_swedish(response, before, "ogiltig teckenkodning")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "content_type",
    [
        f"multipart/form-data; charset=rot13; boundary={BOUNDARY}",
        f"multipart/form-data; charset=finns-inte; boundary={BOUNDARY}",
        f"multipart/form-data; charset=iso-8859-1; boundary={BOUNDARY}",
        "application/x-www-form-urlencoded; charset=rot13",
        "application/x-www-form-urlencoded; charset=utf-16",
    ],
)
def test_a_charset_other_than_utf8_is_refused(endpoints, endpoint, content_type):
    path, fields = endpoints[endpoint]
    before = stored()
    body = multipart(fields) if content_type.startswith("multipart") else urlencoded(fields, "utf-8")

    response = post(path, body, content_type)

    assert_refused_in_swedish(response, before, "teckenkodning som inte stöds")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=gräns"],
)
def test_a_body_without_a_usable_boundary_is_refused(endpoints, endpoint, content_type):
    path, fields = endpoints[endpoint]
    before = stored()

    response = post(path, multipart(fields), content_type)

    assert_refused_in_swedish(response, before, "Formuläret gick inte att läsa")


def test_the_widget_gets_the_refusal_as_json(endpoints):
    path, fields = endpoints["feedback"]

    response = post(
        path, urlencoded(fields, "iso-8859-1"), "application/x-www-form-urlencoded", HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"error": "Texten har en ogiltig teckenkodning. Skicka den igen som UTF-8."}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("form_encoding", ["urlencoded", "multipart"])
def test_utf8_in_either_form_encoding_is_accepted(endpoints, endpoint, form_encoding):
    path, fields = endpoints[endpoint]
    if form_encoding == "urlencoded":
        response = post(path, urlencoded(fields, "utf-8"), "application/x-www-form-urlencoded; charset=UTF-8")
    else:
        response = post(path, multipart(fields), f"multipart/form-data; boundary={BOUNDARY}")

    assert response.status_code in {200, 303}
    assert "Felaktig förfrågan" not in response.content.decode()
    if endpoint == "comment":
        assert FeedbackResponse.objects.get().comment == "Räksmörgås"
    if endpoint == "signup":
        assert Registration.objects.filter(name="Åsa Öberg").exists()
    if endpoint == "cancel":
        assert not Registration.objects.active().exists()


def test_query_strings_that_are_not_utf8_get_400_on_every_public_get(client, home_page):
    knowledge = KnowledgeIndexPageFactory(parent=home_page)
    for url in [
        "/sok/?q=%FF",
        "/sok/?q=r%E4ksm%F6rg%E5s",
        f"{knowledge.url}?amne=%C3",
        f"{knowledge.url}rss/?amne=%FF",
    ]:
        response = client.get(url)

        assert response.status_code == 400, url
        assert "ogiltig teckenkodning" in response.content.decode()


def test_an_address_that_is_not_utf8_finds_no_page(client, home_page):
    assert client.get("/om-%FF-oss/").status_code == 404


def test_utf8_addresses_and_queries_still_work(client, home_page):
    ContentPageFactory(parent=home_page, title="Räksmörgås", slug="räksmörgås")

    assert client.get("/r%C3%A4ksm%C3%B6rg%C3%A5s/").status_code == 200
    assert client.get("/sok/?q=r%C3%A4ksm%C3%B6rg%C3%A5s").status_code == 200


def test_the_admin_is_left_to_wagtail(admin_client):
    assert admin_client.get("/admin/pages/search/?q=%FF").status_code == 200
