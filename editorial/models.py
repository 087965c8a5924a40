"""Editors' own preferences, set under Konto > Inställningar."""

from django.conf import settings
from django.db import models


class EditorPreferences(models.Model):
    """Whether an editor gets the weekly digest about the pages they own (on unless they turn it off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_preferences", verbose_name="användare"
    )
    owner_digest = models.BooleanField(
        "veckobrev om mina sidor",
        default=True,
        help_text="Ett mejl på måndagar om nya Nej-kommentarer, sidor att granska och länkar att se över. "
        "Skickas bara när det finns något nytt.",
    )

    class Meta:
        verbose_name = "redaktörens inställningar"
        verbose_name_plural = "redaktörernas inställningar"

    def __str__(self):
        return str(self.user)
