from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' working set-up: groups, the approval workflow and the admin dashboard panels."""

    name = "editorial"
    verbose_name = "Redaktionellt arbete"
