"""Wagtail's chooser blocks, made to skip their query when nothing is chosen."""

from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.documents import blocks as document_blocks


class UnchosenSkippingMixin:
    """For optional chooser blocks: when none of many values is chosen, no query is built at all.

    Wagtail compiles an `in_bulk` query even for a list of Nones, which costs a quarter of a
    millisecond per block type on every render. Migrations name the Wagtail block extended.
    """

    wagtail_path = ""

    @cached_property
    def canonical_module_path(self):
        return self.wagtail_path

    def bulk_to_python(self, values):
        values = list(values)
        if all(value is None for value in values):
            return [None] * len(values)
        return super().bulk_to_python(values)


class DocumentChooserBlock(UnchosenSkippingMixin, document_blocks.DocumentChooserBlock):
    """Wagtail's document chooser, with no query when no document is chosen."""

    wagtail_path = "wagtail.documents.blocks.DocumentChooserBlock"


class PageChooserBlock(UnchosenSkippingMixin, blocks.PageChooserBlock):
    """Wagtail's page chooser, with no query when no page is chosen."""

    wagtail_path = "wagtail.blocks.PageChooserBlock"
