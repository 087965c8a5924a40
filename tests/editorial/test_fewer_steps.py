"""Fewer steps for everyday work: plain slugs, described page types, chosen formats, checkbox topics, block icons."""

import pytest
from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField

from home.models import ContentPage
from tests.core.factories import TopicFactory
from tests.pages import soup

pytestmark = pytest.mark.django_db


def test_a_swedish_title_gives_a_slug_in_plain_letters(home_page):
    page = home_page.add_child(instance=ContentPage(title="Årsmöte i Östra Göinge – ändrad tid"))
    assert page.slug == "arsmote-i-ostra-goinge-andrad-tid"


def test_the_page_types_are_described_where_a_new_page_is_chosen(admin_client, event_index):
    html = admin_client.get(f"/admin/pages/{event_index.pk}/add_subpage/").content.decode()
    assert "En serie webbinarier i flera daterade delar." in html
    assert "En konferens eller kursdag med program, teman och pass." in html
    assert "Ett nätverk eller program som pågår, med sina träffar." in html


@pytest.mark.parametrize(
    ("model", "chosen"),
    [("conferencepage", "konferens"), ("seminarseriespage", "webbseminarium"), ("networkpage", "natverkstraff")],
)
def test_a_new_event_has_its_format_chosen_and_topics_as_checkboxes(admin_client, event_index, model, chosen):
    TopicFactory(name="Digitalisering")
    page = soup(admin_client.get(f"/admin/pages/add/events/{model}/{event_index.pk}/").content.decode())
    assert page.select_one('select[name="event_format"] option[selected]')["value"] == chosen
    assert page.select_one('input[type="checkbox"][name="topics"]') is not None
    assert not page.select('select[name="topics"]')


def picked_blocks(block, path):
    """Every block an editor adds from a block picker (the children of stream blocks), with where it sits."""
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from picked_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from picked_blocks(block.child_block, f"{path}[]")


def test_every_block_an_editor_picks_has_an_icon():
    without = [
        path
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
        for path, block in picked_blocks(field.stream_block, f"{model.__name__}.{field.name}")
        if getattr(block.meta, "icon", "placeholder") == "placeholder"
    ]
    assert without == []
