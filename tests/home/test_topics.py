"""A topic page gathers the upcoming events and knowledge pages of one subject."""

import pytest

from tests.core.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_topic_index_lists_every_topic(client):
    TopicFactory(name="Demokrati", slug="demokrati")
    TopicFactory(name="Digitalisering", slug="digitalisering")
    html = client.get("/amnen/").content.decode()
    assert '<a href="/amnen/demokrati/">Demokrati</a>' in html
    assert '<a href="/amnen/digitalisering/">Digitalisering</a>' in html


def test_unknown_topic_is_404(client, home_page):
    assert client.get("/amnen/finns-inte/").status_code == 404


def test_empty_topic_says_so(client, home_page):
    TopicFactory(name="Demokrati", slug="demokrati")
    html = client.get("/amnen/demokrati/").content.decode()
    assert "Inga kommande evenemang inom demokrati just nu." in html
    assert "Inget kunskapsmaterial inom demokrati ännu." in html


@pytest.mark.parametrize("slug", ["%00", "a%00b", "x" * 300, "%C3%A5%C3%A4"])
def test_odd_topic_addresses_get_404(client, home_page, slug):
    assert client.get(f"/amnen/{slug}/").status_code == 404
