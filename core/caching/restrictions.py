"""Which parts of the site are private (Wagtail view restrictions), read once per cache generation.

Wagtail reads the restrictions from the database for every `.public()` queryset and every page it
serves. Saving or deleting a restriction, and moving a page, start a new cache generation, so the
list of restricted paths can be kept until then.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .memo import per_generation


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return per_generation(
        "restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def public(queryset):
    """Wagtail's `.public()`: the pages outside every private section, without a query of its own."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def view_restrictions(wagtail_lookup):
    """A page's view restrictions; none to look up when the site has no restriction at all."""
    if not restricted_paths():
        return PageViewRestriction.objects.none()
    return wagtail_lookup()
