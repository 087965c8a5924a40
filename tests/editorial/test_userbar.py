"""The userbar on public pages gives a logged-in editor Wagtail's accessibility checker; visitors never get it."""

import pytest

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    return ContentPageFactory(parent=home_page, title="Om oss")


def test_a_logged_in_editor_gets_the_userbar_with_the_accessibility_checker(client_for, communicator, page):
    response = client_for(communicator).get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "w-userbar" in html
    assert 'id="checker-axe-configuration"' in html


def test_the_userbar_scripts_are_allowed_by_the_strict_public_policy(client_for, communicator, page):
    response = client_for(communicator).get(page.url)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    userbar = response.content.decode().split("Wagtail user bar embed code", 1)[1]
    # Scripts come from the site's own static files; the checker's settings travel as JSON data,
    # which a policy without inline scripts still allows. No inline styles either.
    assert '<script id="checker-axe-configuration" type="application/json">' in userbar
    assert "/static/wagtailadmin/js/userbar.js" in userbar
    openings = [tag.split(">", 1)[0] for tag in userbar.split("<script")[1:]]
    assert all('src="' in opening or "application/json" in opening for opening in openings)
    assert "<style" not in userbar
    assert ' style="' not in userbar


def test_visitors_get_no_userbar(client, page):
    assert "w-userbar" not in client.get(page.url).content.decode()
