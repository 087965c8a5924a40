"""Link blocks: one link to a page, a document or an address; a button; a list of links."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .choosers import DocumentChooserBlock, PageChooserBlock


class LinkStructValue(blocks.StructValue):
    """A link that points to a page, a document or an external address."""

    @property
    def target(self):
        """The page or document linked to (a page first, as `clean` allows only one); None for an address."""
        return self.get("page") or self.get("document") or None

    @property
    def url(self):
        target = self.target
        return target.url if target else self.get("external_url") or ""

    @property
    def label(self):
        if self.get("text"):
            return self["text"]
        target = self.target
        return target.title if target else self.get("external_url") or ""

    @property
    def is_external(self):
        return not self.target and bool(self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    """One link: to a page, a document or an external address, with optional text."""

    # "" rather than None when stored data lacks it: wagtail-localize cannot translate a None text.
    text = blocks.CharBlock(
        label="Länktext", required=False, default="", help_text="Tomt ger sidans eller dokumentets titel."
    )
    page = PageChooserBlock(label="Sida", required=False, help_text="En sida på webbplatsen.")
    document = DocumentChooserBlock(label="Dokument", required=False, help_text="Ett uppladdat dokument, t.ex. en pdf.")
    external_url = blocks.URLBlock(
        label="Extern adress", required=False, help_text="En adress till en annan webbplats, med https://."
    )

    class Meta:
        icon = "link"
        label = "Länk"
        value_class = LinkStructValue
        template = "blocks/link_block.html"
        form_classname = "link-block"
        preview_value = {"text": "Frågor och svar", "external_url": "https://example.se/fragor"}
        description = "En länk till en sida, ett dokument eller en annan webbplats."

    def clean(self, value):
        value = super().clean(value)
        targets = [bool(value.get("page")), bool(value.get("document")), bool(value.get("external_url"))]
        if sum(targets) != 1:
            message = "Välj exakt ett mål: en sida, ett dokument eller en extern adress."
            raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))
        return value


class CallToActionBlock(blocks.StructBlock):
    """A prominent button such as "Anmäl dig", pointing to a page or an address."""

    text = blocks.CharBlock(
        label="Knapptext", default="Anmäl dig", max_length=60, help_text="Ett uppmanande verb, t.ex. Anmäl dig."
    )
    description = blocks.CharBlock(
        label="Kort förklaring", required=False, max_length=200, help_text="Visas under knappen."
    )
    link = LinkBlock(label="Länk", help_text="Vart knappen leder.")

    class Meta:
        icon = "pick"
        label = "Knapp (uppmaning)"
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "text": "Anmäl dig",
            "description": "Sista anmälningsdag är en vecka före.",
            "link": {"external_url": "https://example.se/anmalan"},
        }
        description = "En tydlig knapp, t.ex. Anmäl dig."


class LinkListBlock(blocks.StructBlock):
    """A heading and a list of links."""

    heading = blocks.CharBlock(label="Rubrik", required=False, help_text="T.ex. Läs mer.")
    links = blocks.ListBlock(LinkBlock(), label="Länkar", min_num=1, help_text="Länkarna visas i den här ordningen.")

    class Meta:
        icon = "list-ul"
        label = "Länklista"
        template = "blocks/link_list_block.html"
        preview_value = {
            "heading": "Läs mer",
            "links": [{"text": "Frågor och svar", "external_url": "https://example.se/fragor"}],
        }
        description = "En rubrik med en lista av länkar."
