from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Conferences, webinar series, networks and their listings and calendars."""

    name = "events"
    verbose_name = "Evenemang"
