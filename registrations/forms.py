"""The sign-up form: name, e-mail and consent always; other questions only when the editor chose them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotField, PublicFormMixin
from events.models import RegistrationQuestion

from .models import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, NEEDS_MAX_LENGTH, TEXT_MAX_LENGTH, Role


def too_long(what, limit):
    return format_lazy(_("{what} får vara högst {limit} tecken."), what=what, limit=limit)


class PartChoiceField(forms.ModelMultipleChoiceField):
    """The series parts to sign up for; an id no database column can hold is refused before any query
    (SQLite raises OverflowError on one)."""

    LARGEST_ID = 2**63 - 1

    def clean(self, value):
        for pk in value or []:
            text = str(pk).strip()
            if text.lstrip("-").isdigit() and abs(int(text)) > self.LARGEST_ID:
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value")
        return super().clean(value)


class RegistrationForm(PublicFormMixin, forms.Form):
    """One person's sign-up for one event; questions the editor did not choose are removed."""

    multiline_fields = ("needs",)
    optional_fields = {
        RegistrationQuestion.ORGANISATION: "organisation",
        RegistrationQuestion.MUNICIPALITY: "municipality",
        RegistrationQuestion.ROLE: "role",
        RegistrationQuestion.NEEDS: "needs",
        RegistrationQuestion.PARTS: "parts",
    }

    name = forms.CharField(
        label=_("Namn"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Skriv ditt namn."), "max_length": too_long(_("Namnet"), NAME_MAX_LENGTH)},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-post"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@kommun.se."),
            "max_length": too_long(_("E-postadressen"), EMAIL_MAX_LENGTH),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        error_messages={"max_length": too_long(_("Organisationen"), TEXT_MAX_LENGTH)},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    municipality = forms.CharField(
        label=_("Kommun eller region"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        error_messages={"max_length": too_long(_("Kommun eller region"), TEXT_MAX_LENGTH)},
    )
    role = forms.ChoiceField(
        label=_("Roll"),
        choices=Role.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Välj en av rollerna.")},
    )
    needs = forms.CharField(
        label=_("Specialkost eller behov av tillgänglighetsanpassning"),
        max_length=NEEDS_MAX_LENGTH,
        required=False,
        help_text=_("Lämna tomt om du inte har några särskilda behov."),
        error_messages={"max_length": too_long(_("Texten om specialkost eller tillgänglighet"), NEEDS_MAX_LENGTH)},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    parts = PartChoiceField(
        label=_("Vilka delar vill du delta i?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Välj minst en del av seminarieserien."),
            "invalid_choice": _("Välj bland delarna som visas."),
            "invalid_pk_value": _("Välj bland delarna som visas."),
        },
    )
    consent = forms.BooleanField(
        label=_("Jag samtycker till att mina uppgifter behandlas för att hantera anmälan."),
        error_messages={"required": _("Du behöver samtycka till att uppgifterna behandlas för att kunna anmäla dig.")},
    )
    webbplats = HoneypotField()

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        asked = set(event.registration_questions)
        for question, field in self.optional_fields.items():
            if question not in asked:
                del self.fields[field]
        if "parts" in self.fields:
            upcoming = [part.pk for part in event.upcoming_parts]
            self.fields["parts"].queryset = event.parts.filter(pk__in=upcoming).order_by("date", "start_time")
            self.fields["parts"].label_from_instance = str

    def clean_needs(self):
        return self.cleaned_data["needs"].replace("\r\n", "\n").strip()

    def answers(self):
        """The values to store: only what the form asked for."""
        data = {
            name: self.cleaned_data[name]
            for name in ("organisation", "municipality", "role", "needs")
            if name in self.fields
        }
        return {
            "name": self.cleaned_data["name"].strip(),
            "email": self.cleaned_data["email"],
            "parts": list(self.cleaned_data.get("parts") or []),
            **data,
        }


class CancelForm(forms.Form):
    """Confirms the cancellation; the personal link itself identifies the registration."""

    confirm = forms.BooleanField(initial=True, widget=forms.HiddenInput)
