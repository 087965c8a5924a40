"""Text blocks: headings in outline order, paragraphs, lists, quotes, facts boxes and notices."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Rich text in bodies stays simple: structure comes from blocks (headings, lists, facts boxes).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def heading_order_errors(stream):
    """Errors keyed by block index for headings that start below Rubrik 2 or skip a level (h2 to h4)."""
    errors = {}
    previous = None
    for index, child in enumerate(stream):
        if child.block_type != "heading":
            continue
        level = int(str(child.value.get("level") or "h2")[1])
        if previous is None and level != 2:
            message = f"Den första rubriken i texten ska vara Rubrik 2, inte Rubrik {level}."
        elif previous is not None and level > previous + 1:
            message = (
                f"Rubrik {level} kan inte följa direkt efter Rubrik {previous}. "
                f"Välj Rubrik {previous + 1} eller lägre, så att inga nivåer hoppas över."
            )
        else:
            message = None
        if message:
            errors[index] = StructBlockValidationError(block_errors={"level": ValidationError(message)})
        previous = level
    return errors


class HeadingBlock(blocks.StructBlock):
    """A section heading with a chosen level, so the page outline stays correct."""

    text = blocks.CharBlock(label="Rubrik", max_length=200, help_text="Kort och beskrivande, helst under 60 tecken.")
    level = blocks.ChoiceBlock(
        label="Nivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3"), ("h4", "Rubrik 4")],
        default="h2",
        help_text="Börja med Rubrik 2 och hoppa inte över nivåer.",
    )

    class Meta:
        icon = "title"
        label = "Rubrik"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Programinnehåll", "level": "h2"}
        description = "En mellanrubrik i sidans text."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"], allow_unicode=True)
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with a restricted set of formatting."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Dagen fokuserar på arbetet med att motverka mutor och jäv i kommuner och regioner.</p>"
        description = "Löptext med fetstil, kursiv, länkar och listor."


class BulletListBlock(blocks.StructBlock):
    """A bulleted list with an optional heading, e.g. the points of a programme item."""

    heading = blocks.CharBlock(label="Rubrik", required=False, help_text="Visas fetstilt ovanför listan.")
    items = blocks.ListBlock(
        blocks.CharBlock(label="Punkt"), label="Punkter", min_num=1, help_text="En kort rad per punkt."
    )

    class Meta:
        icon = "list-ul"
        label = "Punktlista"
        template = "blocks/bullet_list_block.html"
        preview_value = {
            "heading": "Korruption och jäv",
            "items": ["Vad är korrupt beteende?", "Var går gränsen för muta eller jäv?"],
        }
        description = "En lista med punkter."


class QuoteBlock(blocks.StructBlock):
    """A quotation with the name and role of the person quoted."""

    quote = blocks.TextBlock(label="Citat", help_text="Utan citattecken; de läggs till automatiskt.")
    name = blocks.CharBlock(label="Namn", required=False, help_text="Den som citeras.")
    role = blocks.CharBlock(label="Roll och organisation", required=False, help_text="T.ex. Västerås stad.")

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Vi ser möjligheten att ge invånarna svar dygnet runt.",
            "name": "Jörgen Sandström",
            "role": "Västerås stad",
        }
        description = "Ett citat med namn och roll."


class FactsBoxBlock(blocks.StructBlock):
    """A boxed aside with background facts ("Fakta")."""

    heading = blocks.CharBlock(label="Rubrik", default="Fakta", max_length=100, help_text="Oftast Fakta.")
    body = blocks.RichTextBlock(
        label="Text", features=RICH_TEXT_FEATURES, help_text="Korta fakta, gärna som en punktlista."
    )

    class Meta:
        icon = "info-circle"
        label = "Faktaruta"
        template = "blocks/facts_box_block.html"
        preview_value = {
            "heading": "Fakta",
            "body": "<p>Korruption påverkar förtroendet för det offentliga systemet.</p>",
        }
        description = "En ruta med bakgrundsfakta."


class NoticeBlock(blocks.StructBlock):
    """A short notice or disclaimer, such as "Med reservation för ändringar"."""

    text = blocks.CharBlock(
        label="Text", default="Med reservation för ändringar.", max_length=300, help_text="En eller två meningar."
    )
    level = blocks.ChoiceBlock(
        label="Typ",
        choices=[("info", "Information"), ("warning", "Varning")],
        default="info",
        help_text="Varning får en tydligare färg; använd den sparsamt.",
    )

    class Meta:
        icon = "warning"
        label = "Notis eller förbehåll"
        template = "blocks/notice_block.html"
        preview_value = {"text": "Med reservation för ändringar.", "level": "info"}
        description = "En kort notis, t.ex. Med reservation för ändringar."


# Migrations name this block by the path it had before core/blocks.py became a package.
DECONSTRUCT_ALIASES = {ParagraphBlock: "core.blocks.ParagraphBlock"}
