"""Validation of what the widget posts: every rule answers in Swedish and nothing is stored on failure."""

import re

from django import forms
from django.core.exceptions import ValidationError

from core.forms import NULL_CHARACTER, HoneypotField, PublicFormMixin

from .models import COMMENT_MAX_LENGTH

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
# Largest value PostgreSQL's integer column for page ids can hold; bigger ids must not reach the database.
MAX_PAGE_ID = 2**31 - 1

MESSAGES = {
    "page": "Det framgår inte vilken sida svaret gäller.",
    "answer": "Välj Ja eller Nej.",
    "comment_required": "Skriv en kommentar innan du skickar.",
    "comment_too_long": f"Kommentaren får vara högst {COMMENT_MAX_LENGTH:,} tecken.".replace(",", "\u00a0"),
    "token": "Svaret går inte att komplettera med en kommentar.",
}


class AnswerForm(PublicFormMixin, forms.Form):
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
    webbplats = HoneypotField()

    @property
    def helpful(self):
        return self.cleaned_data["svar"] == "ja"


class CommentForm(PublicFormMixin, forms.Form):
    """A comment added to an earlier "Nej", identified by the answer's token."""

    multiline_fields = ("kommentar",)

    token = forms.CharField(error_messages={"required": MESSAGES["token"], **NULL_CHARACTER})
    kommentar = forms.CharField(error_messages={"required": MESSAGES["comment_required"], **NULL_CHARACTER})
    webbplats = HoneypotField()

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
