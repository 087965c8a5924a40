"""Admin wiring: the editorial dashboard panels on the admin's home page, the owners' reports and the
digest opt-out in the account settings."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .account import DigestSettingsPanel
from .my_pages import MyPagesPanel
from .panels import panels_for
from .recordings import MissingRecordingsPanel
from .reports import BrokenLinksView, OverdueReviewsView, report_urls


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panels_for(request.user))
    if MyPagesPanel.is_shown_to(request.user):
        panels.append(MyPagesPanel(request.user))
    if MissingRecordingsPanel.is_shown_to(request.user):
        panels.append(MissingRecordingsPanel(request.user))


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls()


class ReportMenuItem(MenuItem):
    """A report's menu item, shown to those its view lets in."""

    def __init__(self, view, *args, **kwargs):
        self.view = view
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.view.is_allowed(request.user)


@hooks.register("register_reports_menu_item")
def register_overdue_reviews_menu_item():
    return ReportMenuItem(
        OverdueReviewsView,
        "Försenade granskningar",
        reverse("editorial_overdue_reviews"),
        name="overdue-reviews",
        icon_name="time",
        order=1320,
    )


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return ReportMenuItem(
        BrokenLinksView,
        "Länkar till opublicerade sidor",
        reverse("editorial_broken_links"),
        name="broken-links",
        icon_name="warning",
        order=1330,
    )


@hooks.register("register_account_settings_panel")
def register_digest_settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)
