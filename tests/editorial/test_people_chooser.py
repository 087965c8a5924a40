"""A person can be added from the people chooser, without leaving the page being edited."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import ModelLogEntry

from core.models import Person

pytestmark = pytest.mark.django_db

CHOOSE = "/admin/snippets/choose/core/person/"
CREATE = "/admin/snippets/choose/core/person/create/"


def test_the_people_chooser_has_a_tab_with_a_form_for_a_new_person(client_for, communicator):
    response = client_for(communicator).get(CHOOSE)
    modal = BeautifulSoup(response.json()["html"], "html.parser")
    assert "Ny person" in modal.get_text()
    form = modal.find("form", attrs={"action": CREATE})
    assert form is not None
    names = {field["name"] for field in form.find_all(["input", "select", "textarea"]) if field.get("name")}
    assert {"name", "role", "organisation", "email", "phone"} <= names
    assert form.find(attrs={"type": "submit"}).get_text(strip=True) == "Lägg till person"


def test_a_person_added_in_the_chooser_is_chosen_published_and_in_the_history(client_for, communicator):
    response = client_for(communicator).post(
        CREATE, {"name": "Karin Ek", "role": "Utredare", "organisation": "Region Öst", "email": "", "phone": ""}
    )
    person = Person.objects.get(name="Karin Ek")
    assert response.json()["step"] == "chosen"
    assert response.json()["result"]["id"] == str(person.pk)
    assert person.live and person.live_revision is not None
    actions = set(ModelLogEntry.objects.for_instance(person).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.publish"} <= actions


def test_a_person_from_the_chooser_gets_the_same_checks_as_in_the_editor(client_for, communicator):
    response = client_for(communicator).post(CREATE, {"name": "Karin\nEk", "role": "", "organisation": ""})
    assert response.json()["step"] == "reshow_creation_form"
    assert not Person.objects.exists()
