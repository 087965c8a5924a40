from django.urls import path
from wagtail.contrib.sitemaps.views import index, sitemap

from home import views
from home.sitemaps import SECTION_TEMPLATE, SITEMAPS

app_name = "home"

urlpatterns = [
    path("sok/", views.search, name="search"),
    path("amnen/", views.topic_index, name="topic_index"),
    path("amnen/<str:slug>/", views.topic_detail, name="topic_detail"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "home:sitemap_section"}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": SECTION_TEMPLATE},
        name="sitemap_section",
    ),
]
