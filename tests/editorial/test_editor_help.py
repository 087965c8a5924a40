"""Editor help: every field and block explains itself in Swedish, and every block has a preview in the picker."""

import pytest
from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

pytestmark = pytest.mark.django_db

EDITED_APPS = ["core", "events", "knowledge", "home"]
# Wagtail's own page fields carry their help in the admin; the parental key is set by the inline panel.
SKIPPED_FIELDS = {field.name for field in Page._meta.get_fields()} | {"page"}


def edited_fields():
    for label in EDITED_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                concrete = getattr(field, "concrete", False) and field.editable and not field.auto_created
                if concrete and field.name not in SKIPPED_FIELDS:
                    yield model, field


def walk(block, seen):
    """Every block below `block`, each type once."""
    children = []
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        children = list(block.child_blocks.values())
    elif isinstance(block, blocks.ListBlock):
        children = [block.child_block]
    for child in children:
        key = (type(child), child.name)
        if key not in seen:
            seen.add(key)
            yield block, child
            yield from walk(child, seen)


def stream_blocks():
    seen = set()
    for _model, field in edited_fields():
        if isinstance(field, StreamField):
            yield from walk(field.stream_block, seen)


def help_text(block):
    return getattr(block.meta, "help_text", None) or getattr(getattr(block, "field", None), "help_text", "")


def test_every_field_has_help_text():
    missing = [f"{model.__name__}.{field.name}" for model, field in edited_fields() if not field.help_text]
    assert missing == []


def test_every_child_of_a_struct_block_has_help_text():
    missing = [
        f"{type(parent).__name__}.{child.name}"
        for parent, child in stream_blocks()
        if isinstance(parent, blocks.StructBlock) and not help_text(child)
    ]
    assert missing == []


def test_every_struct_block_has_a_description_and_a_preview_value():
    missing = [
        type(child).__name__
        for _parent, child in stream_blocks()
        if isinstance(child, blocks.StructBlock)
        and not (child.get_description() and child.is_previewable and child.get_preview_value() is not None)
    ]
    assert missing == []


def test_the_block_previews_render_with_the_site_styles(admin_client):
    previewable = {type(child): child for _parent, child in stream_blocks() if child.is_previewable}
    assert len(previewable) > 20
    for block in previewable.values():
        response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, type(block).__name__
        assert "css/site.css" in response.content.decode()


def test_a_block_preview_shows_its_preview_value(admin_client):
    from events.blocks import ProgrammeBlock

    block = next(child for _parent, child in stream_blocks() if isinstance(child, ProgrammeBlock))
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert "Korruption och jäv" in response.content.decode()
