"""Fixtures of the knowledge tests: a listing under the home page and a network that is not there."""

import socket
import urllib.request

import pytest
from django.utils import timezone

from core import demo as core_demo
from home.demo import DemoContext
from knowledge import demo

from .factories import KnowledgeIndexPageFactory


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any outgoing connection fails, and is recorded, as when YouTube or SoundCloud cannot be reached."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkBlocked("network blocked in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


@pytest.fixture
def knowledge_index(home_page):
    return KnowledgeIndexPageFactory(parent=home_page)


@pytest.fixture
def demo_ctx(home_page, site):
    """The knowledge demo built on the seed people, topics and the site-wide Kontakt box."""
    ctx = DemoContext(home=home_page, today=timezone.localdate())
    ctx.people = core_demo.build_people()
    ctx.topics = core_demo.build_topics()
    core_demo.build_settings(site, None, None, None)
    demo.build(ctx)
    return ctx
