"""Search engines and link previews: sitemap, robots.txt, metadata and redirects."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_exactly_the_live_public_pages(client, home_page):
    public = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    public.save_revision().publish()
    public.refresh_from_db()
    ContentPageFactory(parent=home_page, title="Utkast", slug="utkast", live=False)
    private = ContentPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    expired = ContentPageFactory(parent=home_page, title="Gammal", slug="gammal")
    expired.unpublish()

    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert sections == ["http://testserver/sitemap-sidor.xml"]
    response = client.get("/sitemap-sidor.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    assert locations == {"http://localhost/", f"http://localhost{public.url}"}
    lastmods = {
        url.find("s:loc", SITEMAP_NS).text: url.find("s:lastmod", SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }
    # The sitemap gives times in the site's time zone (Europe/Stockholm), an hour or two ahead of UTC.
    published_locally = timezone.localtime(public.last_published_at).date()
    assert lastmods[f"http://localhost{public.url}"].text.startswith(str(published_locally))


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_pages_carry_description_canonical_and_open_graph(client, home_page):
    page = ContentPageFactory(
        parent=home_page, title="Om oss", slug="om-oss", intro="Vi är en förening för kommuner och regioner."
    )
    html = client.get(page.url).content.decode()
    assert "<title>Om oss | Kommuner och regioner</title>" in html
    assert '<meta name="description" content="Vi är en förening för kommuner och regioner.">' in html
    assert f'<link rel="canonical" href="http://localhost{page.url}">' in html
    assert '<meta property="og:title" content="Om oss">' in html
    assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_search_description_wins_over_intro(client, home_page):
    page = ContentPageFactory(parent=home_page, slug="x", intro="Ingress.", search_description="Särskild beskrivning.")
    assert '<meta name="description" content="Särskild beskrivning.">' in client.get(page.url).content.decode()


def test_changing_a_slug_keeps_the_old_address_working(
    client, home_page, admin_user, django_capture_on_commit_callbacks
):
    page = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    old_url = page.url
    page.slug = "om-foreningen"
    # Wagtail creates the redirect when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=admin_user).publish(user=admin_user)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/om-foreningen/")


def test_the_sitemap_is_an_index_of_sections_of_limited_size(client, home_page, monkeypatch):
    from home.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 2)
    for number in range(3):
        ContentPageFactory(parent=home_page, title=f"Sida {number}", slug=f"sida-{number}")

    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]

    assert sections == ["http://testserver/sitemap-sidor.xml", "http://testserver/sitemap-sidor.xml?p=2"]
    counts = [len(ET.fromstring(client.get(url).content).findall("s:url", SITEMAP_NS)) for url in sections]
    assert counts == [2, 2]


def test_the_sections_together_list_every_page_once_in_tree_order(client, home_page, monkeypatch):
    from home.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", 3)
    for number in range(7):  # with the start page, 8 addresses: 3 + 3 + 2, the last read from the far end
        ContentPageFactory(parent=home_page, title=f"Sida {number}", slug=f"sida-{number}")

    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    listed = []
    for url in sections:
        listed += [loc.text for loc in ET.fromstring(client.get(url).content).findall("s:url/s:loc", SITEMAP_NS)]

    expected = [page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1).order_by("path")]
    assert len(sections) == 3
    assert listed == expected


def test_every_sitemap_address_is_the_one_wagtail_gives_the_page_in_both_languages(client, home_page):
    call_command("load_demo_content")
    swedish_slug = ContentPageFactory(parent=home_page, title="Återblick", slug="återblick-på-året")
    swedish_slug.save_revision().publish()

    root = ET.fromstring(client.get("/sitemap-sidor.xml").content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]

    expected = [page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1).order_by("path")]
    assert locations == expected
    assert "http://localhost/en/" in locations
    assert "http://localhost/%C3%A5terblick-p%C3%A5-%C3%A5ret/" in locations
