"""Specification: page bodies' StreamFields keep their block definitions out of migrations."""

from core.blocks import ContactStreamBlock
from core.fields import StreamField


def test_a_streamfield_migrates_without_its_blocks():
    field = StreamField(ContactStreamBlock(), blank=True, help_text="Kontaktrutor")

    _, path, args, kwargs = field.deconstruct()

    assert path == "core.fields.StreamField"
    assert args == [[]]
    assert "block_lookup" not in kwargs
    assert kwargs["help_text"] == "Kontaktrutor"


def test_a_field_rebuilt_from_its_migration_still_works_as_a_stream():
    _, _, args, kwargs = StreamField(ContactStreamBlock(), blank=True).deconstruct()

    rebuilt = StreamField(*args, **kwargs)

    assert list(rebuilt.stream_block.child_blocks) == []
    assert len(rebuilt.to_python("[]")) == 0
