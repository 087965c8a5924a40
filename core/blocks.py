"""Shared StreamField blocks: the primitives every page type builds its body from."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents import blocks as document_blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Rich text in bodies stays simple: structure comes from blocks (headings, lists, facts boxes).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


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


class LinkStructValue(blocks.StructValue):
    """A link that points to a page, a document or an external address."""

    @property
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        document = self.get("document")
        if document:
            return document.url
        return self.get("external_url") or ""

    @property
    def label(self):
        if self.get("text"):
            return self["text"]
        page = self.get("page")
        if page:
            return page.title
        document = self.get("document")
        if document:
            return document.title
        return self.get("external_url") or ""

    @property
    def is_external(self):
        return not self.get("page") and not self.get("document") and bool(self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    """One link: to a page, a document or an external address, with optional text."""

    text = blocks.CharBlock(label="Länktext", required=False, help_text="Tomt ger sidans eller dokumentets titel.")
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


ALT_TEXT_MESSAGE = "Skriv en alternativtext som beskriver vad bilden visar. Den läses upp för den som inte ser bilden."


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


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption."""

    image = ImageChooserBlock(label="Bild", help_text="Välj en bild ur bildbiblioteket eller ladda upp en ny.")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        help_text="Beskriv vad bilden visar för den som inte ser den.",
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
        try:
            return super().clean(value)
        except StructBlockValidationError as error:
            if "alt_text" in error.block_errors and not (value.get("alt_text") or "").strip():
                error.block_errors["alt_text"] = ValidationError(ALT_TEXT_MESSAGE)
            raise


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


class ContactBlock(blocks.StructBlock):
    """A contact box: a chosen heading, people from the register and/or free text."""

    heading = blocks.ChoiceBlock(
        label="Rubrik",
        choices=[
            ("Kontakt", "Kontakt"),
            ("Informationsansvarig", "Informationsansvarig"),
            ("Frågor om anmälan", "Frågor om anmälan"),
            ("Ansvariga", "Ansvariga"),
        ],
        default="Kontakt",
        help_text="Välj en vanlig rubrik, eller skriv en egen nedan.",
    )
    custom_heading = blocks.CharBlock(label="Egen rubrik", required=False, help_text="Ersätter rubriken ovan.")
    people = blocks.ListBlock(
        SnippetChooserBlock("core.Person", label="Person"),
        label="Personer",
        default=[],
        help_text="Personer ur registret under Personer; ändras där, syns överallt.",
    )
    text = blocks.RichTextBlock(
        label="Text", required=False, features=RICH_TEXT_FEATURES, help_text="T.ex. en funktionsbrevlåda."
    )

    class Meta:
        icon = "user"
        label = "Kontakt"
        template = "blocks/contact_block.html"
        preview_value = {
            "heading": "Informationsansvarig",
            "text": "<p>Skicka gärna din fråga till oss.</p>",
        }
        description = "Kontaktpersoner och/eller en text."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("custom_heading") or value.get("heading")
        # A person deleted from the register leaves None in the list: skip it.
        context["people"] = [person for person in value.get("people") or [] if person is not None]
        return context


class SpeakerStructValue(blocks.StructValue):
    """Name and title of a speaker, from the register or written in."""

    @property
    def display_name(self):
        person = self.get("person")
        return self.get("name") or (person.name if person else "")

    @property
    def display_title(self):
        person = self.get("person")
        if self.get("title"):
            return self["title"]
        if person:
            return ", ".join(part for part in (person.role, person.organisation) if part)
        return ""


class SpeakerBlock(blocks.StructBlock):
    """A speaker or participant: a person from the register, or a name and title written in."""

    person = SnippetChooserBlock(
        "core.Person", label="Person i registret", required=False, help_text="Välj en person, eller skriv ett namn."
    )
    name = blocks.CharBlock(label="Eller namn", required=False, help_text="T.ex. Meddelas senare.")
    title = blocks.CharBlock(label="Titel och organisation", required=False, help_text="Ersätter personens roll.")

    class Meta:
        icon = "user"
        label = "Medverkande"
        value_class = SpeakerStructValue
        template = "blocks/speaker_block.html"
        preview_value = {"name": "Elin Wihlborg", "title": "professor, Linköpings universitet"}
        description = "En person som medverkar."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("person") and not value.get("name"):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError("Välj en person eller skriv ett namn.")])
            )
        return value


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
