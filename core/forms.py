"""Guards shared by the public forms (the feedback widget, sign-ups): a honeypot and a text check.

Both answer in Swedish. A bot that fills the honeypot gets the answer a person gets, so the trap
is not revealed; the form only reports `is_spam` and the view decides what to keep.
"""

import unicodedata

from django import forms

HONEYPOT_FIELD = "webbplats"
FORBIDDEN_CHARACTERS = "Texten innehåller tecken som inte är tillåtna."
# Django's CharField refuses NUL itself; say so in the same words as for other control characters.
NULL_CHARACTER = {"null_characters_not_allowed": FORBIDDEN_CHARACTERS}
# Characters that reorder text invisibly and could make a text look different in the admin.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_forbidden_characters(text, allow_newlines=False):
    """Control characters (other than line breaks and tabs where allowed), surrogates and bidi overrides."""
    allowed = {"\n", "\t"} if allow_newlines else set()
    return any(
        char not in allowed and (unicodedata.category(char) in {"Cc", "Cs"} or char in BIDI_CONTROLS) for char in text
    )


class HoneypotField(forms.CharField):
    """A text field hidden from people (the template hides it); declare it as `webbplats`, last."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Lämna det här fältet tomt")
        super().__init__(required=False, strip=False, error_messages=NULL_CHARACTER, **kwargs)


class PublicFormMixin:
    """No control characters in any text field, and `is_spam` when the honeypot was filled in.

    Fields named in `multiline_fields` may hold line breaks and tabs.
    """

    multiline_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and has_forbidden_characters(value, name in self.multiline_fields):
                self.add_error(name, FORBIDDEN_CHARACTERS)
        return cleaned

    @property
    def is_spam(self):
        """True when the honeypot, hidden from people, was filled in."""
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))
