"""Media blocks made of other media: web courses, interview series and webinars in parts."""

from wagtail import blocks

from core.blocks import LinkBlock, SpeakerBlock

from .fields import MediaHeadingMixin, description_block, length_block, people_heading_block, title_block
from .media import MediaBlock, PodcastBlock, WebcastBlock
from .values import InterviewSeriesStructValue, MediaStructValue, WebinarStructValue


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


class InterviewSeriesBlock(MediaHeadingMixin, blocks.StructBlock):
    """A series of interviews: an introduction and a list of interviewees, each with their recording."""

    # The same fields as a media block's, in the same order, worded for a series.
    title = title_block("Seriens namn, visas som rubrik.")
    description = description_block("En gemensam inledning.")
    length = length_block("Sammanlagd längd i minuter", "Alla intervjuer.")
    people_heading = people_heading_block("Rubrik för intervjupersonerna", "T.ex. Medverkande.")
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
