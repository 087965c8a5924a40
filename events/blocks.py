"""Event blocks: programmes, themes with their seminars and network meetings, on top of core/blocks.py."""

from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, DateBlock, SpeakerBlock, TimeBlock
from events.formatting import clock, clock_span

START_HELP = "Svensk tid. Tomt om tiden inte är bestämd än."
END_HELP = "Tomt visar bara starttiden."
SPEAKERS_HELP = "Välj personer ur registret eller skriv namn och titel."


def format_time(value):
    """A time in the active language's style: 13.15 (1.15 pm)."""
    return clock(value) if value else ""


def format_time_range(start, end):
    """A span with an en dash: 13.15–14.00, 1.15–2 pm in English (or only the start)."""
    if start and end:
        return clock_span(start, end)
    return format_time(start)


class TimeRangeStructValue(blocks.StructValue):
    """A block value with optional start and end times, shown as 13.15–14.00."""

    @property
    def time_range(self):
        return format_time_range(self.get("start_time"), self.get("end_time"))


class ProgrammeSessionBlock(blocks.StructBlock):
    """One item of a programme: time, title, text, bullet topics and speakers."""

    start_time = TimeBlock(label="Starttid", required=False, help_text=START_HELP)
    end_time = TimeBlock(label="Sluttid", required=False, help_text=END_HELP)
    title = blocks.CharBlock(label="Rubrik", max_length=200, help_text="T.ex. Inledning eller Korruption och jäv.")
    text = blocks.RichTextBlock(
        label="Text", required=False, features=RICH_TEXT_FEATURES, help_text="En kort beskrivning av punkten."
    )
    topics = blocks.ListBlock(
        blocks.CharBlock(label="Punkt"),
        label="Punkter",
        default=[],
        required=False,
        help_text="Det som tas upp, en kort rad per punkt.",
    )
    speakers = blocks.ListBlock(
        SpeakerBlock(), label="Medverkande", default=[], required=False, help_text=SPEAKERS_HELP
    )

    class Meta:
        icon = "time"
        label = "Programpunkt"
        value_class = TimeRangeStructValue
        template = "events/blocks/programme_session_block.html"
        preview_value = {
            "title": "Korruption och jäv",
            "topics": ["Vad är korrupt beteende?", "Var går gränsen för muta eller jäv?"],
        }
        description = "En punkt i programmet med tid, rubrik, text, punkter och medverkande."


class ProgrammeBreakBlock(blocks.StructBlock):
    """A break in a programme, such as Lunch or Kaffe, styled apart from the sessions."""

    start_time = TimeBlock(label="Starttid", required=False, help_text=START_HELP)
    end_time = TimeBlock(label="Sluttid", required=False, help_text=END_HELP)
    title = blocks.CharBlock(label="Rubrik", default="Lunch", max_length=100, help_text="T.ex. Lunch eller Kaffe.")

    class Meta:
        icon = "pick"
        label = "Paus"
        value_class = TimeRangeStructValue
        template = "events/blocks/programme_break_block.html"
        preview_value = {"title": "Lunch"}
        description = "En paus i programmet, t.ex. Lunch."


class ProgrammeItemsBlock(blocks.StreamBlock):
    """The items of a programme, in order."""

    session = ProgrammeSessionBlock()
    pause = ProgrammeBreakBlock()

    class Meta:
        label = "Programpunkter"


class ProgrammeBlock(blocks.StructBlock):
    """A programme ("Programinnehåll") of sessions and breaks; one per day on multi-day events."""

    heading = blocks.CharBlock(
        label="Rubrik",
        default="Programinnehåll",
        max_length=200,
        help_text="Vid flera dagar ett program per dag, t.ex. Programinnehåll dag 1.",
    )
    items = ProgrammeItemsBlock(label="Programpunkter", help_text="Programpunkter och pauser i tidsordning.")

    class Meta:
        icon = "list-ol"
        label = "Program"
        template = "events/blocks/programme_block.html"
        preview_value = {
            "heading": "Programinnehåll",
            "items": [
                ("session", {"title": "Inledning"}),
                ("session", {"title": "Korruption och jäv", "topics": ["Fullmäktige och jäv", "Nämnd och jäv"]}),
                ("pause", {"title": "Lunch"}),
            ],
        }
        description = "Programmet med programpunkter och pauser."


class SeminarBlock(blocks.StructBlock):
    """A seminar in a conference theme: title, optional time, room and speakers."""

    title = blocks.CharBlock(label="Titel", max_length=300, help_text="Seminariets titel som i programmet.")
    start_time = TimeBlock(label="Starttid", required=False, help_text=START_HELP)
    end_time = TimeBlock(label="Sluttid", required=False, help_text=END_HELP)
    room = blocks.CharBlock(label="Lokal", required=False, max_length=100, help_text="T.ex. Sal A.")
    speakers = blocks.ListBlock(
        SpeakerBlock(), label="Medverkande", default=[], required=False, help_text=SPEAKERS_HELP
    )

    class Meta:
        icon = "group"
        label = "Seminarium"
        value_class = TimeRangeStructValue
        template = "events/blocks/seminar_block.html"
        preview_value = {"title": "Samverkan mellan kommuner och med regionen", "room": "Sal A"}
        description = "Ett seminarium med titel, tid, lokal och medverkande."


class ThemeBlock(blocks.StructBlock):
    """A conference theme with a description and its seminars."""

    title = blocks.CharBlock(label="Tema", max_length=200, help_text="Temats namn; teman numreras automatiskt.")
    description = blocks.RichTextBlock(
        label="Beskrivning", required=False, features=RICH_TEXT_FEATURES, help_text="Vad temat handlar om."
    )
    seminars = blocks.ListBlock(
        SeminarBlock(), label="Seminarier", default=[], required=False, help_text="Temats seminarier i tidsordning."
    )

    class Meta:
        icon = "folder-open-inverse"
        label = "Tema"
        template = "events/blocks/theme_block.html"
        preview_value = {
            "title": "Digitalisering, AI och samverkan",
            "description": "<p>Hur digitalisering och AI kan stödja samverkan.</p>",
            "seminars": [{"title": "Digitalisering och AI som medel för samverkan"}],
        }
        description = "Ett tema med beskrivning och seminarier."


class ThemesSessionsBlock(blocks.StructBlock):
    """The themes and sessions of a conference ("Tema och sessioner"), numbered in order."""

    heading = blocks.CharBlock(
        label="Rubrik", default="Tema och sessioner", max_length=200, help_text="Oftast Tema och sessioner."
    )
    themes = blocks.ListBlock(ThemeBlock(), label="Teman", min_num=1, help_text="Minst ett tema.")

    class Meta:
        icon = "list-ul"
        label = "Tema och sessioner"
        template = "events/blocks/themes_sessions_block.html"
        preview_value = {
            "heading": "Tema och sessioner",
            "themes": [
                {"title": "Arbetstiden - varva ner eller kavla upp?", "seminars": [{"title": "Kortare arbetstid"}]}
            ],
        }
        description = "Konferensens teman, vart och ett med sina seminarier."


class ConferenceStreamBlock(BaseStreamBlock):
    """The body of a conference page: the shared blocks plus programme and themes."""

    programme = ProgrammeBlock()
    themes_sessions = ThemesSessionsBlock()


class NetworkMeetingBlock(blocks.StructBlock):
    """One meeting of a network: date, optional times, place and a note."""

    date = DateBlock(label="Datum", help_text="Träffarna sorteras efter datum på sidan och i kalendern.")
    start_time = TimeBlock(label="Starttid", required=False, help_text=START_HELP)
    end_time = TimeBlock(label="Sluttid", required=False, help_text=END_HELP)
    place = blocks.CharBlock(
        label="Plats", required=False, max_length=200, help_text="Tomt: nätverkets plats. Digital träff: Digitalt."
    )
    note = blocks.CharBlock(label="Anteckning", required=False, max_length=300, help_text="T.ex. Första träffen.")

    class Meta:
        icon = "date"
        label = "Träff"
        value_class = TimeRangeStructValue
        template = "events/blocks/network_meeting_block.html"
        preview_value = {"date": "2027-03-12", "place": "Stockholm", "note": "Första träffen"}
        description = "En nätverksträff med datum, tid och plats."


class SpeakerStreamBlock(blocks.StreamBlock):
    """A list of speakers or responsible people."""

    speaker = SpeakerBlock()
