"""Shared StreamField blocks: the primitives every page type builds its body from.

One module per concern; everything is imported from here (`from core.blocks import LinkBlock`).
"""

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from .choosers import DocumentChooserBlock, PageChooserBlock, UnchosenSkippingMixin
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
        value = super().clean(value)
        errors = heading_order_errors(value)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


class ContactStreamBlock(blocks.StreamBlock):
    """A page's own contact boxes, shown after the body."""

    contact = ContactBlock()
