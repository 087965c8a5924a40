"""The image sizes the templates show, how cards load their renditions, and renditions made ahead of time.

The templates name the same specs (templates/components/card_image.html, top_image.html,
person_photo.html); tests/core/test_images.py checks that a render makes no rendition of its own.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

# Each picture offers AVIF, then WebP, then JPEG for the <img> that every browser reads.
FORMATS = "format-{avif,webp,jpeg}"
CARD = "fill-{320x180,480x270,640x360}"
TOP = "fill-{480x270,768x432,1024x576,1536x864}"
PHOTO = "fill-{64x64,128x128}"
SHARE = "fill-1200x630"


def specs(*patterns):
    """Every filter spec a template asks for with these patterns, in each of the formats."""
    return [spec for pattern in patterns for spec in Filter.expand_spec(f"{pattern}|{FORMATS}")]


CARD_SPECS = specs(CARD)
PHOTO_SPECS = specs(PHOTO)
# What a page's own images and a person's photo are shown as, made when they are saved or published.
PAGE_IMAGE_SPECS = [*CARD_SPECS, *specs(TOP), SHARE]


def prefetch_card_images(pages):
    """Loads the card images of already fetched pages of any types in one query for the whole list;
    returns the list. As for photos, the renditions come from Wagtail's rendition cache when a card's
    fragment is made, not from a prefetch on every render."""
    uses = {}
    for page in pages:
        # The card shows the teaser image, else the top image (PageImagesMixin.card_image).
        field = next((name for name in ("teaser_image", "top_image") if getattr(page, f"{name}_id", None)), None)
        if field:
            uses.setdefault(getattr(page, f"{field}_id"), []).append((page, field))
    if uses:
        images = get_image_model().objects.in_bulk(uses)
        for image_id, pages_and_fields in uses.items():
            if image_id in images:
                for page, field in pages_and_fields:
                    setattr(page, field, images[image_id])
    return pages


def with_photos(people):
    """A queryset of people with their photos joined in: one query.

    Their renditions are not prefetched: the markup of a photo is a cached fragment, and when it is
    made, Wagtail finds the renditions in its rendition cache (the default cache) before the database.
    Prefetching read six renditions per person on every render, fragment hit or not.
    """
    return people.select_related("photo")


@task(backend="background")
def generate_renditions(image_id, filter_specs):
    """Makes the renditions an image will be shown as, so that no visitor waits for one."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return len(image.get_renditions(*filter_specs))


def enqueue_renditions(image_ids, filter_specs=PAGE_IMAGE_SPECS):
    """After the transaction commits, queue the renditions of these images; a queue that is down costs
    nothing but time: the first visitor's request makes them."""

    def enqueue():
        for image_id in sorted({pk for pk in image_ids if pk}):
            try:
                generate_renditions.enqueue(image_id, list(filter_specs))
            except Exception:
                logger.exception("Could not queue the renditions of image %s", image_id)

    transaction.on_commit(enqueue)


def specs_for_uses(image):
    """The specs of what an image is used as now: a page's top or teaser image, a person's photo."""
    from django.apps import apps
    from django.db.models import Q

    from core.models import PageImagesMixin, Person

    used = Q(top_image=image) | Q(teaser_image=image)
    on_pages = any(
        model.objects.filter(used).exists()
        for model in apps.get_models()
        if issubclass(model, PageImagesMixin) and not model._meta.abstract
    )
    return [
        *(PAGE_IMAGE_SPECS if on_pages else []),
        *(PHOTO_SPECS if Person.objects.filter(photo=image).exists() else []),
    ]


def _image_saved(sender, instance, created, **kwargs):
    # A new focal point or file makes new renditions for the image's present uses. A new upload has
    # none yet: the page that shows it is published, or the person saved, and queues them then.
    if not created and (filter_specs := specs_for_uses(instance)):
        enqueue_renditions([instance.pk], filter_specs)


def _person_saved(sender, instance, **kwargs):
    if instance.photo_id:
        enqueue_renditions([instance.photo_id], PHOTO_SPECS)


def _page_published(sender, instance, **kwargs):
    ids = [getattr(instance, "top_image_id", None), getattr(instance, "teaser_image_id", None)]
    if any(ids):
        enqueue_renditions(ids)


def connect():
    """Called from CoreConfig.ready()."""
    from core.models import Person

    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="core.images.image_saved")
    post_save.connect(_person_saved, sender=Person, dispatch_uid="core.images.person_saved")
    page_published.connect(_page_published, dispatch_uid="core.images.page_published")
