from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("personer/<int:pk>/vcard/", views.person_vcard, name="person_vcard"),
]
