"""Previews render for every page type, and a copied event is a new, unpublished edition without sign-ups."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import querydict_from_html

from events.models import ConferencePage, SeminarPart, SeminarSeriesPage
from registrations.models import Registration
from tests.events.factories import (
    ConferencePageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
)
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import KnowledgePageFactory
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PROGRAMME = [
    {
        "type": "programme",
        "value": {
            "heading": "Programinnehåll",
            "items": [{"type": "session", "value": {"title": "Korruption och jäv", "topics": [], "speakers": []}}],
        },
    }
]


@pytest.fixture
def every_page_type(home_page, event_index, knowledge_index):
    series = SeminarSeriesPageFactory(parent=event_index, title="Digitalisering i praktiken")
    series.parts = [SeminarPartFactory.build(theme="Del om ledarskap")]
    series.save_revision().publish()
    return {
        "home.HomePage": home_page,
        "home.ContentPage": ContentPageFactory(parent=home_page, title="Om oss"),
        "events.EventIndexPage": event_index,
        "events.ConferencePage": ConferencePageFactory(parent=event_index, title="Konferens om jäv", body=PROGRAMME),
        "events.SeminarSeriesPage": series,
        "events.NetworkPage": NetworkPageFactory(parent=event_index, title="Nätverk mot korruption"),
        "knowledge.KnowledgeIndexPage": knowledge_index,
        "knowledge.KnowledgePage": KnowledgePageFactory(parent=knowledge_index, title="Leda digitalt"),
    }


def test_the_fixture_covers_every_page_type(every_page_type):
    ours = {f"{m._meta.app_label}.{m.__name__}" for m in get_page_models() if m._meta.app_label != "wagtailcore"}
    assert set(every_page_type) == ours


@pytest.mark.parametrize(
    "page_type",
    [
        "home.HomePage",
        "home.ContentPage",
        "events.EventIndexPage",
        "events.ConferencePage",
        "events.SeminarSeriesPage",
        "events.NetworkPage",
        "knowledge.KnowledgeIndexPage",
        "knowledge.KnowledgePage",
    ],
)
def test_the_admin_preview_renders_each_page_type(admin_client, every_page_type, page_type):
    page = every_page_type[page_type].specific
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(admin_client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["title"] = f"{page.title} (förhandsvisning)"
    # Stream fields are drawn by the admin's scripts; the preview gets them empty.
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for key in list(data):
        if key.startswith("parts-") and key.endswith("-theme"):
            data.setdefault(key.replace("-theme", "-speakers-count"), "0")

    posted = admin_client.post(f"{edit_url}preview/", data)
    assert posted.json()["is_valid"] is True
    response = admin_client.get(f"{edit_url}preview/")
    assert response.status_code == 200
    assert f"{page.title} (förhandsvisning)" in response.content.decode()


def test_the_series_preview_shows_its_parts(admin_client, every_page_type):
    response = every_page_type["events.SeminarSeriesPage"].specific.make_preview_request()
    assert response.status_code == 200
    assert "Del om ledarskap" in response.content.decode()


def test_the_listing_previews_show_their_pages(every_page_type):
    events = every_page_type["events.EventIndexPage"].make_preview_request().content.decode()
    knowledge = every_page_type["knowledge.KnowledgeIndexPage"].make_preview_request().content.decode()
    assert "Konferens om jäv" in events
    assert "Leda digitalt" in knowledge


def test_copying_a_conference_keeps_the_programme_but_not_the_registrations(admin_client, event_index):
    conference = OnsiteConferenceFactory(parent=event_index, title="Årskonferensen 2027", body=PROGRAMME)
    RegistrationFactory.create_batch(2, event=conference)

    response = admin_client.post(
        f"/admin/pages/{conference.pk}/copy/",
        {"new_title": "Årskonferensen 2028", "new_slug": "arskonferensen-2028", "new_parent_page": event_index.pk},
    )
    assert response.status_code == 302
    copy = ConferencePage.objects.get(slug="arskonferensen-2028")
    assert not copy.live
    assert copy.body[0].value["items"][0].value["title"] == "Korruption och jäv"
    assert copy.onsite_registration
    assert Registration.objects.filter(event=copy).count() == 0
    assert Registration.objects.filter(event=conference).count() == 2


def test_the_copy_form_lets_the_new_title_write_the_slug_as_the_editor_does(admin_client, event_index):
    conference = ConferencePageFactory(parent=event_index, title="Årskonferensen 2027", slug="arskonferensen-2027")

    html = admin_client.get(f"/admin/pages/{conference.pk}/copy/").content.decode()

    # Wagtail's own title-to-slug sync (the w-sync and w-slug controllers of the page editor).
    form = BeautifulSoup(html, "html.parser")
    title, slug = form.find(id="id_new_title"), form.find(id="id_new_slug")
    assert title["data-controller"] == "w-sync"
    assert title["data-w-sync-target-value"] == "#id_new_slug"
    assert {"keyup->w-sync#apply", "focus->w-sync#check"} <= set(title["data-action"].split())
    assert "w-slug" in slug["data-controller"].split()
    # WAGTAIL_ALLOW_UNICODE_SLUGS = False: the attribute is left out, so å, ä, ö become a, a, o.
    assert not slug.has_attr("data-w-slug-allow-unicode-value")


def test_copying_a_series_keeps_its_parts_as_new_rows_without_registrations(event_index):
    series = SeminarSeriesPageFactory(parent=event_index, title="Seriens första omgång")
    series.parts = [
        SeminarPartFactory.build(date=dt.date(2027, 4, 1), theme="Första delen"),
        SeminarPartFactory.build(date=dt.date(2027, 4, 8), theme="Andra delen"),
    ]
    # Saved before the revision, as the admin does, so the revision knows the parts' ids.
    series.save()
    series.save_revision().publish()
    registration = RegistrationFactory(event=series)
    originals = set(SeminarPart.objects.filter(page=series).values_list("pk", flat=True))
    registration.parts.set(originals)

    copy = series.copy(update_attrs={"title": "Seriens andra omgång", "slug": "andra-omgangen"}, keep_live=False)

    copy = SeminarSeriesPage.objects.get(pk=copy.pk)
    assert not copy.live
    assert [part.theme for part in copy.ordered_parts] == ["Första delen", "Andra delen"]
    assert len(originals) == 2
    assert not set(SeminarPart.objects.filter(page=copy).values_list("pk", flat=True)) & originals
    assert not Registration.objects.filter(event=copy).exists()
    assert not Registration.objects.filter(parts__page=copy).exists()


def _directives(response):
    csp = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())


def test_the_admin_may_frame_a_preview_but_no_one_may_frame_the_public_page(admin_client, every_page_type):
    page = every_page_type["home.ContentPage"]
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(admin_client.get(edit_url).content.decode(), form_id="page-edit-form")
    data.update({"body-count": "0", "contacts-count": "0"})
    assert admin_client.post(f"{edit_url}preview/", data).json()["is_valid"] is True
    preview = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/?in_preview_panel=true")
    assert preview.status_code == 200
    assert page.title in preview.content.decode()
    assert _directives(preview)["frame-ancestors"] == "'self'"
    # The preview is the public page: its scripts stay as strict as for visitors.
    assert _directives(preview)["script-src"] == "'self'"
    page.save_revision().publish()
    public = admin_client.get(page.url)
    assert _directives(public)["frame-ancestors"] == "'none'"
