"""The words a visitor reads on a page, outside any passage marked as another language.

Reads the text of the body and the attributes a visitor meets (aria-label, title, placeholder, alt and
the value of buttons), and skips elements inside a `lang` other than the page's own: a Swedish topic
name on an English page, marked `lang="sv"`, is no fault of the page.
"""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template", "head", "title"}
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "value")


class _Reader(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, counts) where counts says whether the element's text is read
        self.chunks = []

    def _reading(self):
        return all(readable for _, readable in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        readable = tag not in HIDDEN and (lang is None or lang.split("-")[0] == self.language)
        if tag == "html":
            readable = True
        if self._reading() and readable:
            for name in READ_ATTRIBUTES:
                if attrs.get(name) and (name != "value" or attrs.get("type") in ("submit", "button")):
                    self.chunks.append(attrs[name])
        if tag not in VOID:
            self.stack.append((tag, readable))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self._reading() and data.strip():
            self.chunks.append(data.strip())


def visible_text(html, language="en"):
    """The text chunks of a page that a visitor reads in the page's own language."""
    reader = _Reader(language)
    reader.feed(html)
    return reader.chunks


def words_found(html, words, language="en"):
    """Which of `words` (whole words, case-sensitive) the visitor reads outside other-language passages."""
    text = "\n".join(visible_text(html, language))
    return sorted({word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)})
