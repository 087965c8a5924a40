"""Routes of on-site registration under /anmalan/: never cached, so CSRF tokens are always fresh."""

from django.urls import path

from .views import ManageView, SignupView

app_name = "registrations"

urlpatterns = [
    path("<int:event_id>/", SignupView.as_view(), name="signup"),
    path("min-anmalan/<str:token>/", ManageView.as_view(), name="manage"),
]
