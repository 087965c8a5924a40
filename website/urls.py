"""URL routes: admin, small app views, then Wagtail's page tree (Swedish, and English under /en/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("aterkoppling/", include("feedback.urls")),
    path("anmalan/", include("registrations.urls")),
    path("", include("core.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Wagtail's own patterns come last: its password and login views for private pages, then its page
# view for every path not matched above. Swedish keeps its addresses; English ones begin with /en/,
# and Wagtail serves the English translation of the start page there (docs/translation.md).
# Search and the topic pages too, so /en/sok/ searches the English pages in English, and the topic
# alerts, so that /en/bevaka/ subscribes in English and the links in English alerts open English pages.
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("bevaka/", include("alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
