"""Admin wiring: registrations in their own menu, per-event counts among the reports, the permissions,
and deleting one as an erasure."""

from django.contrib.auth.models import Permission
from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_reports import register_report

from .actions import EraseRegistrationAction
from .admin_views import (
    CancelRegistrationView,
    RegistrationIndexView,
    RegistrationSummaryView,
    registration_permission_policy,
)
from .models import Registration


class RegistrationViewSet(ModelViewSet):
    """List, inspect, export, cancel and delete registrations; visitors create them, editors never edit them."""

    model = Registration
    icon = "group"
    menu_label = "Anmälningar"
    menu_order = 250
    add_to_admin_menu = True
    name = "registrations_admin"
    url_prefix = "anmalningar"
    # The viewset names the exported file (its table's name unless set), over the index view's own name.
    export_filename = "anmalningar"
    index_view_class = RegistrationIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    # A registration's link to its event needs no entry in Wagtail's reference index: the index would
    # hold a row per registration, and its delete signal would turn every purge into row-by-row deletes.
    add_to_reference_index = False
    search_fields = ["name", "email", "organisation", "municipality"]
    # Plain database filtering: registrations stay out of the site's search index.
    search_backend_name = None
    inspect_view_fields = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "municipality",
        "role",
        "needs",
        "parts",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "confirmation_sent_at",
        "email_log",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add or edit forms: a registration's seat and e-mail follow from the sign-up rules.
        return super().get_common_view_kwargs(**{"add_url_name": None, "edit_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            # The delete view links to the usage view (and asks it before deleting).
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("avboka/<int:pk>/", CancelRegistrationView.as_view(), name="cancel"),
        ]


registration_viewset = RegistrationViewSet()


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_actions")
def register_registration_actions(registry):
    registry.register(Registration, EraseRegistrationAction)


def may_see_registrations(user):
    return registration_permission_policy.user_has_any_permission(user, ["view", "change", "delete"])


register_report(
    "reports/anmalningar/",
    RegistrationSummaryView,
    menu_name="registrations",
    order=1310,
    is_allowed=may_see_registrations,
)


@hooks.register("register_permissions")
def register_registration_permissions():
    """Lets administrators give a group the right to see, cancel or delete registrations."""
    return Permission.objects.filter(
        content_type__app_label="registrations",
        codename__in=["view_registration", "change_registration", "delete_registration"],
    )
