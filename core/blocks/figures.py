"""Images with alternative text, and data tables."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.images.blocks import ImageChooserBlock

ALT_TEXT_MESSAGE = "Skriv en alternativtext som beskriver vad bilden visar. Den läses upp för den som inte ser bilden."


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption."""

    image = ImageChooserBlock(label="Bild", help_text="Välj en bild ur bildbiblioteket eller ladda upp en ny.")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        help_text="Beskriv vad bilden visar för den som inte ser den. Tomt: bildens beskrivning i bildbiblioteket.",
    )
    caption = blocks.CharBlock(
        label="Bildtext", required=False, max_length=250, help_text="Visas under bilden, t.ex. fotograf."
    )

    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image_block.html"
        description = "En bild med alternativtext."

    def get_preview_value(self):
        # A preview needs a real image: the newest in the library, if there is one.
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": "Deltagare vid en konferens",
                "caption": "Foto: Kommuner och regioner",
            }
        )

    def clean(self, value):
        # An image described in the library (its "Beskrivning") brings that text as its alternative text.
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or "").strip() and getattr(image, "description", ""):
            value["alt_text"] = image.description
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            if "alt_text" in error.block_errors and not (value.get("alt_text") or "").strip():
                error.block_errors["alt_text"] = ValidationError(ALT_TEXT_MESSAGE)
            raise
        # A draft may leave required fields empty (Wagtail defers them to publishing), but a chosen
        # image needs its alternative text on every save, so the editor hears of it at once.
        if cleaned.get("image") and not (cleaned.get("alt_text") or "").strip():
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(ALT_TEXT_MESSAGE)})
        return cleaned


class TableBlock(WagtailTableBlock):
    """A data table with an optional header row and column and a caption."""

    class Meta:
        icon = "table"
        label = "Tabell"
        template = "blocks/table_block.html"
        description = "En tabell med rubrikrad."
        help_text = "Använd tabeller för jämförbara uppgifter, inte för layout. Ge tabellen en rubrikrad."
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Deltagare per region",
            "data": [["Region", "Deltagare"], ["Stockholm", "120"], ["Västra Götaland", "85"]],
        }


# Migrations name this block by the path it had before core/blocks.py became a package.
DECONSTRUCT_ALIASES = {TableBlock: "core.blocks.TableBlock"}
