"""People blocks: contact boxes and speakers, from the register or written in."""

import copy
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .text import RICH_TEXT_FEATURES

# People already read for the streams being converted (core.streams.convert_streams), by id.
_known_people = ContextVar("known_people", default=None)


@contextmanager
def people_read_together(people_by_id):
    """Within this block, person choosers take their people from `people_by_id` instead of a query each."""
    token = _known_people.set(people_by_id)
    try:
        yield
    finally:
        _known_people.reset(token)


def read_people(model, ids):
    """People by id, with their photos and the renditions their cards show (core/images.py)."""
    from core.images import with_photos  # needs the app registry (the image model)

    return with_photos(model.objects.all()).in_bulk(ids) if ids else {}


class PersonChooserBlock(SnippetChooserBlock):
    """A person from the register, whose name, role and organisation a search of the page finds."""

    def bulk_to_python(self, values):
        """The people of a stream: those already read for the page's streams, else in one query."""
        known = _known_people.get()
        people = known if known is not None else read_people(self.model_class, values)
        result, seen = [], set()
        for pk in values:
            person = people.get(pk)  # a person deleted from the register is None, as in Wagtail's own
            # As Wagtail's own: a person chosen twice gets a second instance.
            result.append(copy.copy(person) if person is not None and pk in seen else person)
            seen.add(pk)
        return result

    def get_searchable_content(self, value):
        if value is None:
            return []
        return [text for text in (value.name, value.role, value.organisation) if text]


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
        PersonChooserBlock("core.Person", label="Person"),
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

    person = PersonChooserBlock(
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
