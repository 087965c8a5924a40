"""Roles: a Kommunikatör writes and submits, a Publicist approves and publishes, a Feedbackläsare only reads reports."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Task, Workflow, WorkflowPage
from wagtail.test.utils.form_data import querydict_from_html

from events.models import NetworkPage
from knowledge.models import KnowledgePage
from tests.events.factories import ConferencePageFactory
from tests.knowledge.factories import KnowledgePageFactory

pytestmark = pytest.mark.django_db

GROUPS = ["Kommunikatörer", "Publicister", "Feedbackläsare"]


def add_page(client, parent, model, title, action, **fields):
    """Fill in the admin's add form for a page type under `parent` and press one of its buttons."""
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data["title"] = title
    data["slug"] = "ny-sida"
    # Stream fields are drawn by the admin's scripts; empty ones post only their count.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    data[action] = "1"
    data.update(fields)
    return client.post(url, data)


def test_the_groups_and_the_workflow_exist_after_migrating(home_page):
    assert set(Group.objects.filter(name__in=GROUPS).values_list("name", flat=True)) == set(GROUPS)
    workflow_page = WorkflowPage.objects.get(page=home_page)
    assert workflow_page.workflow.name == "Granskning"
    task = workflow_page.workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Publicister"]


def test_the_page_permissions_sit_on_the_site_root(home_page):
    def codenames(group):
        return set(
            GroupPagePermission.objects.filter(group__name=group, page=home_page).values_list(
                "permission__codename", flat=True
            )
        )

    assert codenames("Kommunikatörer") == {"add_page", "change_page"}
    assert codenames("Publicister") == {"add_page", "change_page", "publish_page"}
    assert codenames("Feedbackläsare") == set()


def test_the_feedback_readers_have_only_admin_access_and_the_report():
    group = Group.objects.get(name="Feedbackläsare")
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin", "view_feedbackresponse"}


def test_the_migration_can_run_again_without_duplicating_anything(home_page):
    migration = importlib.import_module("editorial.migrations.0001_groups_and_workflow")
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    migration.create_groups_and_workflow(apps, None)
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts


def test_the_migration_is_reversible(home_page):
    migration = importlib.import_module("editorial.migrations.0001_groups_and_workflow")
    migration.remove_groups_and_workflow(apps, None)
    assert not Group.objects.filter(name__in=GROUPS).exists()
    assert not Workflow.objects.filter(name="Granskning").exists()
    migration.create_groups_and_workflow(apps, None)
    assert Group.objects.filter(name__in=GROUPS).count() == 3
    assert WorkflowPage.objects.get(page=home_page).workflow.name == "Granskning"


@pytest.mark.parametrize(
    "model, section, fields",
    [(KnowledgePage, "knowledge_index", {}), (NetworkPage, "event_index", {"event_format": "natverkstraff"})],
)
def test_a_communicator_can_create_a_page_in_a_section_and_submit_it_for_approval(
    client_for, communicator, request, model, section, fields
):
    client = client_for(communicator)
    response = add_page(client, request.getfixturevalue(section), model, "Ny sida", "action-submit", **fields)
    assert response.status_code == 302
    page = model.objects.get(slug="ny-sida")
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == "Granskning"


def test_a_communicator_cannot_publish(client_for, communicator, knowledge_index, event_index):
    client = client_for(communicator)
    add_page(client, knowledge_index, KnowledgePage, "Ny kunskapssida", "action-publish")
    page = KnowledgePage.objects.get(slug="ny-sida")
    assert not page.live
    conference = ConferencePageFactory(parent=event_index, live=False)
    assert not conference.permissions_for_user(communicator).can_publish()
    assert conference.permissions_for_user(communicator).can_edit()
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[KnowledgePageFactory(parent=knowledge_index).pk])
    )
    assert response.status_code in (302, 403)
    assert KnowledgePage.objects.live().count() == 1


def test_a_publisher_approves_and_the_page_goes_live(client_for, communicator, publisher, knowledge_index):
    add_page(client_for(communicator), knowledge_index, KnowledgePage, "Ny kunskapssida", "action-submit")
    page = KnowledgePage.objects.get(slug="ny-sida")
    task_state = page.current_workflow_task_state
    client = client_for(publisher)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress


def test_a_publisher_can_publish_directly(client_for, publisher, event_index):
    conference = ConferencePageFactory(parent=event_index, live=False)
    assert conference.permissions_for_user(publisher).can_publish()


def test_a_feedback_reader_sees_the_feedback_report(client_for, feedback_reader):
    assert client_for(feedback_reader).get(reverse("feedback_report")).status_code == 200


def test_a_feedback_reader_cannot_edit_pages_or_snippets(client_for, feedback_reader, event_index):
    client = client_for(feedback_reader)
    conference = ConferencePageFactory(parent=event_index)
    forbidden = [
        reverse("wagtailadmin_pages:edit", args=[conference.pk]),
        f"/admin/pages/add/events/conferencepage/{event_index.pk}/",
        reverse("wagtailsnippets_core_person:list"),
        reverse("wagtailsnippets_core_person:add"),
        reverse("wagtailsnippets_core_sitenotice:list"),
        reverse("registrations_admin:index"),
    ]
    for url in forbidden:
        assert client.get(url).status_code in (302, 403), url


def test_a_communicator_manages_people_topics_and_notices_but_not_feedback(client_for, communicator):
    client = client_for(communicator)
    for url in (
        reverse("wagtailsnippets_core_person:add"),
        reverse("wagtailsnippets_core_topic:add"),
        reverse("wagtailsnippets_core_sitenotice:add"),
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("feedback_report")).status_code in (302, 403)


# Wagtail's default groups


def test_wagtails_default_groups_and_workflow_are_gone_and_ours_remain(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"Kommunikatörer", "Publicister", "Feedbackläsare"}
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Granskning"]
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_a_default_group_with_members_is_kept(django_user_model):
    migration = importlib.import_module("editorial.migrations.0002_remove_wagtail_default_groups")
    editors = Group.objects.create(name="Editors")
    editors.user_set.add(django_user_model.objects.create_user("redaktor"))
    Group.objects.create(name="Moderators")
    migration.remove_default_groups(apps, None)
    assert set(Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("name", flat=True)) == {"Editors"}
