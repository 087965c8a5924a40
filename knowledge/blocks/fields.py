"""Child blocks that several media blocks declare alike, so each is written once."""

from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES

from .values import heading_context


def heading_level_block():
    """The level of a media block's heading; inside a series the series sets it."""
    return blocks.ChoiceBlock(
        label="Rubriknivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")],
        default="h2",
        help_text="Rubrik 3 när blocket står under en mellanrubrik. Inuti en serie väljs nivån automatiskt.",
    )


def title_block(help_text):
    return blocks.CharBlock(label="Titel", max_length=200, help_text=help_text)


def description_block(help_text):
    return blocks.RichTextBlock(label="Beskrivning", required=False, features=RICH_TEXT_FEATURES, help_text=help_text)


def length_block(label, help_text):
    return blocks.IntegerBlock(label=label, required=False, min_value=1, max_value=1000, help_text=help_text)


def people_heading_block(label, help_text):
    return blocks.CharBlock(label=label, required=False, default="Medverkande", help_text=help_text)


class MediaHeadingMixin:
    """Gives a media block's template its heading tags: its own level, or the one its series passes down."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(heading_context(value, parent_context))
        return context
