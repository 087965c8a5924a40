"""Admin reports in one call: a report's two addresses (the page and the results its filters fetch) and
its item in the admin's Reports menu, shown only to those the report lets in."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class ReportMenuItem(MenuItem):
    """A report's item in the Reports menu, shown to the users `is_allowed(user)` lets in."""

    def __init__(self, *args, is_allowed, **kwargs):
        self.is_allowed = is_allowed
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.is_allowed(request.user)


def report_urls(route, view_class, name):
    """The report view at admin/`route` (named `name`) and its results at `route`results/ (named
    `name`_results), which a Wagtail ReportView's filters fetch."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


def register_report(route, view_class, *, menu_name, order, is_allowed):
    """Register a Wagtail ReportView at admin/`route` (see `report_urls`; named after its `index_url_name`)
    and its item in the Reports menu at `order`, with the view's title and icon, for the users
    `is_allowed(user)` lets in. Called from an app's wagtail_hooks."""
    name = view_class.index_url_name

    @hooks.register("register_admin_urls")
    def register_urls():
        return report_urls(route, view_class, name)

    @hooks.register("register_reports_menu_item")
    def register_menu_item():
        return ReportMenuItem(
            view_class.page_title,
            reverse(name),
            name=menu_name,
            icon_name=view_class.header_icon,
            order=order,
            is_allowed=is_allowed,
        )
