"""Validation of what the widget posts: every rule answers in Swedish and nothing is stored on failure."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError

from .models import COMMENT_MAX_LENGTH

HONEYPOT_FIELD = "webbplats"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
# Largest value PostgreSQL's integer column for page ids can hold; bigger ids must not reach the database.
MAX_PAGE_ID = 2**31 - 1
# Characters that reorder text invisibly and could make a comment look different in the reports.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

MESSAGES = {
    "page": "Det framgår inte vilken sida svaret gäller.",
    "answer": "Välj Ja eller Nej.",
    "comment_required": "Skriv en kommentar innan du skickar.",
    "comment_too_long": f"Kommentaren får vara högst {COMMENT_MAX_LENGTH:,} tecken.".replace(",", "\u00a0"),
    "control": "Texten innehåller tecken som inte är tillåtna.",
    "token": "Svaret går inte att komplettera med en kommentar.",
}
# Django's CharField refuses NUL itself; say so in the same words as for other control characters.
NULL_CHARACTER = {"null_characters_not_allowed": MESSAGES["control"]}


def has_forbidden_characters(text, allow_newlines=False):
    """Control characters (other than line breaks and tabs in a comment), surrogates and bidi overrides."""
    allowed = {"\n", "\t"} if allow_newlines else set()
    for char in text:
        if char in allowed:
            continue
        if unicodedata.category(char) in {"Cc", "Cs"} or char in BIDI_CONTROLS:
            return True
    return False


class CleanTextMixin:
    """Refuses control characters in every text field before the field's own rules run."""

    multiline_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and has_forbidden_characters(value, name in self.multiline_fields):
                self.add_error(name, MESSAGES["control"])
        return cleaned


class AnswerForm(CleanTextMixin, forms.Form):
    """The visitor's Ja or Nej for one page."""

    page = forms.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        error_messages={
            "required": MESSAGES["page"],
            "invalid": MESSAGES["page"],
            "min_value": MESSAGES["page"],
            "max_value": MESSAGES["page"],
        },
    )
    svar = forms.ChoiceField(
        choices=[("ja", "Ja"), ("nej", "Nej")],
        error_messages={"required": MESSAGES["answer"], "invalid_choice": MESSAGES["answer"]},
    )
    webbplats = forms.CharField(required=False, strip=False, error_messages=NULL_CHARACTER)

    @property
    def helpful(self):
        return self.cleaned_data["svar"] == "ja"


class CommentForm(CleanTextMixin, forms.Form):
    """A comment added to an earlier "Nej", identified by the answer's token."""

    multiline_fields = ("kommentar",)

    token = forms.CharField(error_messages={"required": MESSAGES["token"], **NULL_CHARACTER})
    kommentar = forms.CharField(error_messages={"required": MESSAGES["comment_required"], **NULL_CHARACTER})
    webbplats = forms.CharField(required=False, strip=False, error_messages=NULL_CHARACTER)

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not TOKEN_PATTERN.match(token):
            raise ValidationError(MESSAGES["token"])
        return token

    def clean_kommentar(self):
        # Browsers send line breaks as CRLF but count them as one character, so count them the same way.
        comment = self.cleaned_data["kommentar"].replace("\r\n", "\n").replace("\r", "\n").strip()
        if not comment:
            raise ValidationError(MESSAGES["comment_required"])
        if len(comment) > COMMENT_MAX_LENGTH:
            raise ValidationError(MESSAGES["comment_too_long"])
        return comment
