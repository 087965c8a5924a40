"""Recordings: the shared media block, webcasts and podcast episodes, from a provider or an uploaded file."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import RICH_TEXT_FEATURES, DocumentChooserBlock, SpeakerBlock
from knowledge.embeds import fetch_at_save, lookup_embed, placeholder_texts, safe_iframe, validate_media_url

from .fields import (
    MediaHeadingMixin,
    description_block,
    heading_level_block,
    length_block,
    people_heading_block,
    title_block,
)
from .values import MediaStructValue, PodcastStructValue, RecordingStructValue, file_extension

VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")


AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg", "oga", "wav")


CAPTIONS_HELP = (
    "Inspelad video ska ha undertexter enligt lagen om tillgänglighet till digital offentlig service. "
    "Ladda upp en WebVTT-fil (.vtt) på svenska, kryssa i att videon har undertexter hos tjänsten, "
    "eller skriv en textversion."
)


TRANSCRIPT_HELP = "Inspelat ljud ska ha en textversion enligt lagen om tillgänglighet till digital offentlig service."


class MediaBlock(MediaHeadingMixin, blocks.StructBlock):
    """The fields every media block has: title, description, length and people."""

    title = title_block("Visas som rubrik för klippet.")
    description = description_block("Vad klippet handlar om.")
    length = length_block("Längd i minuter", "Avrunda till hela minuter.")
    people_heading = people_heading_block("Rubrik för medverkande", "T.ex. Medverkande, urval.")
    people = blocks.ListBlock(
        SpeakerBlock(), label="Medverkande", default=[], help_text="Välj ur registret eller skriv namn och titel."
    )

    class Meta:
        value_class = MediaStructValue


class RecordingBlock(MediaBlock):
    """A recording from a provider (oEmbed, fetched when the editor saves) or an uploaded file."""

    kind = "video"
    url_field = "video_url"
    file_field = "video_file"
    file_extensions = VIDEO_EXTENSIONS

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        non_block_errors = ErrorList()
        url, media_file = value.get(self.url_field), value.get(self.file_field)
        if bool(url) == bool(media_file):
            non_block_errors.append(
                ValidationError("Ange antingen en adress till klippet eller en uppladdad fil (exakt en av dem).")
            )
        if url:
            try:
                validate_media_url(url, self.kind)
                # Fetch and store the oEmbed data now, so that no visitor's page view has to.
                fetch_at_save(url)
            except ValidationError as error:
                errors[self.url_field] = error
        if media_file and file_extension(media_file) not in self.file_extensions:
            allowed = ", ".join(f".{ext}" for ext in self.file_extensions)
            errors[self.file_field] = ValidationError(f"Filen måste vara av typen {allowed}.")
        errors.update(self.clean_text_alternatives(value))
        if errors or non_block_errors:
            raise StructBlockValidationError(block_errors=errors, non_block_errors=non_block_errors)
        return value

    def clean_text_alternatives(self, value):
        return {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        # Only the stored record is read here: a page view never calls the provider.
        embed = lookup_embed(value.media_url, parent_context) if value.media_url else None
        context["embed"] = embed
        context["iframe"] = safe_iframe(embed, value.get("title"))
        context["provider"] = value.provider
        if value.media_url:
            context["texts"] = placeholder_texts(
                value.provider, value.get("title"), with_player=bool(context["iframe"])
            )
        return context


class WebcastBlock(RecordingBlock):
    """A recorded video: a YouTube or Vimeo address, or an uploaded video file with WebVTT captions."""

    heading_level = heading_level_block()
    video_url = blocks.URLBlock(
        label="Adress till videon",
        required=False,
        help_text="En adress hos YouTube eller Vimeo. Uppgifterna hämtas när du sparar sidan.",
    )
    video_file = DocumentChooserBlock(
        label="Eller en uppladdad videofil", required=False, help_text="En fil av typen .mp4 eller .webm."
    )
    captions = DocumentChooserBlock(label="Undertexter (WebVTT, .vtt)", required=False, help_text=CAPTIONS_HELP)
    captions_on_platform = blocks.BooleanBlock(
        label="Videon har svenska undertexter hos YouTube eller Vimeo",
        required=False,
        help_text="Kryssa bara i om du har kontrollerat att undertexterna finns och stämmer.",
    )
    transcript = blocks.RichTextBlock(
        label="Textversion",
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="Det som sägs i videon, som text. Ersätter undertexter.",
    )

    class Meta:
        icon = "media"
        label = "Webbsändning"
        template = "knowledge/blocks/webcast_block.html"
        value_class = RecordingStructValue
        help_text = CAPTIONS_HELP
        description = "En inspelad video från YouTube eller Vimeo, eller en uppladdad fil med undertexter."
        preview_value = {
            "title": "Digitalisering och det politiska uppdraget, del 1",
            "length": 8,
            "video_url": "https://www.youtube.com/watch?v=abcdefghijk",
            "people": [{"name": "Elin Wihlborg", "title": "professor i statsvetenskap"}],
            "captions_on_platform": True,
        }

    def clean_text_alternatives(self, value):
        captions = value.get("captions")
        if captions and file_extension(captions) != "vtt":
            return {"captions": ValidationError("Undertexterna måste vara en WebVTT-fil (.vtt).")}
        return {}


class PodcastBlock(RecordingBlock):
    """A podcast episode: a SoundCloud address or an uploaded audio file, with a pull quote and a transcript."""

    kind = "audio"
    url_field = "audio_url"
    file_field = "audio_file"
    file_extensions = AUDIO_EXTENSIONS

    series_title = blocks.CharBlock(
        label="Poddens namn", required=False, help_text="T.ex. Jakten på den perfekta digitaliseringen."
    )
    heading_level = heading_level_block()
    audio_url = blocks.URLBlock(
        label="Adress till avsnittet",
        required=False,
        help_text="En adress hos SoundCloud. Uppgifterna hämtas när du sparar sidan.",
    )
    audio_file = DocumentChooserBlock(
        label="Eller en uppladdad ljudfil", required=False, help_text="En fil av typen .mp3, .m4a eller .ogg."
    )
    quote = blocks.TextBlock(
        label="Citat ur avsnittet", required=False, help_text="En mening som väcker lust att lyssna, utan citattecken."
    )
    quote_source = blocks.CharBlock(label="Vem som citeras", required=False, help_text="Namn och organisation.")
    transcript = blocks.RichTextBlock(
        label="Textversion", required=False, features=RICH_TEXT_FEATURES, help_text=TRANSCRIPT_HELP
    )

    class Meta:
        icon = "microphone"
        label = "Poddavsnitt"
        template = "knowledge/blocks/podcast_block.html"
        value_class = PodcastStructValue
        help_text = TRANSCRIPT_HELP
        description = "Ett poddavsnitt från SoundCloud eller en uppladdad ljudfil, med citat och textversion."
        preview_value = {
            "series_title": "Jakten på den perfekta digitaliseringen",
            "title": "Kjell ringer en digitaliseringsdirektör",
            "length": 11,
            "audio_url": "https://soundcloud.com/exempel/kjell-ringer",
            "quote": "Med AI kan invånarna få svar dygnet runt.",
            "quote_source": "Jörgen Sandström, Västerås stad",
        }

    def clean_text_alternatives(self, value):
        if value.get("quote_source") and not value.get("quote"):
            return {"quote": ValidationError("Skriv citatet, eller töm fältet för vem som citeras.")}
        return {}
