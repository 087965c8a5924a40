"""A page's address as visitors know it, from its place in the tree."""

from wagtail.models import Site


def public_url(url_path):
    """The full address of the page at `url_path` (/startsida/om-oss/ gives https://…/om-oss/), as Wagtail
    routes it; "" for a page outside every site."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.root_url + url_path[len(root.root_path) - 1 :]
    return ""
