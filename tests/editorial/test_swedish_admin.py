"""The admin speaks Swedish to a communicator: none of Wagtail's English leftovers on the pages they use."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Workflow

from tests.core.factories import PersonFactory
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
from tests.home.factories import ContentPageFactory
from tests.pages import soup

pytestmark = pytest.mark.django_db

# Strings that reached communicators in English before we supplied our own Swedish (core/locale/).
ENGLISH = [
    "Autosave is paused",
    "Autosave is",
    "To be created by",
    "Go-live:",
    "Expiry:",
    "Once scheduled",
    "Compare",
    "There are no",
    "Password",
    "Date updated",
    "Edit account avatar",
    "click save to highlight",
    "Image alt text has inappropriate pattern",
    "Use meaningful text",
    "Show issue",
    "Side panel",
    " of ",
]


def visible_text(html):
    """What a user may read or hear: the text and labels, without scripts, templates and hidden parts."""
    page = soup(html)
    for node in page(["script", "style", "template", "noscript"]):
        node.decompose()
    for node in page.select("[hidden]"):
        node.decompose()
    labels = [node[attr] for attr in ("aria-label", "title", "placeholder") for node in page.select(f"[{attr}]")]
    return " ".join([*page.stripped_strings, *labels])


@pytest.fixture
def pages(home_page, event_index, communicator):
    series = SeminarSeriesPageFactory(parent=event_index, title="Digitalisering i praktiken")
    series.parts = [SeminarPartFactory.build(theme="Del om ledarskap")]
    series.save_revision().publish()
    series.go_live_at = timezone.now() + dt.timedelta(days=3)
    series.save_revision(user=communicator)
    draft = ContentPageFactory(parent=home_page, title="Utkast att granska", live=False)
    draft.save_revision(user=communicator)
    Workflow.objects.get(name="Granskning").start(draft, communicator)
    person = PersonFactory(name="Anna Andersson")
    revisions = list(series.revisions.order_by("pk").values_list("pk", flat=True))
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{home_page.pk}/",
        "search": "/admin/pages/search/?q=digitalisering",
        "series editor": f"/admin/pages/{series.pk}/edit/",
        "page in review": f"/admin/pages/{draft.pk}/edit/",
        "new page": f"/admin/pages/add/home/contentpage/{home_page.pk}/",
        "history": f"/admin/pages/{series.pk}/history/",
        "compare": f"/admin/pages/{series.pk}/revisions/compare/{revisions[0]}...{revisions[-1]}/",
        "people": "/admin/snippets/core/person/",
        "new person": "/admin/snippets/core/person/add/",
        "person": f"/admin/snippets/core/person/edit/{person.pk}/",
        "notices": "/admin/snippets/core/sitenotice/",
        "new notice": "/admin/snippets/core/sitenotice/add/",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "account": "/admin/account/",
    }


def test_the_admin_pages_a_communicator_uses_hold_no_english_leftovers(client_for, communicator, pages):
    client = client_for(communicator)
    leftovers = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = visible_text(response.content.decode())
        if found := [english for english in ENGLISH if english in text]:
            leftovers[name] = found
    assert leftovers == {}


def test_the_login_page_is_swedish(client):
    text = visible_text(client.get("/admin/login/").content.decode())
    assert "Password" not in text
    assert "Lösenord" in text


def test_the_admins_script_strings_are_swedish(client_for, communicator):
    catalog = client_for(communicator).get("/admin/jsi18n/").content.decode()
    assert '"Good": "Bra"' in catalog
    assert '"Changes have been autosaved.": "\\u00c4ndringarna har sparats automatiskt."' in catalog
