"""Fixtures of the knowledge tests: a listing under the home page and a network that is not there."""

import socket
import urllib.request

import pytest

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
