"""A memo of Wagtail's routing walk: which page a public address names, per cache generation.

Wagtail finds a page by walking down the tree, one query for each path segment and one for each
page's specific row: five of a seed page's twelve queries. The first visit to a
page's own address takes the walk and remembers (page id, content type) under the current
generation; later visits load that one page in one query and let it route itself with no path
left, so its `live` check and a routable page's index route are Wagtail's own. Only addresses that
name a page are remembered: unknown paths (404) and sub-routes (a calendar feed) always walk.
View restrictions are checked after routing by Wagtail's serve view, whatever found the page.
"""

import hashlib
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches

from .generation import current_generation

logger = logging.getLogger(__name__)

# Per process, like the template fragments: a memo is worth a few queries, not a network round trip.
CACHE_ALIAS = "template_fragments"


def _key(root, path_components, generation):
    path = "/".join(path_components)
    return f"route:{generation}:{root.pk}:{hashlib.sha256(path.encode()).hexdigest()}"


def _own_url_path(root, path_components):
    return root.url_path + "".join(f"{component}/" for component in path_components)


def route(root, request, path_components, walk):
    """Route `path_components` below the site root `root`; `walk` is Wagtail's own route (super().route).

    Returns what `walk` would: a RouteResult, or raises Http404.
    """
    url_path = _own_url_path(root, path_components)
    try:
        memo = caches[CACHE_ALIAS]
        key = _key(root, path_components, current_generation())
        remembered = memo.get(key)
    except Exception:  # noqa: BLE001 - a memo that cannot answer: route as Wagtail does
        logger.warning("Could not read the route memo", exc_info=True)
        return walk(request, path_components)

    if remembered is not None:
        page_id, content_type_id = remembered
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.in_bulk([page_id]).get(page_id) if model is not None else None
        # A page moved or renamed within the second before this thread saw the new generation no
        # longer has this address: walk instead.
        if page is not None and page.url_path == url_path:
            return page.route(request, [])

    result = walk(request, path_components)
    page = result[0]
    if page.url_path == url_path:
        memo.set(key, (page.pk, page.content_type_id))
    return result
