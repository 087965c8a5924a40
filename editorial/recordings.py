"""The dashboard panel of held broadcasts that still lack a recording or its captions after the grace period.

Swedish law asks public bodies to caption recorded video that stays available; this panel is the
editors' reminder. One query, whatever the number of parts.
"""

from django.conf import settings

from core.page_titles import readable_page_ids, title_for
from events.models import SeminarPart, held_without_recording

from .panels import LIMIT, DashboardPanel, may_edit_pages


def grace_days():
    return getattr(settings, "RECORDING_GRACE_DAYS", 14)


class MissingRecordingsPanel(DashboardPanel):
    """Series parts held more than RECORDING_GRACE_DAYS ago without a recording, or with one without captions."""

    name = "editorial_missing_recordings"
    template_name = "editorial/panels/missing_recordings.html"
    order = 118

    @classmethod
    def is_shown_to(cls, user):
        return may_edit_pages(user)

    def get_context_data(self, parent_context=None):
        days = grace_days()
        parts = list(
            SeminarPart.objects.filter(held_without_recording(days), page__live=True)
            .order_by("-date", "pk")
            .values("pk", "date", "theme", "page_id", "page__title", "recording_url", "recording_video")[:LIMIT]
        )
        readable = readable_page_ids(self.user, [part["page_id"] for part in parts])
        items = [
            {
                "page": part["page_id"],
                "title": title_for(part["page_id"], part["page__title"], readable),
                "theme": part["theme"] if part["page_id"] in readable else "",
                "date": part["date"],
                "missing": "Undertexter" if part["recording_url"] or part["recording_video"] else "Inspelning",
            }
            for part in parts
        ]
        return {"items": items, "days": days}
