"""The admin's "Kopiera sida" form: the copy's slug follows its new title, as in the page editor."""

from wagtail.admin.forms.pages import CopyForm


class TitleToSlugCopyForm(CopyForm):
    """Wagtail's copy form, with the title field wired to Wagtail's own title-to-slug sync (the
    Stimulus controllers w-sync and w-slug that TitleFieldPanel uses in the editor)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same attributes TitleFieldPanel puts on a page's title field.
        self.fields["new_title"].widget.attrs.update(
            {
                "data-controller": "w-sync",
                "data-action": "focus->w-sync#check blur->w-sync#apply change->w-sync#apply keyup->w-sync#apply",
                "data-w-sync-target-value": f"#{self['new_slug'].id_for_label}",
            }
        )
