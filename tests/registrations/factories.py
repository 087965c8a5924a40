"""Factories for registrations and for events that take them on the site."""

import factory
from django.utils import timezone

from registrations.models import Registration, Status
from tests.events.factories import ConferencePageFactory


class OnsiteConferenceFactory(ConferencePageFactory):
    """A conference in 30 days with on-site registration instead of an external link."""

    registration_url = ""
    onsite_registration = True
    seat_limit = 2
    waitlist_enabled = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    name = factory.Faker("name", locale="sv_SE")
    email = factory.Sequence(lambda n: f"person{n}@kommun.se")
    status = Status.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
