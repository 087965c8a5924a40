"""Admin: the Bevakningar report (counts per topic) and the permission to export addresses."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import AlertCountsView, export_addresses


@hooks.register("register_admin_urls")
def register_alert_urls():
    return [
        path("reports/bevakningar/", AlertCountsView.as_view(), name="alerts_counts"),
        path("reports/bevakningar/export/", export_addresses, name="alerts_export"),
    ]


@hooks.register("register_reports_menu_item")
def register_alert_counts_menu_item():
    return MenuItem("Bevakningar", reverse("alerts_counts"), name="alerts", icon_name="mail", order=1400)


@hooks.register("register_permissions")
def register_alert_permissions():
    """Lets administrators give a group the right to export the subscribers' addresses."""
    return Permission.objects.filter(content_type__app_label="alerts", codename="export_subscription")
