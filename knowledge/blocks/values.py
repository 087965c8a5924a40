"""The values of knowledge media blocks: lengths as text, people, text alternatives and heading tags."""

import functools

from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail import blocks

from core.dates import minutes_text
from knowledge.embeds import find_provider

HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def length_text(minutes):
    """A length in minutes as text in the active language, e.g. "8 minuter" ("8 minutes")."""
    if not minutes:
        return ""
    return minutes_text(minutes)


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


def file_extension(document):
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
        extension = file_extension(self.media_file)
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


class InterviewSeriesStructValue(MediaStructValue):
    """An interview series; its people are the interviewees."""

    @property
    def speakers(self):
        return [item["speaker"] for item in self.get("interviews") or [] if item["speaker"].display_name]


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
