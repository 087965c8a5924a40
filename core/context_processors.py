"""Template context shared by every page, without touching the database."""

from django.conf import settings


def site_name(request):
    """The site's name from settings, so error pages can show it without a database."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
