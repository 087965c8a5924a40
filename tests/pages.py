"""Helpers for specifications that read a rendered page as a visitor would.

One parser (BeautifulSoup) reads every page: a specification names a part of the page by a CSS selector
and checks its markup, its text, the titles in a listing or the cells of a table, instead of cutting the
HTML apart by hand.
"""

import html
import re

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

MENU = 'nav[aria-label="Huvudmeny"]'
BREADCRUMBS = 'nav[aria-label="Brödsmulor"]'


def visible(client, page):
    """The page's HTML with entities decoded, after checking it answered 200."""
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def assert_all_in(text, expected):
    """Every expected piece of text is on the page; the failure names the missing ones."""
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing on the page: {missing}"


def soup(page):
    """The parsed page, from HTML text, bytes or a test client's response (which must have answered 200)."""
    if hasattr(page, "status_code"):
        assert page.status_code == 200, page.status_code
        page = page.content
    if isinstance(page, bytes):
        page = page.decode()
    return BeautifulSoup(page, "html.parser")


def element(page, selector):
    """The first element that matches the selector; the failure names the selector."""
    found = soup(page).select_one(selector)
    assert found is not None, f"nothing on the page matches {selector!r}"
    return found


class AsWritten(HTMLFormatter):
    """Markup close to what the template wrote: attributes in their order (BeautifulSoup sorts them), `<br>`
    and bare boolean attributes such as `selected`."""

    def __init__(self):
        super().__init__(
            entity_substitution=EntitySubstitution.substitute_xml,
            void_element_close_prefix="",
        )

    def attributes(self, tag):
        return [(name, None if value == "" else value) for name, value in tag.attrs.items()]


def part(page, selector):
    """The markup of the first element that matches the selector, to look for pieces of HTML in."""
    return element(page, selector).decode(formatter=AsWritten())


def text(node):
    """An element's text with runs of spaces and line breaks collapsed (not no-break spaces), as a browser shows it."""
    return re.sub(r"[ \t\n\r\f]+", " ", node.get_text()).strip()


def texts(page, selector):
    """The text of every element that matches the selector, in page order."""
    return [text(node) for node in soup(page).select(selector)]


def card_titles(page, listing="main"):
    """The titles of the cards in a listing, in the order a visitor reads them."""
    return [text(title) for title in element(page, listing).select(".card__title")]


def selected_options(page):
    """The value and label of every selected option in the page's forms."""
    return [(option["value"], text(option)) for option in soup(page).select("option[selected]")]


def table_rows(page, table="table"):
    """The text of each cell in each body row of a table."""
    return [[text(cell) for cell in row.find_all("td")] for row in element(page, table).select("tbody tr")]
