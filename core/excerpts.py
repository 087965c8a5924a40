"""How the site describes a page in a few words: search results, meta descriptions and structured data."""

from django.utils.html import strip_tags
from django.utils.text import Truncator


def summary(page):
    """The editor's search description, else the page's intro as plain text."""
    return page.search_description or strip_tags(str(getattr(page, "intro", "") or ""))


def excerpt(page, words):
    """The summary cut to a number of words, white space collapsed."""
    return Truncator(summary(page)).words(words)
