"""For editors: how many follow each topic (no addresses), and, with a permission, the addresses."""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.exports import BOM, SwedishExcel, spreadsheet_safe
from core.models import Topic

from .models import AlertSettings, Frequency, Subscription

EXPORT_PERMISSION = "alerts.export_subscription"


def confirmed_count(frequency=None):
    condition = Q(subscriptions__consented_at__isnull=False)
    if frequency:
        condition &= Q(subscriptions__frequency=frequency)
    return Count("subscriptions", filter=condition, distinct=True)


class AlertCountsView(WagtailAdminTemplateMixin, TemplateView):
    """Bevakningar: confirmed subscribers per topic and frequency; counts only, nothing personal."""

    template_name = "alerts/admin/counts.html"
    page_title = "Bevakningar"
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        topics = (
            Topic.objects.sources()
            .annotate(
                total=confirmed_count(),
                immediate=confirmed_count(Frequency.IMMEDIATE),
                weekly=confirmed_count(Frequency.WEEKLY),
            )
            .order_by("name")
        )
        return super().get_context_data(
            topics=topics,
            subscribers=Subscription.objects.confirmed().count(),
            unconfirmed=Subscription.objects.unconfirmed().count(),
            paused=AlertSettings.alerts_paused(),
            can_export=self.request.user.has_perm(EXPORT_PERMISSION),
            **kwargs,
        )


def export_addresses(request):
    """The confirmed addresses with their topics, frequency and consent time, as CSV for Swedish Excel."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=SwedishExcel)
    writer.writerow(["E-postadress", "Ämnen", "Hur ofta", "Samtycke"])
    rows = Subscription.objects.confirmed().prefetch_related("topics").order_by("consented_at", "pk")
    for subscription in rows:
        writer.writerow(
            [
                spreadsheet_safe(subscription.email),
                spreadsheet_safe(", ".join(topic.name for topic in subscription.topics.all())),
                subscription.get_frequency_display(),
                timezone.localtime(subscription.consented_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    response = HttpResponse(BOM + buffer.getvalue().encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bevakningar.csv"'
    response["Cache-Control"] = "no-store"
    return response
