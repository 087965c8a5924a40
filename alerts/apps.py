from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Bevaka ämnet: e-mail alerts about new pages on the topics a visitor follows."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = "Bevakningar"

    def ready(self):
        from wagtail.signals import page_published

        from .signals import page_first_published

        page_published.connect(page_first_published, dispatch_uid="alerts.page_first_published")
