"""Media blocks of knowledge pages: webcasts, podcast episodes, web courses, interview series, webinars.

One module per concern; everything is imported from here (`from knowledge.blocks import WebcastBlock`).
"""

from wagtail import blocks

from core.blocks import BaseStreamBlock, PageChooserBlock

from .media import (
    AUDIO_EXTENSIONS,
    CAPTIONS_HELP,
    TRANSCRIPT_HELP,
    VIDEO_EXTENSIONS,
    MediaBlock,
    PodcastBlock,
    RecordingBlock,
    WebcastBlock,
)
from .series import InterviewBlock, InterviewMediaBlock, InterviewSeriesBlock, WebCourseBlock, WebinarBlock
from .values import (
    HEADING_TAGS,
    InterviewSeriesStructValue,
    MediaStructValue,
    PodcastStructValue,
    RecordingStructValue,
    WebinarStructValue,
    has_text,
    heading_context,
    length_text,
)

__all__ = [
    "AUDIO_EXTENSIONS",
    "CAPTIONS_HELP",
    "HEADING_TAGS",
    "TRANSCRIPT_HELP",
    "VIDEO_EXTENSIONS",
    "InterviewBlock",
    "InterviewMediaBlock",
    "InterviewSeriesBlock",
    "InterviewSeriesStructValue",
    "KnowledgeStreamBlock",
    "MediaBlock",
    "MediaStructValue",
    "PodcastBlock",
    "PodcastStructValue",
    "RecordingBlock",
    "RecordingStructValue",
    "RelatedPagesBlock",
    "WebCourseBlock",
    "WebcastBlock",
    "WebinarBlock",
    "WebinarStructValue",
    "has_text",
    "heading_context",
    "iter_recordings",
    "length_text",
]


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
