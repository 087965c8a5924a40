"""Helpers for specifications that read a rendered page as a visitor would."""

import html


def visible(client, page):
    """The page's HTML with entities decoded, after checking it answered 200."""
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def assert_all_in(text, expected):
    """Every expected piece of text is on the page; the failure names the missing ones."""
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing on the page: {missing}"
