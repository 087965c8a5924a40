"""Plain text that goes into line-based files (.ics, vCard, RSS, e-mail headers) and the editors'
rule that keeps control characters out of titles, names and intros in the first place.

A line break in a calendar name or an e-mail subject ends the line early and breaks the file (or
the sending); XML cannot hold most control characters at all. The writers make every value safe
where they write it, so nothing stored earlier can break a download; the rule refuses new values
with a Swedish message.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

# Besides the C0 and C1 controls, Python's str.splitlines() breaks lines on these.
LINE_SEPARATORS = {"\u2028", "\u2029"}
# Not characters at all: XML 1.0 refuses them and UTF-8 cannot encode a lone surrogate.
NONCHARACTERS = {"\ufffe", "\uffff"}

CONTROL_CHARACTERS = "Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken."
CONTROL_CHARACTERS_EXCEPT_BREAKS = "Texten får inte innehålla andra styrtecken än radbrytningar och tabbar."


# The same characters as one regular expression: Unicode's Cc category is exactly U+0000–U+001F and
# U+007F–U+009F, Cs the surrogates (tests/core/test_text.py compares it with is_control for every
# code point). A feed writes a few hundred values per request: one scan in C, not a call per character.
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]")
CONTROL_EXCEPT_TAB_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]")
SPACES_RE = re.compile(" {2,}")


def is_control(char):
    """A character that has no place in a line of text: controls, line separators, surrogates, non-characters."""
    return unicodedata.category(char) in {"Cc", "Cs"} or char in LINE_SEPARATORS or char in NONCHARACTERS


def single_line(value):
    """The text on one line: line breaks and other control characters become spaces, runs of spaces one."""
    text = CONTROL_RE.sub(" ", str(value or ""))
    return SPACES_RE.sub(" ", text).strip()


def multi_line(value):
    """The text with LF as its only line break and tabs as its only other control character."""
    lines = str(value or "").splitlines()
    return "\n".join(CONTROL_EXCEPT_TAB_RE.sub("", line) for line in lines)


def control_character_errors(instance, single_line_fields=(), multi_line_fields=()):
    """A ValidationError for model.clean(), naming each field whose text holds characters it may not.

    Single-line fields (titles, names) may hold no control character at all; multi-line fields
    (intros, descriptions) may hold line breaks and tabs.
    """
    errors = {}
    for name in single_line_fields:
        value = getattr(instance, name, None)
        if isinstance(value, str) and any(is_control(char) for char in value):
            errors[name] = CONTROL_CHARACTERS
    for name in multi_line_fields:
        value = getattr(instance, name, None)
        if isinstance(value, str) and any(is_control(char) and char not in "\r\n\t" for char in value):
            errors[name] = CONTROL_CHARACTERS_EXCEPT_BREAKS
    return ValidationError(errors) if errors else None
