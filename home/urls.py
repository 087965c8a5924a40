from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from home import views

app_name = "home"

urlpatterns = [
    path("sok/", views.search, name="search"),
    path("amnen/", views.topic_index, name="topic_index"),
    path("amnen/<str:slug>/", views.topic_detail, name="topic_detail"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
