"""URL routes: admin, small app views, then Wagtail's page tree for everything else."""

from django.conf import settings
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
    path("bevaka/", include("alerts.urls")),
    path("", include("core.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Wagtail's own patterns come last: its password and login views for private pages, then its
    # page view for every path not matched above.
    path("", include(wagtail_urls)),
]
