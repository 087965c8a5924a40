"""Page routing that remembers, per cache generation, which site and page answer a path.

Wagtail finds a page by walking the tree one path segment at a time: a query for the site, then
two per segment (the child, then its specific row). A publish, move, unpublish, delete or site
change starts a new cache generation, so until then the answer for a path cannot change, and one
query for the page's own row is enough. Only the lookup is remembered, never the page itself.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page

from .memo import per_generation
from .sites import site_for_request

_NOT_FOUND = None


def _route_key(site, path):
    return f"route-page:{site.pk}:{path}"


def _find_route(request, site, path):
    """What Wagtail's own routing answers: (page id, model label) if the path is the page's own."""
    result = Page.route_for_request(request, path)
    if result is None:
        return _NOT_FOUND
    page = result[0]
    # Only a page's own address is remembered; sub-routes (feeds, calendars) and anything an
    # ancestor answers for are routed by Wagtail each time.
    root_url_path = site.root_page.url_path
    if not page.url_path.startswith(root_url_path):
        return _NOT_FOUND
    own_path = page.url_path[len(root_url_path) :]
    if own_path.strip("/") != path.strip("/"):
        return _NOT_FOUND
    return (page.pk, page.specific_class._meta.label)


def route_for_request(request, path):
    """Set Wagtail's per-request route from the memo; afterwards Wagtail serves as usual."""
    site = site_for_request(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    # Unknown paths are not remembered: anyone can make up endless addresses.
    found = per_generation(
        _route_key(site, path), lambda: _find_route(request, site, path), keep=lambda value: value is not _NOT_FOUND
    )
    if found is _NOT_FOUND or hasattr(request, "_wagtail_route_for_request"):
        # Not found, or routed just now by Wagtail while filling the memo.
        return
    page_id, label = found
    try:
        model = apps.get_model(label)
        page = model.objects.get(pk=page_id)
        request._wagtail_route_for_request = page.route(request, [])
    except (LookupError, ObjectDoesNotExist, Http404):
        # Gone since the memo was filled (the generation is about to change): route as Wagtail does.
        return


def serve(request, path):
    """Wagtail's page view, with the route found from the memo."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
