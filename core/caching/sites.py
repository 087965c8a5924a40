"""The Wagtail site that answers a request, read from a memo kept for the cache generation.

Apart from the routing view, so that models can import it while Django is still loading apps.
"""

from wagtail.models import Site

from .memo import per_generation


def site_for_request(request):
    """Wagtail's site for this host and port, with its root page, from the memo."""
    if not hasattr(request, "_wagtail_site"):
        try:
            host, port = request.get_host().split(":")[0].lower(), request.get_port()
        except Exception:  # noqa: BLE001 - a disallowed host: let Wagtail answer as it would
            return Site.find_for_request(request)

        def find():
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - loaded now, so the memo carries it
            return site

        request._wagtail_site = per_generation(f"route-site:{host}:{port}", find)
        if not hasattr(request, "_wagtail_cached_site_root_paths"):
            # Wagtail reads these from the cache for every request that builds a page address.
            request._wagtail_cached_site_root_paths = per_generation("site-root-paths", Site.get_site_root_paths)
    return request._wagtail_site
