"""Private pages (Wagtail view restrictions): the right password or a login opens them, nothing else
does, and neither the page nor its password form is ever kept in the page cache for other visitors."""

import gzip
import pickle

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from tests.home.factories import ContentPageFactory
from tests.pages import element

pytestmark = pytest.mark.django_db

SECRET = "Styrelsens protokoll från mars"
PASSWORD = "hemligt-lösenord"


@pytest.fixture(autouse=True)
def _page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "page-cache.stamp")


@pytest.fixture
def board(home_page):
    page = ContentPageFactory(parent=home_page, title="Styrelsen", slug="styrelsen", intro=SECRET)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def password_protected(board):
    PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return board


@pytest.fixture
def members_only(board):
    PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)
    return board


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("medlem", "medlem@example.se", "medlemmens-lösenord")


@pytest.fixture
def cache_writes(monkeypatch):
    """Every value written to the cache where the page cache keeps its pages, in this test."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    written = []
    real_set, real_add, real_set_many = cache.set, cache.add, cache.set_many

    def record_set(key, value, *args, **kwargs):
        written.append(value)
        return real_set(key, value, *args, **kwargs)

    def record_add(key, value, *args, **kwargs):
        written.append(value)
        return real_add(key, value, *args, **kwargs)

    def record_set_many(data, *args, **kwargs):
        written.extend(data.values())
        return real_set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set", record_set)
    monkeypatch.setattr(cache, "add", record_add)
    monkeypatch.setattr(cache, "set_many", record_set_many)
    return written


def _stored(text, values):
    """True when a cached value holds the text: pages are kept as bytes, gzipped where that pays, so
    compare the pickled bytes and every gzipped body decompressed."""
    blobs = [pickle.dumps(values)]
    for value in values:
        if isinstance(value, tuple):
            blobs += [gzip.decompress(part) for part in value if isinstance(part, bytes) and part[:2] == b"\x1f\x8b"]
    return any(text.encode() in blob for blob in blobs)


def _password_form_action(response):
    """The address the password form posts to, as Wagtail wrote it into the page."""
    return element(response.content.decode(), "form[action]")["action"]


def _submit_password(client, response, password):
    return client.post(_password_form_action(response), {"password": password, "return_url": "/styrelsen/"})


def test_the_same_page_while_public_is_kept_in_the_page_cache(client, board, cache_writes):
    # The counterpart of the checks below: a public page's content does reach the cache.
    assert client.get("/styrelsen/")["X-Page-Cache"] == "miss"
    assert _stored(SECRET, cache_writes)


# Password


def test_a_password_protected_page_asks_for_the_password(client, password_protected):
    response = client.get("/styrelsen/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert SECRET not in response.content.decode()


def test_the_right_password_opens_the_page(client, password_protected):
    form = client.get("/styrelsen/")

    answer = _submit_password(client, form, PASSWORD)

    assert answer.status_code == 302
    assert answer["Location"] == "/styrelsen/"
    page = client.get("/styrelsen/")
    assert page.status_code == 200
    assert SECRET in page.content.decode()


def test_a_wrong_password_shows_the_form_again_and_not_the_page(client, password_protected):
    form = client.get("/styrelsen/")

    answer = _submit_password(client, form, "fel-lösenord")

    assert answer.status_code == 200
    assert 'name="password"' in answer.content.decode()
    assert SECRET not in answer.content.decode()
    assert SECRET not in client.get("/styrelsen/").content.decode()


def test_neither_the_password_form_nor_the_opened_page_enters_the_page_cache(client, password_protected, cache_writes):
    form = client.get("/styrelsen/")
    _submit_password(client, form, PASSWORD)
    opened = client.get("/styrelsen/")

    assert "X-Page-Cache" not in form
    assert "X-Page-Cache" not in opened
    assert "private" in form["Cache-Control"]
    assert "private" in opened["Cache-Control"]
    assert not _stored(SECRET, cache_writes)
    assert not _stored('name="password"', cache_writes)


def test_a_visitor_without_the_password_still_gets_the_form_after_someone_opened_the_page(client, password_protected):
    _submit_password(client, client.get("/styrelsen/"), PASSWORD)
    assert SECRET in client.get("/styrelsen/").content.decode()

    stranger = Client()
    first = stranger.get("/styrelsen/")
    second = stranger.get("/styrelsen/")

    for response in (first, second):
        assert "X-Page-Cache" not in response
        assert 'name="password"' in response.content.decode()
        assert SECRET not in response.content.decode()


# Login


def test_a_members_only_page_sends_visitors_to_the_login(client, members_only):
    response = client.get("/styrelsen/")

    assert response.status_code == 302
    assert response["Location"] == "/_util/login/?next=/styrelsen/"
    assert client.get(response["Location"]).status_code == 200


def test_logging_in_opens_the_page(client, members_only, member):
    login_url = client.get("/styrelsen/")["Location"]

    answer = client.post(login_url, {"username": "medlem", "password": "medlemmens-lösenord"})

    assert answer.status_code == 302
    assert answer["Location"] == "/styrelsen/"
    page = client.get("/styrelsen/")
    assert page.status_code == 200
    assert SECRET in page.content.decode()


def test_a_wrong_login_does_not_open_the_page(client, members_only, member):
    login_url = client.get("/styrelsen/")["Location"]

    answer = client.post(login_url, {"username": "medlem", "password": "fel-lösenord"})

    assert answer.status_code == 200
    assert client.get("/styrelsen/").status_code == 302


def test_neither_the_login_redirect_nor_the_members_page_enters_the_page_cache(
    client, members_only, member, cache_writes
):
    redirect = client.get("/styrelsen/")
    client.post(redirect["Location"], {"username": "medlem", "password": "medlemmens-lösenord"})
    opened = client.get("/styrelsen/")

    assert "X-Page-Cache" not in redirect
    assert "X-Page-Cache" not in opened
    assert "private" in opened["Cache-Control"]
    assert not _stored(SECRET, cache_writes)

    stranger = Client()
    for _ in range(2):
        response = stranger.get("/styrelsen/")
        assert response.status_code == 302
        assert "X-Page-Cache" not in response
