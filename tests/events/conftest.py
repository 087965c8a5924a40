"""Fixtures of the events tests: a listing under the home page and the demo pages."""

import pytest
from django.utils import timezone

from core import demo as core_demo
from events import demo
from home.demo import DemoContext
from tests.events.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def demo_ctx(home_page):
    """The events demo built on the seed people and topics."""
    ctx = DemoContext(home=home_page, today=timezone.localdate())
    ctx.people = core_demo.build_people()
    ctx.topics = core_demo.build_topics()
    demo.build(ctx)
    return ctx
