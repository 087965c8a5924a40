"""Model fields shared by the page types."""

from wagtail import fields


class StreamField(fields.StreamField):
    """Wagtail's StreamField, written into migrations without its block definitions.

    Blocks live in JSON, so changing one (a label, a help text, a new child block) never alters a
    column; leaving the definitions out keeps such edits from producing migrations in every app
    that uses the block. docs/migrations.md says why and what it costs.
    """

    def deconstruct(self):
        name, path, _, kwargs = super().deconstruct()
        kwargs.pop("block_lookup", None)
        return name, path, [[]], kwargs
