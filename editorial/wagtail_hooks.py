"""Admin wiring: the editorial dashboard panels on the admin's home page, the owners' reports and the
digest opt-out in the account settings."""

from wagtail import hooks

from core.admin_reports import register_report

from .account import DigestSettingsPanel
from .my_pages import MyPagesPanel
from .panels import panels_for
from .recordings import MissingRecordingsPanel
from .reports import BrokenLinksView, OverdueReviewsView


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panels_for(request.user))
    if MyPagesPanel.is_shown_to(request.user):
        panels.append(MyPagesPanel(request.user))
    if MissingRecordingsPanel.is_shown_to(request.user):
        panels.append(MissingRecordingsPanel(request.user))


register_report(
    "reports/granskningar/",
    OverdueReviewsView,
    menu_name="overdue-reviews",
    order=1320,
    is_allowed=OverdueReviewsView.is_allowed,
)
register_report(
    "reports/trasiga-lankar/",
    BrokenLinksView,
    menu_name="broken-links",
    order=1330,
    is_allowed=BrokenLinksView.is_allowed,
)


@hooks.register("register_account_settings_panel")
def register_digest_settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)
