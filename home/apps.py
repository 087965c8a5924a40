from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and plain content pages."""

    name = "home"
    verbose_name = "Startsida och innehållssidor"
