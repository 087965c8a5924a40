"""The fixed choices of events: formats, statuses, registration states and registration questions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    """What kind of event a page describes; visitors filter the listing by it."""

    CONFERENCE = "konferens", _("Konferens")
    WEBINAR = "webbseminarium", _("Webbseminarium")
    NETWORK = "natverkstraff", _("Nätverksträff")
    COURSE = "utbildning", _("Utbildning")


class EventStatus(models.TextChoices):
    """Whether an event goes ahead as planned; every status but the first is shown prominently."""

    SCHEDULED = "planerad", _("Planerad")
    CANCELLED = "installd", _("Inställd")
    POSTPONED = "flyttad", _("Flyttad")
    MOVED_ONLINE = "digital", _("Flyttad till webben")
    FULL = "fullbokad", _("Fullbokad")


# What each status means to search engines (schema.org eventStatus).
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    # The page carries the new date, so a moved event is rescheduled rather than postponed.
    EventStatus.POSTPONED: "https://schema.org/EventRescheduled",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
    EventStatus.FULL: "https://schema.org/EventScheduled",
}


class RegistrationState(models.TextChoices):
    """What the registration area of an event shows."""

    OPEN = "open", _("Anmälan är öppen")
    NOT_OPEN = "not_open", _("Anmälan har inte öppnat än.")
    CLOSED = "closed", _("Anmälan är stängd.")
    FULL = "full", _("Evenemanget är fullbokat.")
    CANCELLED = "cancelled", _("Evenemanget är inställt.")
    PAST = "past", _("Evenemanget har ägt rum.")
    NONE = "none", ""


class RegistrationQuestion(models.TextChoices):
    """Optional questions an on-site registration form may ask; name, e-mail and consent are always asked."""

    ORGANISATION = "organisation", "Organisation"
    MUNICIPALITY = "municipality", "Kommun eller region"
    ROLE = "role", "Roll (förtroendevald eller tjänsteperson)"
    NEEDS = "needs", "Behov av specialkost eller tillgänglighetsanpassning"
    PARTS = "parts", "Vilka delar av serien"
