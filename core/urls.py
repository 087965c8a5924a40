from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("personer/<int:pk>/vcard/", views.person_vcard, name="person_vcard"),
]
