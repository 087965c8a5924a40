"""Site search: query cleaning and the result rows the search page shows."""

import unicodedata

from core import excerpts

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query without control characters, collapsed spaces, at most 200 characters.

    PostgreSQL rejects NUL bytes and odd control characters in text, and SQLite's full-text engine
    reads a lone double quote as an unterminated phrase, so both become spaces.
    """
    text = "".join(" " if unicodedata.category(ch).startswith("C") or ch == '"' else ch for ch in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def excerpt(page, words=35):
    """A short text for a result: the search description, else the page's intro."""
    return excerpts.excerpt(page, words)


def type_label(page):
    """The page type as a visitor would call it, e.g. "Konferens" or "Kunskapssida"."""
    # str(): verbose names are lazy, translated on English pages.
    label = str(getattr(page, "type_label", None) or page.specific_class._meta.verbose_name)
    return label[:1].upper() + label[1:]
