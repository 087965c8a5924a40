"""Media blocks of knowledge pages: webcasts, podcast episodes, web courses, interview series, webinars."""

import functools

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import (
    RICH_TEXT_FEATURES,
    BaseStreamBlock,
    DocumentChooserBlock,
    LinkBlock,
    PageChooserBlock,
    SpeakerBlock,
)

from .embeds import fetch_at_save, find_provider, lookup_embed, safe_iframe, validate_media_url

VIDEO_EXTENSIONS = ("mp4", "webm", "ogv")
AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg", "oga", "wav")
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")

CAPTIONS_HELP = (
    "Inspelad video ska ha undertexter enligt lagen om tillgänglighet till digital offentlig service. "
    "Ladda upp en WebVTT-fil (.vtt) på svenska, kryssa i att videon har undertexter hos tjänsten, "
    "eller skriv en textversion."
)
TRANSCRIPT_HELP = "Inspelat ljud ska ha en textversion enligt lagen om tillgänglighet till digital offentlig service."


def length_text(minutes):
    """A length in minutes as Swedish text, e.g. "8 minuter"."""
    if not minutes:
        return ""
    return "1 minut" if minutes == 1 else f"{minutes} minuter"


def heading_context(value, parent_context):
    """Heading tags for a media block: its own level, or the one a surrounding series passes down."""
    level = (parent_context or {}).get("media_heading_level") or value.get("heading_level") or "h2"
    level = level if level in HEADING_TAGS else "h2"
    number = int(level[1])
    return {
        "heading_tag": level,
        "subheading_tag": f"h{min(number + 1, 6)}",
        "subsubheading_tag": f"h{min(number + 2, 6)}",
    }


def has_text(rich_text):
    """True when rich text has visible words (an emptied editor still saves an empty paragraph)."""
    return _has_visible_text(str(getattr(rich_text, "source", rich_text) or ""))


@functools.lru_cache(maxsize=1024)
def _has_visible_text(source):
    # Stripping tags is the costly part, and a page asks again for every render.
    return bool(strip_tags(source).strip())


def _extension(document):
    return (document.file_extension or "").lower() if document else ""


class MediaStructValue(blocks.StructValue):
    """Derived values shared by the media blocks: length as text and the people who take part.

    Each is worked out once per value: a render asks for them several times (heading, player,
    text version, warnings), and stripping rich text of its tags is not free.
    """

    @cached_property
    def length_text(self):
        return length_text(self.get("length"))

    @cached_property
    def speakers(self):
        return [speaker for speaker in self.get("people") or [] if speaker.display_name]

    @cached_property
    def has_description(self):
        return has_text(self.get("description"))

    @cached_property
    def has_transcript(self):
        return has_text(self.get("transcript"))


class RecordingStructValue(MediaStructValue):
    """A webcast or podcast episode: from a provider's address or from an uploaded file."""

    url_field = "video_url"
    file_field = "video_file"

    @property
    def media_url(self):
        return self.get(self.url_field) or ""

    @property
    def media_file(self):
        return self.get(self.file_field)

    @cached_property
    def provider(self):
        return find_provider(self.media_url)

    @property
    def mime_type(self):
        extension = _extension(self.media_file)
        return {"ogv": "video/ogg", "oga": "audio/ogg", "mp3": "audio/mpeg", "m4a": "audio/mp4"}.get(
            extension, f"{'audio' if self.url_field == 'audio_url' else 'video'}/{extension}"
        )

    @property
    def has_text_alternative(self):
        return bool(self.get("captions") or self.get("captions_on_platform") or self.has_transcript)


class PodcastStructValue(RecordingStructValue):
    url_field = "audio_url"
    file_field = "audio_file"

    @property
    def has_text_alternative(self):
        return self.has_transcript


class MediaBlock(blocks.StructBlock):
    """The fields every media block has: title, description, length and people."""

    title = blocks.CharBlock(label="Titel", max_length=200, help_text="Visas som rubrik för klippet.")
    description = blocks.RichTextBlock(
        label="Beskrivning", required=False, features=RICH_TEXT_FEATURES, help_text="Vad klippet handlar om."
    )
    length = blocks.IntegerBlock(
        label="Längd i minuter", required=False, min_value=1, max_value=1000, help_text="Avrunda till hela minuter."
    )
    people_heading = blocks.CharBlock(
        label="Rubrik för medverkande", required=False, default="Medverkande", help_text="T.ex. Medverkande, urval."
    )
    people = blocks.ListBlock(
        SpeakerBlock(), label="Medverkande", default=[], help_text="Välj ur registret eller skriv namn och titel."
    )

    class Meta:
        value_class = MediaStructValue

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(heading_context(value, parent_context))
        return context


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
        if media_file and _extension(media_file) not in self.file_extensions:
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
        return context


class WebcastBlock(RecordingBlock):
    """A recorded video: a YouTube or Vimeo address, or an uploaded video file with WebVTT captions."""

    heading_level = blocks.ChoiceBlock(
        label="Rubriknivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")],
        default="h2",
        help_text="Rubrik 3 när blocket står under en mellanrubrik. Inuti en serie väljs nivån automatiskt.",
    )
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
        if captions and _extension(captions) != "vtt":
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
    heading_level = blocks.ChoiceBlock(
        label="Rubriknivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")],
        default="h2",
        help_text="Rubrik 3 när blocket står under en mellanrubrik. Inuti en serie väljs nivån automatiskt.",
    )
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


class WebCourseBlock(MediaBlock):
    """A card that links to a web course, with its length."""

    link = LinkBlock(label="Länk till kursen")
    link_text = blocks.CharBlock(
        label="Knapptext", default="Gå till webbkursen", max_length=60, help_text="Säg vart knappen leder."
    )

    class Meta:
        icon = "doc-full"
        label = "Webbkurs"
        template = "knowledge/blocks/web_course_block.html"
        value_class = MediaStructValue
        description = "Ett kort som länkar till en webbkurs."
        preview_value = {
            "title": "Att leda i en digital tid",
            "description": "<p>Om förtroendevaldas roller i en digital tid.</p>",
            "length": 45,
            "link": {"external_url": "https://example.se/webbkurs"},
            "link_text": "Gå till webbkursen",
        }


class InterviewMediaBlock(blocks.StreamBlock):
    """The recording of one interview: a video or an audio episode."""

    webcast = WebcastBlock()
    podcast = PodcastBlock()

    class Meta:
        icon = "media"
        label = "Inspelning"


class InterviewBlock(blocks.StructBlock):
    """One interviewee with role and the interview's own recording."""

    speaker = SpeakerBlock(label="Intervjuperson")
    media = InterviewMediaBlock(
        label="Inspelning", required=False, max_num=1, help_text="En video eller ett poddavsnitt med intervjun."
    )

    class Meta:
        icon = "user"
        label = "Intervju"
        template = "knowledge/blocks/interview_block.html"
        description = "En intervjuperson med sin inspelning."
        preview_value = {"speaker": {"name": "Vesna Jovic", "title": "VD SKR 2017-2019"}, "media": []}


class InterviewSeriesStructValue(MediaStructValue):
    """An interview series; its people are the interviewees."""

    @property
    def speakers(self):
        return [item["speaker"] for item in self.get("interviews") or [] if item["speaker"].display_name]


class InterviewSeriesBlock(blocks.StructBlock):
    """A series of interviews: an introduction and a list of interviewees, each with their recording."""

    title = blocks.CharBlock(label="Titel", max_length=200, help_text="Seriens namn, visas som rubrik.")
    description = blocks.RichTextBlock(
        label="Beskrivning", required=False, features=RICH_TEXT_FEATURES, help_text="En gemensam inledning."
    )
    length = blocks.IntegerBlock(
        label="Sammanlagd längd i minuter", required=False, min_value=1, max_value=1000, help_text="Alla intervjuer."
    )
    people_heading = blocks.CharBlock(
        label="Rubrik för intervjupersonerna", required=False, default="Medverkande", help_text="T.ex. Medverkande."
    )
    interviews = blocks.ListBlock(
        InterviewBlock(), label="Intervjuer", min_num=1, help_text="Intervjuerna i den ordning de ska visas."
    )

    class Meta:
        icon = "group"
        label = "Intervjuserie"
        template = "knowledge/blocks/interview_series_block.html"
        value_class = InterviewSeriesStructValue
        description = "Flera intervjuer med en gemensam inledning."
        preview_value = {
            "title": "Fem perspektiv på utmaningar och ledarskap",
            "description": "<p>Fem intervjuer om ledarskap i digitaliseringen.</p>",
            "interviews": [{"speaker": {"name": "Vesna Jovic", "title": "VD SKR 2017-2019"}, "media": []}],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(heading_context(value, parent_context))
        return context


class WebinarStructValue(MediaStructValue):
    """A webinar in parts; its length is the given one or the sum of its parts."""

    @property
    def total_length(self):
        if self.get("length"):
            return self["length"]
        return sum(part.get("length") or 0 for part in self.get("parts") or [])

    @property
    def length_text(self):
        return length_text(self.total_length)


class WebinarBlock(MediaBlock):
    """A recorded webinar in several parts, each a webcast of its own."""

    parts = blocks.ListBlock(
        WebcastBlock(label="Del"), label="Delar", min_num=1, help_text="Varje del är en egen video med undertexter."
    )

    class Meta:
        icon = "media"
        label = "Webbinarium i delar"
        template = "knowledge/blocks/webinar_block.html"
        value_class = WebinarStructValue
        description = "En inspelning av ett webbinarium i flera delar."
        preview_value = {
            "title": "Digitalt kompetenslyft för förtroendevalda och tjänstepersoner",
            "people_heading": "Medverkande, urval",
            "parts": [{"title": "Del 1", "length": 45, "video_url": "https://www.youtube.com/watch?v=abcdefghijk"}],
        }


class KnowledgeStreamBlock(BaseStreamBlock):
    """The body of a knowledge page: the shared blocks plus the media blocks."""

    webcast = WebcastBlock()
    podcast = PodcastBlock()
    web_course = WebCourseBlock()
    interview_series = InterviewSeriesBlock()
    webinar = WebinarBlock()


class RelatedPagesBlock(blocks.StreamBlock):
    """Pages to read next, shown as cards after the body."""

    page = PageChooserBlock(label="Sida", help_text="Visas som ett kort efter innehållet.")

    class Meta:
        icon = "link"
        label = "Relaterade sidor"


def iter_recordings(stream):
    """Every webcast and podcast in a body, including the parts of webinars and interview series.

    Yields (block type, value) pairs: ("webcast", value) or ("podcast", value).
    """
    for child in stream or []:
        if child.block_type in ("webcast", "podcast"):
            yield child.block_type, child.value
        elif child.block_type == "webinar":
            for part in child.value.get("parts") or []:
                yield "webcast", part
        elif child.block_type == "interview_series":
            for interview in child.value.get("interviews") or []:
                for media in interview.get("media") or []:
                    yield media.block_type, media.value
