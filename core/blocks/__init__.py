"""Shared StreamField blocks: the primitives every page type builds its body from.

One module per concern; everything is imported from here (`from core.blocks import LinkBlock`).
"""

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .choosers import DocumentChooserBlock, PageChooserBlock, UnchosenSkippingMixin
from .dates import DateBlock, TimeBlock
from .figures import ALT_TEXT_MESSAGE, ImageBlock, TableBlock
from .links import CallToActionBlock, LinkBlock, LinkListBlock, LinkStructValue
from .people import ContactBlock, SpeakerBlock, SpeakerStructValue
from .text import (
    RICH_TEXT_FEATURES,
    BulletListBlock,
    FactsBoxBlock,
    HeadingBlock,
    NoticeBlock,
    ParagraphBlock,
    QuoteBlock,
    heading_order_errors,
)

__all__ = [
    "ALT_TEXT_MESSAGE",
    "RICH_TEXT_FEATURES",
    "BaseStreamBlock",
    "BulletListBlock",
    "CallToActionBlock",
    "ContactBlock",
    "ContactStreamBlock",
    "DateBlock",
    "DocumentChooserBlock",
    "FactsBoxBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkListBlock",
    "LinkStructValue",
    "NoticeBlock",
    "PageChooserBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "SpeakerBlock",
    "SpeakerStructValue",
    "TableBlock",
    "TimeBlock",
    "UnchosenSkippingMixin",
    "heading_order_errors",
]


class BaseStreamBlock(blocks.StreamBlock):
    """The shared body blocks; app stream blocks subclass this to add their own; headings must keep their order."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    bullet_list = BulletListBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    facts_box = FactsBoxBlock()
    notice = NoticeBlock()
    link_list = LinkListBlock()
    image = ImageBlock()
    table = TableBlock()
    contact = ContactBlock()

    def clean(self, value):
        # Heading order is checked even when a block has an error of its own (an image without
        # alternative text), so the editor sees every error of the body at once.
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            raise StreamBlockValidationError(
                block_errors=merge_block_errors(error.block_errors, heading_order_errors(value)),
                non_block_errors=error.non_block_errors,
            ) from error
        if errors := heading_order_errors(cleaned):
            raise StreamBlockValidationError(block_errors=errors)
        return cleaned


def merge_block_errors(block_errors, heading_errors):
    """A stream's errors per block, with the heading-order error added to a heading's own errors."""
    merged = dict(block_errors)
    for index, heading_error in heading_errors.items():
        own = merged.get(index)
        if isinstance(own, StructBlockValidationError):
            merged[index] = StructBlockValidationError(
                block_errors={**heading_error.block_errors, **own.block_errors},
                non_block_errors=own.non_block_errors,
            )
        elif own is None:
            merged[index] = heading_error
    return merged


class ContactStreamBlock(blocks.StreamBlock):
    """A page's own contact boxes, shown after the body."""

    contact = ContactBlock()
