"""The digest opt-out in the admin's account settings (Wagtail's account settings panel API)."""

from django import forms
from wagtail.admin.views.account import BaseSettingsPanel

from .models import EditorPreferences
from .panels import may_edit_pages


class DigestPreferenceForm(forms.ModelForm):
    """Edits the user's own preferences row, made on first save."""

    class Meta:
        model = EditorPreferences
        fields = ["owner_digest"]


class DigestSettingsPanel(BaseSettingsPanel):
    """Veckobrev: the weekly e-mail about the pages the user owns."""

    name = "owner_digest"
    title = "Veckobrev om mina sidor"
    order = 400
    form_class = DigestPreferenceForm

    def is_active(self):
        # Only those who may own pages get the digest.
        return may_edit_pages(self.user)

    def get_form(self):
        preferences = EditorPreferences.objects.filter(user=self.user).first() or EditorPreferences(user=self.user)
        kwargs = {"instance": preferences, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)
