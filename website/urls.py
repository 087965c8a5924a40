"""URL routes: admin, small app views, then Wagtail's page tree for everything else."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.caching.routing import serve as page_serve

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("aterkoppling/", include("feedback.urls")),
    path("anmalan/", include("registrations.urls")),
    path("", include("core.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # Wagtail serves every path not matched above, so it comes last; our view finds the page from
    # a per-generation memo first (core/caching/routing.py), with Wagtail's own pattern and name.
    re_path(wagtail_urls.serve_pattern, page_serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
