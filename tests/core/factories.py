"""Factories for the shared models."""

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.models import Person, RateLimitHit, SiteNotice, Topic


class PersonFactory(DjangoModelFactory):
    """A person with a Swedish name and role."""

    class Meta:
        model = Person

    name = factory.Faker("name", locale="sv_SE")
    role = "Handläggare"
    organisation = "Kommuner och regioner"
    email = factory.Sequence(lambda n: f"person{n}@example.se")
    phone = "08-452 70 00"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.Sequence(lambda n: f"amne-{n}")


class SiteNoticeFactory(DjangoModelFactory):
    class Meta:
        model = SiteNotice

    message = "Så påverkas kurser och konferenser av det nya coronaviruset"
    link_url = "https://example.se/corona"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))


class RateLimitHitFactory(DjangoModelFactory):
    """A hit logged just now by some client on the feedback limit."""

    class Meta:
        model = RateLimitHit

    scope = "feedback"
    client_key = factory.Sequence(lambda n: f"{n:040x}")
    at = factory.LazyFunction(timezone.now)


class ImageFactory(wagtail_factories.ImageFactory):
    """A library image: a small JPEG drawn by Pillow, with a description (its default alt text)."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = ""
    file = factory.django.ImageField(width=800, height=450, color="steelblue", format="JPEG")
