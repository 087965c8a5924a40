"""How registrations find the event pages they belong to; the events app knows nothing of registrations."""

from wagtail.models import Page

from events.models import EVENT_MODELS, EventMixin


def onsite_event(event_id):
    """The live, public event page with on-site registration switched on, or None."""
    page = Page.objects.live().public().filter(pk=event_id).select_related("content_type").first()
    if page is None:
        return None
    page = page.specific
    if not isinstance(page, EventMixin) or not page.onsite_registration:
        return None
    return page


def ended_event_ids(cutoff):
    """Ids of event pages whose end (or start, if they have no end) is before `cutoff`."""
    ids = []
    for model in EVENT_MODELS:
        ids += model.objects.filter(end__lt=cutoff).values_list("pk", flat=True)
        ids += model.objects.filter(end__isnull=True, start__lt=cutoff).values_list("pk", flat=True)
    return ids
