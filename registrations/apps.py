from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registrations"
    verbose_name = "Anmälningar"

    def ready(self):
        from events.signals import broadcast_moved

        from .moves import tell_registrants_of_move

        broadcast_moved.connect(tell_registrants_of_move, dispatch_uid="registrations.tell_registrants_of_move")
