"""Every shared block renders its content, and links resolve to pages or addresses."""

import pytest
import wagtail_factories
from wagtail.blocks import StreamValue
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from core.blocks import BaseStreamBlock, LinkBlock
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def _render(block_type, value):
    stream = BaseStreamBlock()
    data = StreamValue(stream, [(block_type, stream.child_blocks[block_type].to_python(value))])
    return data.render_as_block() if hasattr(data, "render_as_block") else stream.render(data)


EXPECTED = {
    "heading": ({"text": "Programinnehåll", "level": "h2"}, '<h2 id="programinnehåll">Programinnehåll</h2>'),
    "paragraph": ("<p>Dagen fokuserar på <b>jäv</b>.</p>", "<b>jäv</b>"),
    "bullet_list": (
        {"heading": "Korruption och jäv", "items": ["Vad är korrupt beteende?"]},
        "<li>Vad är korrupt beteende?</li>",
    ),
    "call_to_action": (
        {"text": "Anmäl dig", "description": "", "link": {"external_url": "https://example.se/anmalan"}},
        '<a class="button button--primary" href="https://example.se/anmalan">Anmäl dig</a>',
    ),
    "quote": (
        {"quote": "Svar dygnet runt.", "name": "Jörgen Sandström", "role": "Västerås stad"},
        "Jörgen Sandström, Västerås stad",
    ),
    "facts_box": (
        {"heading": "Fakta", "body": "<p>Korruption skadar förtroendet.</p>"},
        '<h2 class="facts-box__heading">Fakta</h2>',
    ),
    "notice": ({"text": "Med reservation för ändringar.", "level": "info"}, "Med reservation för ändringar."),
    "link_list": (
        {"heading": "Läs mer", "links": [{"text": "Frågor och svar", "external_url": "https://example.se/faq"}]},
        '<a href="https://example.se/faq">Frågor och svar</a>',
    ),
    "table": (
        {
            "data": [["Tid", "Punkt"], ["10.00", "Inledning"]],
            "first_row_is_table_header": True,
            "table_caption": "Schema",
        },
        '<th scope="col"',
    ),
    "contact": ({"heading": "Frågor om anmälan", "people": [], "text": "<p>Mejla oss.</p>"}, "Frågor om anmälan"),
}


@pytest.mark.parametrize("block_type", sorted(EXPECTED))
def test_shared_block_renders(block_type):
    value, expected = EXPECTED[block_type]
    assert expected in _render(block_type, value)


def test_every_shared_block_is_covered_by_a_render_test():
    assert set(BaseStreamBlock().child_blocks) == set(EXPECTED) | {"image"}


def test_image_block_renders_responsive_image_with_alt_text():
    image = Image.objects.create(title="Göteborg", file=get_test_image_file(size=(1200, 800)))
    html = _render("image", {"image": image.pk, "alt_text": "Konferenssalen i Göteborg", "caption": "Foto: SKR"})
    assert 'alt="Konferenssalen i Göteborg"' in html
    assert "srcset=" in html
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert 'loading="lazy"' in html
    assert "<figcaption>Foto: SKR</figcaption>" in html


def test_every_shared_block_has_a_swedish_label_icon_and_template():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.template, name
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.label and block.label[0].isupper(), name


def test_link_to_a_page_uses_the_page_url_and_title(home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    value = LinkBlock().to_python({"page": page.pk, "text": ""})
    assert value.url == page.url
    assert value.label == "Om oss"
    assert not value.is_external


def test_link_to_a_document_uses_its_url_and_title_unless_given_a_text():
    document = wagtail_factories.DocumentFactory(title="Årsredovisning 2026")
    value = LinkBlock().to_python({"document": document.pk, "text": ""})
    named = LinkBlock().to_python({"document": document.pk, "text": "Läs årsredovisningen"})

    assert value.url == document.url
    assert value.label == "Årsredovisning 2026"
    assert named.label == "Läs årsredovisningen"
    assert not value.is_external


def test_link_to_an_address_is_external_and_shows_the_address_without_a_text():
    value = LinkBlock().to_python({"external_url": "https://example.se/fragor", "text": ""})

    assert value.url == value.label == "https://example.se/fragor"
    assert value.is_external


@pytest.mark.parametrize(
    "value",
    [{}, {"external_url": "https://example.se", "page": None, "document": None, "text": "x", "extra": 1}],
)
def test_link_needs_exactly_one_target(value, home_page):
    from django.core.exceptions import ValidationError

    block = LinkBlock()
    if value.get("external_url"):
        value = {**value, "page": home_page.pk}
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert "Välj exakt ett mål" in str(error.value.non_block_errors)
