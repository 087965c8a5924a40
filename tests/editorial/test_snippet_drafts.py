"""People and site notices have drafts, revisions and history; a Kommunikatör's notice waits for approval."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from core.models import Person, SiteNotice
from tests.core.factories import PersonFactory, SiteNoticeFactory

pytestmark = pytest.mark.django_db

ADD_NOTICE = "/admin/snippets/core/sitenotice/add/"


def notice_form(client, **fields):
    data = querydict_from_html(client.get(ADD_NOTICE).content.decode(), form_id="w-editor-form")
    data.update({"message": "Ändrade öppettider i sommar", "level": "info", "link_url": "https://example.se/fragor"})
    data.update(fields)
    return data


def test_a_communicators_notice_with_a_link_waits_for_approval(client_for, communicator, publisher, home_page):
    client = client_for(communicator)
    response = client.post(ADD_NOTICE, notice_form(client, **{"action-submit": "1"}))
    assert response.status_code == 302
    notice = SiteNotice.objects.get(message="Ändrade öppettider i sommar")
    assert not notice.live
    state = WorkflowState.objects.get(object_id=str(notice.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Granskning"
    assert "Ändrade öppettider i sommar" not in client.get("/").content.decode()

    # The Publicist approves it in the admin; then visitors see it.
    task_state = state.current_task_state
    approver = client_for(publisher)
    url = f"/admin/snippets/core/sitenotice/workflow/action/{notice.pk}/approve/{task_state.pk}/"
    assert approver.post(url, {"comment": ""}).status_code in (200, 302)
    notice.refresh_from_db()
    assert notice.live
    approver.logout()
    assert "Ändrade öppettider i sommar" in client.get("/").content.decode()


def test_a_communicator_cannot_publish_a_notice_directly(client_for, communicator):
    client = client_for(communicator)
    client.post(ADD_NOTICE, notice_form(client, **{"action-publish": "1"}))
    notice = SiteNotice.objects.get(message="Ändrade öppettider i sommar")
    assert not notice.live  # kept as a draft


def test_only_published_notices_reach_visitors(home_page, client):
    SiteNoticeFactory(message="Utkast till meddelande", live=False)
    SiteNoticeFactory(message="Publicerat meddelande")
    html = client.get("/").content.decode()
    assert "Publicerat meddelande" in html
    assert "Utkast till meddelande" not in html


def test_editing_a_person_keeps_revisions_and_history(client_for, communicator):
    person = PersonFactory(name="Anna Andersson", role="Handläggare")
    client = client_for(communicator)
    url = f"/admin/snippets/core/person/edit/{person.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update({"role": "Förbundsjurist", "action-publish": "1"})
    assert client.post(url, data).status_code == 302
    person = Person.objects.get(pk=person.pk)
    assert person.role == "Förbundsjurist"
    assert person.live
    assert person.revisions.count() == 1
    history = client.get(f"/admin/snippets/core/person/history/{person.pk}/")
    assert history.status_code == 200
