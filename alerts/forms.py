"""The "Bevaka ämnet" form (address, topics, frequency, honeypot) and the manage form (topics, frequency)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotField, PublicFormMixin
from core.models import Topic, localized_topics

from .models import EMAIL_MAX_LENGTH, Frequency

TOPIC_ERRORS = {
    "required": _("Välj minst ett ämne."),
    "invalid_choice": _("Ett av ämnena finns inte längre. Välj bland ämnena i listan."),
    "invalid_pk_value": _("Ett av ämnena finns inte längre. Välj bland ämnena i listan."),
}
FREQUENCY_ERRORS = {
    "required": _("Välj hur ofta du vill få e-post."),
    "invalid_choice": _("Välj Direkt eller Veckovis."),
}


class TopicChoiceField(forms.ModelMultipleChoiceField):
    """Topics as checkboxes, named in the active language; a value that is no topic id is refused
    before any query."""

    def label_from_instance(self, obj):
        # The Swedish topics are the choices; their names in this language are read in one query.
        if not hasattr(self, "_names"):
            self._names = {topic.pk: topic.name for topic in localized_topics(self.queryset)}
        return self._names.get(obj.pk, obj.name)

    def clean(self, value):
        for pk in value or []:
            text = str(pk).strip()
            if not text.isdigit() or len(text) > 18:
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value")
        return super().clean(value)


def topic_field():
    return TopicChoiceField(
        label=_("Ämnen"),
        queryset=Topic.objects.sources().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages=TOPIC_ERRORS,
    )


def frequency_field():
    return forms.ChoiceField(
        label=_("Hur ofta vill du få e-post?"),
        choices=[
            (Frequency.IMMEDIATE, _("Direkt, ett meddelande för varje ny sida")),
            (Frequency.WEEKLY, _("Veckovis, en sammanfattning på måndagar")),
        ],
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages=FREQUENCY_ERRORS,
    )


class ChoiceFieldsMixin:
    @property
    def choice_fields(self):
        """The topic and frequency fields, for the shared template of their checkboxes and radios."""
        return [self["amnen"], self["frekvens"]]


class SubscribeForm(ChoiceFieldsMixin, PublicFormMixin, forms.Form):
    """Follow topics by e-mail; nothing is stored beyond the address, topics and frequency."""

    epost = forms.EmailField(
        label=_("E-postadress"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv en giltig e-postadress, till exempel namn@kommun.se."),
            "max_length": _("E-postadressen får vara högst %(limit_value)d tecken."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    amnen = topic_field()
    frekvens = frequency_field()
    webbplats = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # New topics may have been added since the class was loaded; fields are copied per form.
        self.fields["amnen"].queryset = Topic.objects.sources().order_by("name")


class ManageForm(ChoiceFieldsMixin, forms.Form):
    """Change the followed topics or the frequency, from the signed link in an alert."""

    amnen = topic_field()
    frekvens = frequency_field()
