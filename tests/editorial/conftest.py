"""Fixtures of the editorial tests: the sections, and one user in each editorial group."""

import pytest
from django.contrib.auth.models import Group

from tests.events.factories import EventIndexPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory

PASSWORD = "ett-langt-losenord-for-test"


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def knowledge_index(home_page):
    return KnowledgeIndexPageFactory(parent=home_page)


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.se", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def communicator(django_user_model):
    return member_of(django_user_model, "Kommunikatörer", "kommunikator")


@pytest.fixture
def publisher(django_user_model):
    return member_of(django_user_model, "Publicister", "publicist")


@pytest.fixture
def feedback_reader(django_user_model):
    return member_of(django_user_model, "Feedbackläsare", "feedbacklasare")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.se", PASSWORD)


@pytest.fixture
def client_for(client):
    """A test client logged in as the given user."""

    def login(user):
        client.force_login(user)
        return client

    return login
