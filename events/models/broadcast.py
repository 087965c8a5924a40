"""What a broadcast adds to a series part: cancel and move, its calendar version, and its recording."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from core import structured_data
from core.blocks import RICH_TEXT_FEATURES
from events.broadcasts import Broadcast, BroadcastState
from events.formatting import day_span, local
from events.signals import broadcast_moved

CAPTIONS_HELP = (
    "Inspelad video ska ha undertexter enligt lagen om tillgänglighet till digital offentlig service. "
    "Ladda upp en WebVTT-fil (.vtt) på svenska eller kryssa i att videon har undertexter hos tjänsten."
)
VIDEO_EXTENSIONS = ("mp4", "webm")
SCHEMA_PART_STATUS = {
    "cancelled": "https://schema.org/EventCancelled",
    "moved": "https://schema.org/EventRescheduled",
    "scheduled": "https://schema.org/EventScheduled",
}


def _extension(document):
    return document.file.name.rsplit(".", 1)[-1].lower() if document and document.file else ""


class CalendarVersionMixin(models.Model):
    """A calendar entry's version: SEQUENCE and LAST-MODIFIED rise when its time, link or status changes,
    so a calendar updates the entry it has instead of adding a second one."""

    calendar_sequence = models.PositiveIntegerField("version i kalendern", default=0, editable=False)
    calendar_changed_at = models.DateTimeField("ändrad i kalendern", null=True, blank=True, editable=False)

    # The fields a calendar must learn about when they change.
    calendar_fields = ()

    class Meta:
        abstract = True

    def stored_calendar_values(self):
        """The calendar fields as stored, or None for a row not saved yet."""
        if self.pk is None or not self.calendar_fields:
            return None
        return type(self)._base_manager.filter(pk=self.pk).values(*self.calendar_fields).first()

    def note_calendar_changes(self, stored):
        """Raise the version if a calendar field differs from the stored row; the names that changed."""
        if stored is None:
            return set()
        changed = {name for name in self.calendar_fields if stored[name] != getattr(self, name)}
        if changed:
            self.calendar_sequence += 1
            self.calendar_changed_at = timezone.now()
        return changed


class BroadcastPartMixin(CalendarVersionMixin):
    """A series part's broadcast: cancelled or moved, and afterwards its recording with captions and text."""

    cancelled = models.BooleanField(
        "inställd", default=False, help_text="Visas som Inställd på sidan, i listan och i kalenderfilerna."
    )
    # Set when a published part gets a new date or time; the page says "Flyttad från …".
    moved_from = models.DateTimeField("flyttad från", null=True, blank=True, editable=False)
    recording_video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="eller uppladdad inspelning",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="En videofil av typen .mp4 eller .webm.",
    )
    recording_captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="undertexter (WebVTT, .vtt)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=CAPTIONS_HELP,
    )
    recording_captions_on_platform = models.BooleanField(
        "inspelningen har svenska undertexter hos tjänsten",
        default=False,
        help_text="Kryssa bara i om du har kontrollerat att undertexterna finns och stämmer.",
    )
    recording_transcript = RichTextField(
        "textversion", blank=True, features=RICH_TEXT_FEATURES, help_text="Det som sägs i sändningen, som text."
    )

    calendar_fields = ("date", "start_time", "end_time", "webcast_url", "cancelled")

    recording_panels = [
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("recording_video"),
                FieldPanel("recording_captions"),
                FieldPanel("recording_captions_on_platform"),
                FieldPanel("recording_transcript"),
            ],
            heading="Inspelning",
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        stored = self.stored_calendar_values()
        changed = self.note_calendar_changes(stored)
        previous_start = self.note_move(stored, changed)
        super().save(*args, **kwargs)
        if previous_start is not None and self.end > timezone.now():
            # Registrants hear of it once the change is committed (registrations listens).
            transaction.on_commit(lambda: broadcast_moved.send(sender=type(self), part=self, previous=previous_start))

    def clean_recording(self):
        errors = {}
        if self.recording_video and _extension(self.recording_video) not in VIDEO_EXTENSIONS:
            errors["recording_video"] = "Inspelningen måste vara en fil av typen .mp4 eller .webm."
        if self.recording_captions and _extension(self.recording_captions) != "vtt":
            errors["recording_captions"] = "Undertexterna måste vara en WebVTT-fil (.vtt)."
        if self.recording_url and self.recording_video_id:
            errors["recording_url"] = "Ange antingen en länk till inspelningen eller en uppladdad fil, inte båda."
        if errors:
            raise ValidationError(errors)

    def note_move(self, stored, changed):
        """Remember where a part was first planned when it gets a new date or time; the old start, or None."""
        if not changed & {"date", "start_time", "end_time"}:
            return None
        previous_start = day_span(stored["date"], stored["start_time"], stored["end_time"])[0]
        if previous_start == self.start:
            return None  # only the end time changed
        if None in (stored["start_time"], self.start_time) and stored["date"] == self.date:
            return None  # the time was announced, or taken back to be announced later: not a move
        self.moved_from = self.moved_from or previous_start
        if self.moved_from == self.start:
            self.moved_from = None  # moved back to where it was
        return previous_start

    # What visitors see

    @property
    def join_url(self):
        return self.webcast_url or self.page.webcast_url

    @property
    def has_recording(self):
        return bool(self.recording_url or self.recording_video_id)

    @property
    def has_captions(self):
        return bool(self.recording_captions_id or self.recording_captions_on_platform)

    @property
    def recording_mime_type(self):
        return f"video/{_extension(self.recording_video)}" if self.recording_video_id else ""

    @property
    def broadcast(self):
        """The part's broadcast at this moment."""
        return Broadcast(
            date=self.date,
            start=self.start if self.has_time else None,
            end=self.end if self.has_time else None,
            join_url=self.join_url,
            cancelled=self.cancelled or self.page.is_cancelled,
            recorded=self.has_recording,
            moved_from=self.moved_from,
        )

    def json_ld(self, request=None):
        """The part as a schema.org sub-event of its series: its own status, time and recording."""
        broadcast = self.broadcast
        if broadcast.cancelled:
            status = SCHEMA_PART_STATUS["cancelled"]
        else:
            status = SCHEMA_PART_STATUS["moved" if self.moved_from else "scheduled"]
        return structured_data.broadcast(
            name=self.theme,
            url=(self.page.get_full_url(request) or "") + f"#del-{self.pk}",
            status=status,
            start=broadcast.start or self.date,
            end=broadcast.live_until if broadcast.has_time else None,
            join_url=broadcast.join_url,
            previous_start=local(self.moved_from),
            recording_url=self.recording_url or (self.recording_video.url if self.recording_video_id else ""),
            recorded=broadcast.state == BroadcastState.RECORDED,
        )


def held_without_recording(days, now=None):
    """Filter for parts held more than `days` ago that still lack a recording or its captions."""
    now = now or timezone.now()
    held_before = timezone.localdate(now) - dt.timedelta(days=days)
    missing = models.Q(recording_url="", recording_video__isnull=True) | models.Q(
        recording_captions__isnull=True, recording_captions_on_platform=False
    )
    return models.Q(date__lt=held_before, cancelled=False) & missing
