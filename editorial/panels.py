"""Dashboard panels on the admin's home page: what is coming up, what helps least, what shows and what waits.

Each panel reads with one or two queries whatever the amount of content, so the dashboard stays quick.
"""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, Q, Value
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.models import SiteNotice
from core.page_titles import readable_page_ids, title_for
from events.models import ConferencePage, EventStatus, NetworkPage, SeminarPart, SeminarSeriesPage, event_union
from feedback.access import can_view_feedback
from feedback.summary import PageTotals, start_of_day
from registrations.models import Registration

UPCOMING_DAYS = 30
FEEDBACK_DAYS = 90
# Fewer answers than this say little about a page.
MIN_ANSWERS = 3
LIMIT = 8


class DashboardPanel(Component):
    """A panel on the admin's home page, shown to the users `is_shown_to` lets in."""

    def __init__(self, user):
        self.user = user

    @classmethod
    def is_shown_to(cls, user):
        return True


def may_edit_pages(user):
    """Editors' panels are for those who may work on pages, not for a Feedbackläsare."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def may_see_notices(user):
    return any(user.has_perm(f"core.{action}_sitenotice") for action in ("view", "change"))


class UpcomingEventsPanel(DashboardPanel):
    """Live events with a start, a series part or a network meeting in the next 30 days, with their
    confirmed sign-ups on the site."""

    name = "editorial_upcoming_events"
    template_name = "editorial/panels/upcoming_events.html"
    order = 110

    @classmethod
    def is_shown_to(cls, user):
        return may_edit_pages(user)

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        until = now + dt.timedelta(days=UPCOMING_DAYS)
        # A series or a network spans all its parts or meetings: it is a candidate while its span
        # reaches into the window, and its next part or meeting decides whether and when it comes up.
        candidates = event_union(
            lambda model: (
                model.objects.live()
                .filter(start__lt=until)
                .filter(Q(end__gte=now) | Q(start__gte=now))
                .annotate(kind=Value(model.__name__, output_field=CharField()))
                .values_list("pk", "title", "start", "status", "onsite_registration", "kind")
            )
        )
        candidates = list(candidates)
        starts = next_starts(candidates, now, until)
        rows = sorted((row for row in candidates if row[0] in starts), key=lambda row: (starts[row[0]], row[0]))
        rows = rows[:LIMIT]
        counts = dict(
            Registration.objects.confirmed()
            .filter(event_id__in=[row[0] for row in rows if row[4]])
            .values_list("event_id")
            .annotate(count=Count("pk"))
        )
        readable = readable_page_ids(self.user, [row[0] for row in rows])
        events = [
            {
                "pk": pk,
                "title": title_for(pk, title, readable),
                "start": starts[pk],
                "cancelled": status == EventStatus.CANCELLED,
                "signups": counts.get(pk),
            }
            for pk, title, start, status, onsite, kind in rows
        ]
        return {"events": events, "days": UPCOMING_DAYS, "heading": f"Evenemang de närmaste {UPCOMING_DAYS} dagarna"}


def next_starts(candidates, now, until):
    """When each candidate event next begins within [now, until): a conference at its start, a series at
    its next part, a network at its next meeting (a part or meeting under way counts); two queries."""
    starts = {}
    by_kind = {}
    for pk, _title, start, _status, _onsite, kind in candidates:
        by_kind.setdefault(kind, []).append(pk)
        if kind == ConferencePage.__name__ and start and now <= start < until:
            starts[pk] = start
    today = timezone.localdate(now)
    parts = SeminarPart.objects.filter(
        page_id__in=by_kind.get(SeminarSeriesPage.__name__, []), date__gte=today, date__lte=until.date()
    ).order_by("date", "start_time")
    for part in parts:
        if part.end >= now and part.start < until:
            starts.setdefault(part.page_id, part.start)
    for network in NetworkPage.objects.filter(pk__in=by_kind.get(NetworkPage.__name__, [])):
        meetings = [m["start"] for m in network.meeting_values if m["end"] >= now and m["start"] < until]
        if meetings:
            starts[network.pk] = min(meetings)
    return starts


class LeastHelpfulPanel(DashboardPanel):
    """The pages whose visitors most often answered Nej in the last 90 days, linked to the feedback report."""

    name = "editorial_least_helpful"
    template_name = "editorial/panels/least_helpful.html"
    order = 120

    @classmethod
    def is_shown_to(cls, user):
        return can_view_feedback(user)

    def get_context_data(self, parent_context=None):
        # The days from the reports' daily summary and today's answers (feedback/summary.py), not every
        # answer of the 90 days, sorted in the database: the LIMIT rows shown are all that is read.
        since = start_of_day(timezone.localdate() - dt.timedelta(days=FEEDBACK_DAYS))
        totals = PageTotals(since, min_answers=MIN_ANSWERS, ordering=["yes_share", "-total_count", "page"])
        rows = totals[:LIMIT]
        readable = readable_page_ids(self.user, [row.page for row in rows])
        pages = [
            {
                "page_id": row.page,
                "title": title_for(row.page, row.title, readable),
                "yes": row.yes_count,
                "total": row.total_count,
                "share": row.yes_share,
            }
            for row in rows
        ]
        return {"pages": pages, "days": FEEDBACK_DAYS, "min_answers": MIN_ANSWERS}


class NoticesPanel(DashboardPanel):
    """Site notices that show now or are scheduled to, so nobody forgets one that is still up."""

    name = "editorial_notices"
    template_name = "editorial/panels/notices.html"
    order = 130

    @classmethod
    def is_shown_to(cls, user):
        return may_see_notices(user)

    def get_context_data(self, parent_context=None):
        notices = SiteNotice.objects.not_ended().order_by(F("starts_at").asc(nulls_first=True), "pk")[:LIMIT]
        return {"notices": list(notices)}


class ScheduledPanel(DashboardPanel):
    """What the clock will change: pages going live or expiring, notices starting or ending."""

    name = "editorial_scheduled"
    template_name = "editorial/panels/scheduled.html"
    order = 115

    @classmethod
    def is_shown_to(cls, user):
        return may_edit_pages(user) or may_see_notices(user)

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        items = []
        if may_edit_pages(self.user):
            going_live = dict(
                Revision.page_revisions.filter(approved_go_live_at__gt=now)
                .order_by("approved_go_live_at")
                .values_list("object_id", "approved_go_live_at")[:LIMIT]
            )
            expiring = dict(
                Page.objects.live()
                .filter(expire_at__gt=now)
                .order_by("expire_at")
                .values_list("pk", "expire_at")[:LIMIT]
            )
            changes = [(int(pk), when, "Publiceras") for pk, when in going_live.items()]
            changes += [(pk, when, "Avpubliceras") for pk, when in expiring.items()]
            ids = [pk for pk, _when, _what in changes]
            titles = dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))
            readable = readable_page_ids(self.user, ids)
            items += [
                {"when": when, "what": what, "title": title_for(pk, titles.get(pk, ""), readable), "page": pk}
                for pk, when, what in changes
            ]
        if may_see_notices(self.user):
            notices = SiteNotice.objects.filter(Q(starts_at__gt=now) | Q(ends_at__gt=now)).order_by("pk")
            for notice in notices[: LIMIT * 2]:
                if notice.starts_at and notice.starts_at > now:
                    items.append({"when": notice.starts_at, "what": "Driftmeddelande visas", "notice": notice})
                if notice.ends_at and notice.ends_at > now:
                    items.append({"when": notice.ends_at, "what": "Driftmeddelande slutar visas", "notice": notice})
        items.sort(key=lambda item: item["when"])
        return {"items": items[:LIMIT]}


class PagesInModerationPanel(DashboardPanel):
    """Every page waiting for approval that the user may see, whoever the reviewer is, oldest request first."""

    name = "editorial_in_moderation"
    template_name = "editorial/panels/in_moderation.html"
    order = 140

    @classmethod
    def is_shown_to(cls, user):
        return may_edit_pages(user)

    def get_context_data(self, parent_context=None):
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
            )
            .select_related("workflow", "requested_by", "current_task_state__task")
            .order_by("created_at", "pk")[:LIMIT]
        )
        page_ids = [int(state.object_id) for state in states]
        # A page the user may not see is left out, with the name of the editor who sent it.
        pages = Page.objects.in_bulk(readable_page_ids(self.user, page_ids))
        items = [
            {
                "page": pages[int(state.object_id)],
                "task": state.current_task_state.task.name if state.current_task_state else "",
                "requested_by": state.requested_by,
                "since": state.created_at,
            }
            for state in states
            if int(state.object_id) in pages
        ]
        return {"items": items}


PANELS = (UpcomingEventsPanel, ScheduledPanel, LeastHelpfulPanel, NoticesPanel, PagesInModerationPanel)


def panels_for(user):
    return [panel(user) for panel in PANELS if panel.is_shown_to(user)]
