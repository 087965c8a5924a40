"""The editors' view of registrations: counts per event, the list with search and export, and cancelling one."""

import datetime as dt
from collections import defaultdict

import django_filters
from django.contrib import messages
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from core.exports import SafeExportMixin
from events.models import SeminarPart

from . import services
from .models import EmailState, OutgoingEmail, Registration, Role, Status

registration_permission_policy = ModelPermissionPolicy(Registration)
# The event filter lists the events with sign-ups in these last days (and any event asked for by id).
RECENT_SIGNUP_DAYS = 30


class RegistrationPermissionMixin(SafeExportMixin):
    """Model permissions on Registration, and spreadsheet cells that never run as formulas."""

    permission_policy = registration_permission_policy
    permission_required = "view"


def events_with_registrations():
    """Pages with at least one registration: a probe of the registrations' event index per page, not a
    DISTINCT over every registration."""
    return Page.objects.filter(Exists(Registration.objects.filter(event=OuterRef("pk")))).order_by("title")


def event_choices(request):
    """The events the filter offers: those with sign-ups in the last RECENT_SIGNUP_DAYS, and the one asked
    for (the per-event report links to every event). A site with ten years of events would otherwise
    render thousands of options on every view of the list."""
    now = timezone.now()
    since = now - dt.timedelta(days=RECENT_SIGNUP_DAYS)
    recent = Registration.objects.filter(created_at__gte=since, created_at__lte=now)
    shown = Q(pk__in=recent.values("event"))
    chosen = request.GET.get("event", "") if request is not None else ""
    if chosen.isdigit():
        shown |= Q(pk=int(chosen)) & Exists(Registration.objects.filter(event=OuterRef("pk")))
    return Page.objects.filter(shown).order_by("title")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label="Evenemang", queryset=event_choices, empty_label="Alla")
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Alla")
    # E-mail that failed every try (registrations/outbox.py): the editor may need to reach the person.
    email_failed = django_filters.BooleanFilter(label="E-post misslyckades")

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(RegistrationPermissionMixin, IndexView):
    """Every registration, filtered by event and status, searchable, exportable to CSV and XLSX."""

    filterset_class = RegistrationFilterSet
    default_ordering = "-created_at"
    export_filename = "anmalningar"
    list_export = [
        "event_title",
        "name",
        "email",
        "organisation",
        "municipality",
        "role_text",
        "parts_text",
        "needs",
        "status_text",
        "waitlist_number",
        "created_at",
        "cancelled_at",
    ]
    export_headings = {
        "event_title": "Evenemang",
        "name": "Namn",
        "email": "E-post",
        "organisation": "Organisation",
        "municipality": "Kommun eller region",
        "role_text": "Roll",
        "parts_text": "Delar",
        "needs": "Specialkost eller tillgänglighet",
        "status_text": "Status",
        "waitlist_number": "Plats i kön",
        "created_at": "Anmäld",
        "cancelled_at": "Avbokad",
    }

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("email", label="E-post", sort_key="email"),
            Column("event_title", label="Evenemang"),
            Column("status_label", label="Status", sort_key="status"),
            Column("waitlist_number", label="Plats i kön"),
            DateColumn("created_at", label="Anmäld", sort_key="created_at"),
            Column("email_failed", label="E-post", accessor=lambda r: "Misslyckades" if r.email_failed else ""),
        ]

    def get_base_queryset(self):
        # Annotated rather than set per page, so the spreadsheet export (all rows) gets them too. The
        # event's title is a subquery, not a join: the listing's count then reads the registrations
        # alone, and the export builds no Page instance per row.
        queue = Registration.objects.filter(event=OuterRef("event"), status=Status.WAITLISTED, pk__lte=OuterRef("pk"))
        return Registration.objects.annotate(
            event_title=Subquery(Page.objects.filter(pk=OuterRef("event_id")).values("title")[:1]),
            email_failed=Exists(OutgoingEmail.objects.filter(registration=OuterRef("pk"), state=EmailState.FAILED)),
            waitlist_number=Case(
                When(
                    status=Status.WAITLISTED,
                    then=Subquery(queue.values("event").annotate(count=Count("pk")).values("count")),
                ),
                default=None,
            ),
        )

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering or "-created_at", "pk")

    def decorate_export_chunk(self, registrations):
        """The parts each registration is for (series only), one query per chunk of the export, and the
        status and role in words, translated once per chunk (get_status_display() would look the choices
        up and translate each of them again for every row)."""
        statuses = {value: str(label) for value, label in Status.choices}
        roles = {value: str(label) for value, label in Role.choices}
        for registration in registrations:
            registration.status_text = statuses.get(registration.status, registration.status)
            registration.role_text = roles.get(registration.role, registration.role)
        parts = defaultdict(list)
        # By id: Django would turn each registration given into its id, one at a time.
        chosen = SeminarPart.objects.filter(
            registrations__in=[registration.pk for registration in registrations]
        ).annotate(registration_id=F("registrations"))
        for part in chosen.order_by("registration_id", "sort_order", "pk"):
            parts[part.registration_id].append(str(part))
        for registration in registrations:
            registration.parts_text = ", ".join(parts[registration.pk])
        return registrations

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.status != Status.CANCELLED and self.user_has_permission("change"):
            buttons.append(
                ListingButton(
                    "Avboka", reverse("registrations_admin:cancel", args=[instance.pk]), icon_name="cross", priority=20
                )
            )
        return buttons


class RegistrationSummaryView(RegistrationPermissionMixin, ReportView):
    """Events with registrations: seats, confirmed, waitlisted and cancelled, each linking to its list."""

    permission_required = None
    any_permission_required = ["view", "change", "delete"]
    page_title = "Anmälningar per evenemang"
    header_icon = "group"
    index_url_name = "registrations_summary"
    index_results_url_name = "registrations_summary_results"
    default_ordering = "title"
    export_filename = "anmalningar-per-evenemang"
    verbose_name_plural = "evenemang med anmälningar"
    list_export = ["title", "confirmed_count", "waitlisted_count", "cancelled_count"]
    export_headings = {
        "title": "Evenemang",
        "confirmed_count": "Bekräftade",
        "waitlisted_count": "Reservlista",
        "cancelled_count": "Avbokade",
    }
    columns = [
        TitleColumn(
            "title",
            label="Evenemang",
            sort_key="title",
            get_url=lambda page: reverse("registrations_admin:index") + f"?event={page.pk}",
        ),
        Column("confirmed_count", label="Bekräftade", sort_key="confirmed_count"),
        Column("waitlisted_count", label="Reservlista", sort_key="waitlisted_count"),
        Column("cancelled_count", label="Avbokade", sort_key="cancelled_count"),
    ]

    def get_base_queryset(self):
        # Each count a subquery on the (event, status) index, computed for the page of rows shown when
        # sorted by title: a join grouped by page would count all registrations on every view.
        def count(status):
            rows = Registration.objects.filter(event=OuterRef("pk"), status=status).order_by().values("event")
            return Coalesce(Subquery(rows.annotate(count=Count("pk")).values("count")), 0)

        return events_with_registrations().annotate(
            confirmed_count=count(Status.CONFIRMED),
            waitlisted_count=count(Status.WAITLISTED),
            cancelled_count=count(Status.CANCELLED),
        )

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering or "title", "pk")


class CancelRegistrationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks the editor to confirm, then cancels like the visitor would: the seat goes to the waitlist."""

    permission_policy = registration_permission_policy
    permission_required = "change"
    template_name = "registrations/admin/cancel.html"
    header_icon = "cross"

    @cached_property
    def registration(self):
        return get_object_or_404(Registration.objects.select_related("event"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return f"Avboka anmälan: {self.registration.name}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["index_url"] = reverse("registrations_admin:index") + f"?event={self.registration.event_id}"
        return context

    def post(self, request, pk):
        registration = self.registration
        event = registration.event.specific
        promoted = services.cancel(registration, event)
        if promoted is None:
            messages.warning(request, f"Anmälan från {registration.name} var redan avbokad.")
        else:
            services.send_queued([registration, *promoted])
            text = f"Anmälan från {registration.name} är avbokad."
            if promoted:
                text += " Från reservlistan fick " + ", ".join(other.name for other in promoted) + " en plats."
            messages.success(request, text)
        return redirect(reverse("registrations_admin:index") + f"?event={registration.event_id}")
