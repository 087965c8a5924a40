"""Page life-cycle signals for owners: a review date set on first publishing, and alerts to the owners of
pages that link to a page that is unpublished, moved or deleted (found with Wagtail's reference index)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import LinkAlert, LinkChange, OwnershipMixin
from core.models.ownership import review_due_after


def set_default_review_date(sender, instance, revision=None, **kwargs):
    """A page published without a review date gets one PAGE_REVIEW_MONTHS ahead, in its live row and in
    the published revision, so the editor sees the date the next time the page is opened."""
    if not isinstance(instance, OwnershipMixin) or instance.review_due:
        return
    due = review_due_after(timezone.localdate())
    type(instance).objects.filter(pk=instance.pk).update(review_due=due)
    instance.review_due = due
    if revision is not None and isinstance(revision.content, dict):
        revision.content["review_due"] = due.isoformat()
        revision.save(update_fields=["content"])


def linking_page_ids(target_id):
    """Ids of the pages whose content refers to the page `target_id`, itself left out."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=page_type, to_object_id=str(target_id)
        )
        .exclude(object_id=str(target_id))
        .values_list("object_id", flat=True)
        .distinct()
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in ids]).values_list("pk", flat=True)


def alert_linking_pages(target, change, page_ids=None):
    """One alert for each page that links to `target` (or for each of `page_ids` that still exists)."""
    page_ids = (
        linking_page_ids(target.pk)
        if page_ids is None
        else Page.objects.filter(pk__in=page_ids).values_list("pk", flat=True)
    )
    LinkAlert.objects.bulk_create(
        LinkAlert(page_id=pk, target_id=target.pk, target_title=target.title[:255], change=change) for pk in page_ids
    )


def on_unpublished(sender, instance, **kwargs):
    alert_linking_pages(instance, LinkChange.UNPUBLISHED)


def on_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # Reordering among siblings keeps the address: nothing for anyone to check.
    if url_path_before != url_path_after:
        alert_linking_pages(instance, LinkChange.MOVED)


def before_delete(sender, instance, **kwargs):
    # Wagtail drops the index rows pointing at a deleted page, so they are read before the delete.
    instance.linking_page_ids = list(linking_page_ids(instance.pk))


def on_deleted(sender, instance, **kwargs):
    # After the delete, so the pages deleted with this one (its subpages) no longer count as linking.
    alert_linking_pages(instance, LinkChange.DELETED, getattr(instance, "linking_page_ids", []))


def connect():
    page_published.connect(set_default_review_date, dispatch_uid="core_review_date")
    page_unpublished.connect(on_unpublished, dispatch_uid="core_link_alert_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="core_link_alert_moved")
    pre_delete.connect(before_delete, sender=Page, dispatch_uid="core_link_alert_before_delete")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="core_link_alert_deleted")
