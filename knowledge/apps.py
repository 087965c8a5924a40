from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Themed knowledge pages with webcasts, podcasts and web courses."""

    name = "knowledge"
    verbose_name = "Kunskap"
