"""Factories for subscriptions and for pages that are published for the first time in a test."""

import factory
from django.test import TestCase
from django.utils import timezone
from factory.django import DjangoModelFactory

from alerts.models import Frequency, Subscription
from tests.events.factories import ConferencePageFactory, EventIndexPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory


class SubscriptionFactory(DjangoModelFactory):
    """A confirmed subscriber who wants alerts at once; pass `topics=[...]`."""

    class Meta:
        model = Subscription
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bevakare{n}@kommun.se")
    frequency = Frequency.IMMEDIATE
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


def unconfirmed(**kwargs):
    return SubscriptionFactory(consented_at=None, requested_at=timezone.now(), **kwargs)


def publish_new(page_factory, parent, topics, **fields):
    """Creates a draft page with these topics and publishes it: its first publication."""
    page = page_factory(parent=parent, live=False, first_published_at=None, last_published_at=None, **fields)
    page.topics.set(topics)
    # As after the editor's request: the queue is asked once the publication is committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def knowledge_index(home_page):
    return KnowledgeIndexPageFactory(parent=home_page)


def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


def publish_knowledge(index, topics, **fields):
    return publish_new(KnowledgePageFactory, index, topics, **fields)


def publish_conference(index, topics, **fields):
    return publish_new(ConferencePageFactory, index, topics, **fields)
