"""Admin wiring: the editorial dashboard panels on the admin's home page."""

from wagtail import hooks

from .panels import panels_for


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panels_for(request.user))
