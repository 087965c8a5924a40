"""Routes of the feedback service (filled in by the feedback widget)."""

app_name = "feedback"

urlpatterns = []
