from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: shared blocks, people, topics, notices and site settings."""

    name = "core"
    verbose_name = "Gemensamt"

    def ready(self):
        from core import images, page_signals
        from core.caching import signals
        from core.exports import files

        signals.connect()
        files.connect()
        page_signals.connect()
        images.connect()
