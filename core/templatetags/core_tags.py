"""Template tags for the site chrome: menu, breadcrumbs and notices."""

from django import template
from wagtail.models import Site

from core.caching.memo import per_generation
from core.caching.notices import active_notices

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The live, public pages under the site root that editors marked "visa i menyer"."""
    root = _site_root(context)
    items = []
    if root:
        # The same for every page until content changes: kept for the cache generation.
        request = context.get("request")

        def menu_items():
            # Titles, addresses and tree paths only: the template needs no page objects.
            pages = root.get_children().live().in_menu().public()
            return [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in pages]

        items = per_generation(f"main-menu:{root.pk}", menu_items)
    current = context.get("page")
    return {
        "items": items,
        "current_path": current.path if current else "",
        "root": root,
        "request": context.get("request"),
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page (none on the home page itself)."""
    page = context.get("page")
    root = _site_root(context)
    if not page or not root or page.depth <= root.depth:
        return {"ancestors": [], "page": page}

    request = context.get("request")

    def trail():
        ancestors = page.get_ancestors().filter(depth__gte=root.depth).live()
        return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]

    if page.pk is None or getattr(request, "is_preview", False):
        ancestors = trail()  # a preview's page may not be in the tree yet
    else:
        ancestors = per_generation(f"breadcrumbs:{root.pk}:{page.pk}", trail)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("components/site_notices.html")
def site_notices():
    """The notices whose display window includes now."""
    return {"notices": active_notices()}


@register.filter
def is_in_section(menu_page_path, current_path):
    """True when the current page is the menu page or lies below it."""
    return bool(current_path) and current_path.startswith(menu_page_path)
