"""Admin hooks: after a save, warn the editor about missing captions and embeds not yet fetched."""

from django.contrib import messages
from wagtail import hooks

from .models import KnowledgePage


def warn_editor(request, page):
    """Add a non-blocking warning for each accessibility or embed problem on a knowledge page."""
    page = page.specific
    # Autosave answers in JSON; its messages would pile up unseen until the next full page load.
    if not isinstance(page, KnowledgePage) or not request.accepts("text/html"):
        return
    for warning in page.editor_warnings():
        messages.warning(request, warning)


hooks.register("after_create_page", warn_editor)
hooks.register("after_edit_page", warn_editor)
