"""The site's start page in the language a visitor reads, for the menu, breadcrumbs, search and feeds."""

from wagtail.models import Site


def site_root(request, locale=None):
    """The start page of the request's site in `locale` (a Locale or its id; the active language's when
    None) if that translation is live, else the start page itself; None for a request outside every site.

    A visitor is never sent to an unpublished translation: Wagtail routes from the live one only.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if locale is None:
        # Wagtail's own choice: the translation in the active language when it is live.
        return root.localized
    locale_id = getattr(locale, "pk", locale)
    # The start page's own language needs no query for its translation.
    if locale_id == root.locale_id:
        return root
    translation = root.get_translation_or_none(locale_id)
    return translation if translation is not None and translation.live else root
