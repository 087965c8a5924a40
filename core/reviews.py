"""Page reviews across page types: which pages, of every type with an owner and a review date, are due.

One UNION ALL query over the page types' own tables, whatever the number of pages or types.
"""

import datetime as dt

from django.conf import settings
from django.db.models import CharField, Value
from django.utils import timezone
from wagtail.models import get_page_models

from core.models import OwnershipMixin

FIELDS = ("pk", "title", "review_due", "owner_id", "kind")


def owned_page_models():
    """The concrete page types that carry a review date."""
    return [model for model in get_page_models() if issubclass(model, OwnershipMixin) and not model._meta.abstract]


def due_for_review(until=None, owner=None, now=None):
    """Live pages whose review date is on or before `until` (default: today plus PAGE_REVIEW_NOTICE_DAYS),
    past events left out, as (pk, title, review_due, owner_id, kind) rows in one query; sort and slice it
    with order_by() and [:n]."""
    now = now or timezone.now()
    until = until or timezone.localdate(now) + dt.timedelta(days=settings.PAGE_REVIEW_NOTICE_DAYS)
    queries = []
    for model in owned_page_models():
        queryset = model.needing_review(now).live().filter(review_due__lte=until)
        if owner is not None:
            queryset = queryset.filter(owner=owner)
        kind = Value(str(model._meta.verbose_name), output_field=CharField())
        queries.append(queryset.annotate(kind=kind).values_list(*FIELDS).order_by())
    if not queries:
        return []
    return queries[0].union(*queries[1:], all=True)
