"""On-site registration: the fields that configure the sign-up form and the state it is in.

The registrations app stores who signed up (see docs/registrations.md); this mixin holds only what
an editor sets on the event and what the page shows. The event that uses it supplies `start`,
`status`, `is_cancelled`, `is_past`, `registration_deadline` and `registration_link`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from events.formatting import next_midnight, when

from .choices import EventStatus, RegistrationQuestion, RegistrationState

ASK_HELP = "Fråga bara det ni behöver veta."


class OnsiteRegistrationMixin(models.Model):
    """Fields and state of registration in a form on the site: when it opens and closes, seats, questions."""

    onsite_registration = models.BooleanField(
        "anmälan på webbplatsen",
        default=False,
        help_text="Besökarna anmäler sig i ett formulär på webbplatsen i stället för via en länk.",
    )
    registration_opens = models.DateTimeField(
        "anmälan öppnar", null=True, blank=True, help_text="Tomt: anmälan är öppen direkt."
    )
    registration_closes = models.DateTimeField(
        "anmälan stänger",
        null=True,
        blank=True,
        help_text="Tomt: efter sista anmälningsdagen, annars när evenemanget börjar.",
    )
    seat_limit = models.PositiveIntegerField("antal platser", null=True, blank=True, help_text="Tomt: obegränsat.")
    waitlist_enabled = models.BooleanField(
        "reservlista när det är fullt", default=True, help_text="Avbokade platser går till den som stått längst."
    )
    reminder_hours = models.PositiveSmallIntegerField(
        "påminnelse (timmar före)",
        default=24,
        help_text="De anmälda får en påminnelse så här många timmar före start (varje del i en serie). 0: ingen.",
    )
    ask_organisation = models.BooleanField("fråga efter organisation", default=False, help_text=ASK_HELP)
    ask_municipality = models.BooleanField("fråga efter kommun eller region", default=False, help_text=ASK_HELP)
    ask_role = models.BooleanField(
        "fråga efter roll (förtroendevald eller tjänsteperson)", default=False, help_text=ASK_HELP
    )
    ask_needs = models.BooleanField(
        "fråga efter specialkost eller tillgänglighetsbehov",
        default=False,
        help_text="Svaren raderas med anmälningarna efter evenemanget.",
    )

    onsite_registration_fields = [
        FieldPanel("onsite_registration"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldRowPanel([FieldPanel("seat_limit"), FieldPanel("waitlist_enabled")]),
        FieldPanel("reminder_hours"),
        FieldPanel("ask_organisation"),
        FieldPanel("ask_municipality"),
        FieldPanel("ask_role"),
        FieldPanel("ask_needs"),
    ]
    onsite_registration_panels = [
        MultiFieldPanel(onsite_registration_fields, heading="Anmälan på webbplatsen", classname="collapsed")
    ]

    class Meta:
        abstract = True

    def clean_onsite_registration(self):
        """One way to register, and a window that closes after it opens."""
        if self.onsite_registration and (self.registration_url or self.registration_page_id):
            raise ValidationError(
                {"onsite_registration": "Välj antingen anmälan på webbplatsen eller en anmälningslänk, inte båda."}
            )
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": "Anmälan måste stänga efter att den har öppnat."})

    @property
    def registration_questions(self):
        """The optional questions the on-site form asks, as RegistrationQuestion values."""
        asked = {
            RegistrationQuestion.ORGANISATION: self.ask_organisation,
            RegistrationQuestion.MUNICIPALITY: self.ask_municipality,
            RegistrationQuestion.ROLE: self.ask_role,
            RegistrationQuestion.NEEDS: self.ask_needs,
        }
        return [question for question, ask in asked.items() if ask]

    @property
    def registration_closes_at(self):
        """The deadline day is included: registration closes at midnight after it; else when the event starts."""
        if self.registration_closes:
            return self.registration_closes
        if self.registration_deadline:
            return next_midnight(self.registration_deadline)
        return self.start

    @property
    def registration_state(self):
        """open, closed, full, cancelled, past or none: what the registration area shows."""
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.is_past:
            return RegistrationState.PAST
        if not self.registration_link:
            return RegistrationState.NONE
        if self.status == EventStatus.FULL:
            return RegistrationState.FULL
        if self.registration_opens and timezone.now() < self.registration_opens:
            return RegistrationState.NOT_OPEN
        closes_at = self.registration_closes_at
        if closes_at and timezone.now() >= closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    @property
    def registration_open(self):
        return self.registration_state == RegistrationState.OPEN

    @property
    def registration_message(self):
        state = self.registration_state
        if state == RegistrationState.NOT_OPEN:
            return gettext("Anmälan öppnar {moment}.").format(moment=when(self.registration_opens, None))
        return "" if state == RegistrationState.OPEN else str(state.label)
