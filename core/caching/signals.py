"""Signals that make every cached page stale: page changes and the snippets and settings pages show."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import bump_generation

# Records that pages show or that change what a visitor may see; "app_label.ModelName".
WATCHED_MODELS = {
    "core.Person",
    "core.Topic",
    "core.SiteNotice",
    "core.SiteText",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailembeds.Embed",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    # Search results are cached per generation with their promotions (home.views.search).
    "wagtailsearchpromotions.SearchPromotion",
}


def _on_change(sender, **kwargs):
    bump_generation()


def _on_setting_saved(sender, created=False, **kwargs):
    # Settings are created with their defaults the first time a page reads them, mid-render;
    # that changes nothing a visitor sees.
    if not created:
        bump_generation()


def _watched_models():
    watched = set()
    for label in WATCHED_MODELS:
        try:
            watched.add(apps.get_model(label))
        except LookupError:  # an optional app that is not installed
            continue
    return watched


def connect():
    """Called once from CoreConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_change, dispatch_uid=f"pagecache-{id(signal)}")
    # Each sender named, never all models: a receiver for every model's deletes would cost Django's
    # fast delete everywhere (purges of feedback and registrations).
    for model in {Page, *get_page_models()}:
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"pagecache-{model._meta.label_lower}-delete")
    for model in _watched_models():
        post_save.connect(_on_change, sender=model, dispatch_uid=f"pagecache-{model._meta.label_lower}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"pagecache-{model._meta.label_lower}-delete")
    # Every site setting, since templates read them (footer, Kontakt, the feedback widget's texts).
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            uid = f"pagecache-{model._meta.label_lower}"
            post_save.connect(_on_setting_saved, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
