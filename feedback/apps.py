from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """The "Hjälpte informationen på sidan dig?" widget and its reports."""

    name = "feedback"
    verbose_name = "Återkoppling"
