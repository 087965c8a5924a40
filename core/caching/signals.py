"""Signals that make every cached page stale: page changes and the snippets and settings pages show."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import bump_generation

# Records that pages show or that change what a visitor may see; "app_label.ModelName".
WATCHED_MODELS = {
    "core.Person",
    "core.Topic",
    "core.SiteNotice",
    "core.FooterSettings",
    "core.ContactSettings",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailembeds.Embed",
    "wagtailimages.Image",
    "wagtaildocs.Document",
}


def invalidate():
    """Bump now (the editor's next request sees the change) and again after the commit, so that a
    page rendered from the old data while the transaction was open cannot outlive it."""
    bump_generation()
    transaction.on_commit(bump_generation)


def _on_page_change(sender, **kwargs):
    invalidate()


def _on_setting_saved(sender, created=False, **kwargs):
    # Settings are created with their defaults the first time a page reads them, mid-render;
    # that changes nothing a visitor sees.
    if not created:
        invalidate()


def _on_delete(sender, **kwargs):
    if issubclass(sender, Page):
        invalidate()


def _watched_senders():
    senders = set()
    for label in WATCHED_MODELS:
        try:
            senders.add(apps.get_model(label))
        except LookupError:  # an optional app that is not installed
            continue
    # Any other site setting that templates read (e.g. the feedback widget's texts).
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            senders.add(model)
    return senders


def connect():
    """Called once from CoreConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"pagecache-{id(signal)}")
    pre_delete.connect(_on_delete, dispatch_uid="pagecache-page-pre-delete")
    post_delete.connect(_on_delete, dispatch_uid="pagecache-page-post-delete")
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    for model in _watched_senders():
        uid = f"pagecache-{model._meta.label_lower}"
        on_save = _on_setting_saved if issubclass(model, BaseSiteSetting | BaseGenericSetting) else _on_page_change
        post_save.connect(on_save, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_page_change, sender=model, dispatch_uid=f"{uid}-delete")
